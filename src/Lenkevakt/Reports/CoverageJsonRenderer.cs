using System.Text.Json;

namespace Lenkevakt.Reports;

/// <summary>The report as JSON: the <see cref="CoverageModel"/> (camelCase; counties asked for, with municipalities and cells).</summary>
public static class CoverageJsonRenderer
{
    public static string Render(CoverageModel model) => JsonSerializer.Serialize(model, ExportJson.Options) + "\n";
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lenkevakt.Tests.Content;

/// <summary>One labelled page of the corpus (Fixtures/corpus/labels.json).</summary>
public sealed class CorpusPage
{
    public string File { get; set; } = "";

    public string Url { get; set; } = "";

    public string SiteId { get; set; } = "";

    public string SiteKind { get; set; } = "";

    public string Encoding { get; set; } = "";

    public string? DeclaredLang { get; set; }

    public string TrueLang { get; set; } = "";

    public bool IsHelpPage { get; set; }

    public Dictionary<string, string> Rules { get; set; } = [];

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus");

    public static IReadOnlyList<CorpusPage> LoadAll()
    {
        var json = System.IO.File.ReadAllText(Path.Combine(Folder, "labels.json"));
        var root = JsonSerializer.Deserialize<Root>(json, JsonOptions)!;
        return root.Pages;
    }

    public byte[] Bytes() => System.IO.File.ReadAllBytes(Path.Combine(Folder, File));

    private sealed class Root
    {
        [JsonPropertyName("pages")]
        public List<CorpusPage> Pages { get; set; } = [];
    }
}

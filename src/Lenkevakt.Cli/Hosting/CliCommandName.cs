namespace Lenkevakt.Cli.Hosting;

/// <summary>
/// How the user started this CLI, so messages that suggest a next command print one that works: <c>lenkevakt</c>
/// (installed tool on PATH), <c>dotnet lenkevakt</c> (the repository's local tool manifest), <c>dotnet run --project
/// src/Lenkevakt.Cli --</c> (from the build output in the repository) or <c>dotnet &lt;path&gt;/Lenkevakt.Cli.dll</c>.
/// </summary>
public static class CliCommandName
{
    private static readonly Lazy<string> Resolved = new(Resolve);

    public static string Current => Resolved.Value;

    private static string Resolve()
    {
        var process = Path.GetFileNameWithoutExtension(Environment.ProcessPath ?? "");
        var baseDir = AppContext.BaseDirectory.Replace('\\', '/');
        if (string.Equals(process, "lenkevakt", StringComparison.OrdinalIgnoreCase))
        {
            return "lenkevakt";
        }

        // A tool package's layout: <packages>/lenkevakt.cli/<version>/tools/<tfm>/any/ (local tools run through the dotnet host).
        if (baseDir.Contains("/lenkevakt.cli/", StringComparison.OrdinalIgnoreCase) && baseDir.Contains("/tools/", StringComparison.OrdinalIgnoreCase))
        {
            return "dotnet lenkevakt";
        }

        if (baseDir.Contains("/src/Lenkevakt.Cli/bin/", StringComparison.Ordinal))
        {
            return "dotnet run --project src/Lenkevakt.Cli --";
        }

        return $"dotnet {Path.Combine(AppContext.BaseDirectory, "Lenkevakt.Cli.dll")}";
    }
}

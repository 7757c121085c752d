namespace Lenkevakt.Sites;

/// <summary>A sites file that cannot be used: names the file, the position in it and the problem.</summary>
public sealed class SitesFileException : Exception
{
    public SitesFileException(string file, string position, string problem, Exception? inner = null)
        : base($"{file}: {position}: {problem}", inner)
    {
        File = file;
        Position = position;
        Problem = problem;
    }

    public string File { get; }

    /// <summary>Line/byte position for syntax errors, or the JSON path (<c>$.sites[2].startUrls[0]</c>) for invalid values.</summary>
    public string Position { get; }

    public string Problem { get; }
}

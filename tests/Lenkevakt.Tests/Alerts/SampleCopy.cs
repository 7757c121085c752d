using Lenkevakt.Tests.Infrastructure;

namespace Lenkevakt.Tests.Alerts;

/// <summary>A private copy of <c>samples/demo</c> in a temp folder, so a test can fix a planted defect between runs.</summary>
public sealed class SampleCopy : IDisposable
{
    public SampleCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "lenkevakt-tests", "samples-" + Guid.NewGuid().ToString("N")[..8]);
        var source = TestServices.SamplesRoot();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    /// <summary>Replaces <paramref name="old"/> (which must occur) in a UTF-8 page of the copy.</summary>
    public void Edit(string relativePath, string old, string replacement)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(old, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(old, replacement, StringComparison.Ordinal), new System.Text.UTF8Encoding(false));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

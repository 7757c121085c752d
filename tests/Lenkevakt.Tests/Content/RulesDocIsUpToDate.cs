using Lenkevakt.Content.Rules;
using Xunit;

namespace Lenkevakt.Tests.Content;

/// <summary>
/// docs/rules.md is generated from config/rules/required-fields.v1.json. This test regenerates it in memory and fails when
/// the file differs. To update it: <c>LENKEVAKT_UPDATE_DOCS=1 dotnet test tests/Lenkevakt.Tests --filter FullyQualifiedName~RulesDocIsUpToDate</c>.
/// </summary>
[Trait("Category", "Unit")]
public sealed class RulesDocIsUpToDate
{
    [Fact]
    public void Docs_Rules_Md_Matches_The_Rule_File()
    {
        var root = RepoRoot();
        var set = RuleSetLoader.LoadFile(Path.Combine(root, "config", "rules", "required-fields.v1.json"));
        var expected = RulesDocGenerator.Generate(set);
        var path = Path.Combine(root, "docs", "rules.md");
        if (Environment.GetEnvironmentVariable("LENKEVAKT_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(actual == expected,
            "docs/rules.md is out of date with config/rules/required-fields.v1.json. Regenerate it with:\n" +
            "  LENKEVAKT_UPDATE_DOCS=1 dotnet test tests/Lenkevakt.Tests --filter FullyQualifiedName~RulesDocIsUpToDate");
    }

    [Fact]
    public void Generated_Doc_Has_Both_Languages_And_Every_Rule()
    {
        var set = RuleSetLoader.LoadEmbedded();
        var doc = RulesDocGenerator.Generate(set);
        Assert.Contains("## Norsk", doc, StringComparison.Ordinal);
        Assert.Contains("## English", doc, StringComparison.Ordinal);
        foreach (var rule in set.Rules)
        {
            Assert.Contains($"`{rule.Id}` – {rule.TitleNb}", doc, StringComparison.Ordinal);
            Assert.Contains($"`{rule.Id}` – {rule.TitleEn}", doc, StringComparison.Ordinal);
        }

        Assert.Equal(doc, RulesDocGenerator.Generate(set));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lenkevakt.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Lenkevakt.sln not found above " + AppContext.BaseDirectory);
    }
}

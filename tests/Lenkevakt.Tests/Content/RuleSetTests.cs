using System.Text;
using Lenkevakt.Content.Rules;
using Xunit;

namespace Lenkevakt.Tests.Content;

[Trait("Category", "Unit")]
public sealed class RuleSetTests
{
    private static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(string.Join('/', parts));
    }

    [Fact]
    public void Embedded_Rule_Set_Is_The_File_In_Config_Rules()
    {
        var embedded = RuleSetLoader.LoadEmbedded();
        var file = RuleSetLoader.LoadFile(RepoFile("config", "rules", "required-fields.v1.json"));
        Assert.Equal(file.Stamp, embedded.Stamp);
        Assert.Equal(file.Rules.Select(r => (r.Id, r.Version)), embedded.Rules.Select(r => (r.Id, r.Version)));
        Assert.Equal("required-fields@1.13.0", embedded.Stamp);
    }

    [Fact]
    public void Rule_Set_Covers_The_Required_Information()
    {
        var ids = RuleSetLoader.LoadEmbedded().Rules.Select(r => r.Id).ToHashSet();
        foreach (var id in new[]
                 {
                     "kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113",
                     "hjelpetelefoner-psykisk-helse", "frivillige-organisasjoner", "informasjon-andre-sprak", "klart-sprak",
                     "telefon", "e-post", "besoksadresse", "apningstider",
                 })
        {
            Assert.Contains(id, ids);
        }
    }

    [Fact]
    public void Every_Rule_Has_Norwegian_And_English_Text_And_A_Source()
    {
        var set = RuleSetLoader.LoadEmbedded();
        Assert.Empty(RuleSetLoader.Validate(set));
        foreach (var r in set.Rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(r.TitleNb) || string.IsNullOrWhiteSpace(r.TitleEn) || string.IsNullOrWhiteSpace(r.MissingNb), r.Id);
            Assert.NotEmpty(r.Sources);
        }
    }

    [Fact]
    public void Invalid_Rule_Files_Are_Rejected_With_Every_Problem_Listed()
    {
        const string json = """
            { "name": "x", "version": "1", "sources": [],
              "rules": [
                { "id": "Bad Id", "titleNb": "t", "titleEn": "t", "descriptionNb": "d", "descriptionEn": "d", "missingNb": "m",
                  "sources": ["nope"], "appliesTo": ["kommune"], "severity": "fatal", "detect": { "detector": "crystal-ball" } },
                { "id": "dup", "titleNb": "t", "titleEn": "t", "descriptionNb": "d", "descriptionEn": "d", "missingNb": "m",
                  "sources": [], "appliesTo": ["municipality"], "detect": { "patterns": ["(unclosed"] } },
                { "id": "dup", "titleNb": "t", "titleEn": "t", "descriptionNb": "d", "descriptionEn": "d", "missingNb": "m",
                  "sources": [], "appliesTo": ["municipality"], "detect": { } }
              ] }
            """;
        var ex = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json"));
        foreach (var part in new[] { "MAJOR.MINOR.PATCH", "kebab-case", "unknown source 'nope'", "appliesTo", "severity", "crystal-ball", "bad pattern", "duplicate rule id 'dup'", "exactly one of" })
        {
            Assert.Contains(part, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Phrase_Regex_Matches_Whole_Words_Hyphen_Variants_And_Wildcards()
    {
        var r = RuleEngine.PhraseRegex(["e-post", "legevakt*", "psykisk helse", "семейн* врач*"]);
        Assert.Matches(r, "Send epost til oss");
        Assert.Matches(r, "Send e post til oss");
        Assert.Matches(r, "Legevakten er åpen");
        Assert.Matches(r, "Psykisk\nhelse");
        Assert.Matches(r, "звоните семейному врачу");
        Assert.DoesNotMatch(r, "kommunelegevakt");
        Assert.DoesNotMatch(r, "psykiske helseplager");
    }
}

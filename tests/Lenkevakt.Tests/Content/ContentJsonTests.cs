using Lenkevakt.Content.Persistence;
using Lenkevakt.Content.Rules;
using Xunit;

namespace Lenkevakt.Tests.Content;

/// <summary>Storage helpers that need no emulator.</summary>
[Trait("Category", "Unit")]
public sealed class ContentJsonTests
{
    [Fact]
    public void Page_Row_Key_Is_32_Hex_Characters_Of_Sha256()
    {
        var key = PageKey.For("https://www.test.kommune.no/legevakt/");
        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.NotEqual(key, PageKey.For("https://www.test.kommune.no/legevakt"));
    }

    [Fact]
    public void Rule_Json_Stays_Under_The_Property_Limit()
    {
        var many = Enumerable.Range(0, 400).Select(i => new RuleResult("rule-" + i, RuleOutcome.Met, new string('e', 2000), new string('w', 500))).ToList();
        var json = ContentJson.Rules(many);
        Assert.True(json.Length <= ContentJson.MaxPropertyChars, $"{json.Length}");
        Assert.Equal(400, ContentJson.ReadRules(json).Count);
    }
}

using Lenkevakt.Content.Languages;
using Xunit;

namespace Lenkevakt.Tests.Content;

[Trait("Category", "Unit")]
public sealed class LanguageDetectorTests
{
    private static readonly LanguageDetector Detector = LanguageDetector.Default;

    [Theory]
    [InlineData("Legevakt")]
    [InlineData("Ring 113")]
    [InlineData("116 117")]
    [InlineData("Kontakt oss")]
    [InlineData("")]
    public void Too_Short_Texts_Are_Undetermined(string text)
    {
        var g = Detector.Detect(text);
        Assert.Equal(LanguageGuess.Undetermined, g.Code);
        Assert.Equal(0, g.Confidence);
    }

    [Theory]
    [InlineData("Du kan ikke bestille time hos fastlegen på nettet, men du kan ringe legekontoret hver dag.", "nb")]
    [InlineData("Du kan ikkje bestille time hos fastlegen på nettet, men du kan ringje legekontoret kvar dag.", "nn")]
    [InlineData("Eg veit ikkje kva eg skal gjere når legevakta er stengd i helga.", "nn")]
    [InlineData("Jeg vet ikke hva jeg skal gjøre når legevakten er stengt i helgen.", "nb")]
    [InlineData("If you need help outside office hours, call the emergency room before you go there.", "en")]
    [InlineData("Jeśli potrzebujesz pomocy w nocy, zadzwoń najpierw na pogotowie lekarskie.", "pl")]
    [InlineData("Jei jums reikia pagalbos naktį, pirmiausia paskambinkite budinčiam gydytojui.", "lt")]
    [InlineData("Haddii aad caawimaad u baahan tahay habeenkii, marka hore wac dhakhtarka.", "so")]
    [InlineData("Gece yardıma ihtiyacınız olursa, önce nöbetçi doktoru arayın lütfen.", "tr")]
    [InlineData("Если вам нужна помощь ночью, сначала позвоните дежурному врачу.", "ru")]
    [InlineData("Якщо вам потрібна допомога вночі, спочатку зателефонуйте черговому лікарю.", "uk")]
    [InlineData("إذا كنت بحاجة إلى مساعدة في الليل، اتصل أولا بالطبيب المناوب.", "ar")]
    [InlineData("اگر شب به کمک نیاز دارید، ابتدا با پزشک کشیک تماس بگیرید.", "fa")]
    [InlineData("اگر آپ کو رات کے وقت مدد کی ضرورت ہے تو پہلے ڈیوٹی پر موجود ڈاکٹر کو فون کریں۔", "ur")]
    [InlineData("ለይቲ ሓገዝ እንተድልዩኻ፡ መጀመርታ ናብ ሓኪም ደውል።", "ti")]
    [InlineData("Jus dárbbašat veahki ihkku, riŋge vuos doavttirvákti doavttirii.", "se")]
    public void Detects_One_Sentence(string text, string code)
    {
        var g = Detector.Detect(text);
        Assert.True(g.Code == code, $"expected {code}, got {g.Code} ({g.Confidence}, {g.Method}, runner {g.Runner})");
        Assert.InRange(g.Confidence, 0.3, 0.99);
    }

    [Fact]
    public void Longer_Texts_Are_Surer_Than_Short_Ones()
    {
        var shortGuess = Detector.Detect("Ring fastlegen din i morgen tidlig.");
        var longGuess = Detector.Detect("Ring fastlegen din i morgen tidlig. Legekontoret setter av tid til pasienter som trenger hjelp samme dag, og du får snakke med en sykepleier som vurderer hvor raskt du trenger time. Hvis kontoret er stengt, kan du ringe legevakten.");
        Assert.Equal("nb", longGuess.Code);
        Assert.True(longGuess.Confidence > shortGuess.Confidence, $"{longGuess.Confidence} <= {shortGuess.Confidence}");
    }

    [Fact]
    public void Every_Reported_Language_Has_A_Profile() =>
        Assert.Superset(new HashSet<string> { "nb", "nn", "en", "se", "pl", "lt", "so", "tr", "ru", "uk", "ar", "fa", "ur" }, Detector.Languages.ToHashSet());
}

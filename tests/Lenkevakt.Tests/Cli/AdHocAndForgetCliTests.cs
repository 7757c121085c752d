using Lenkevakt.Cli.Demo;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;

namespace Lenkevakt.Tests.Cli;

/// <summary>Issue 12: ad-hoc checks stay out of the editors' dashboard; <c>forget --site</c> removes a site's rows.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AdHocAndForgetCliTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RunUrl_WritesToTheAdHocNamespace_SoTheCataloguesDashboardAndExportsNeverSeeIt()
    {
        Assert.Equal("adhoc", new StorageOptions().AdHocNamePrefix);
        await using var web = await SampleWebServer.StartAsync(TestServices.SamplesRoot(), CancellationToken.None);
        var catalogue = TestServices.UniquePrefix();
        var adhoc = catalogue + "adhoc";
        var env = Env(catalogue, adhoc);

        var (code, output) = await CliProcessTests.RunAsync(["run", "--url", web.Sites["fjordvik"].AbsoluteUri, "--allow-private", "--host-delay", "0"], env, stdoutOnly: true);

        Assert.True(code == 0, output);
        Assert.Contains($"serve --storage-prefix {adhoc}»", output, StringComparison.Ordinal);
        var (catalogueCode, catalogueFindings) = await CliProcessTests.RunAsync(["export", "findings", "--format", "csv"], env, stdoutOnly: true);
        Assert.True(catalogueCode == 0, catalogueFindings);
        Assert.Single(catalogueFindings.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // the header only
        var (adhocCode, adhocFindings) = await CliProcessTests.RunAsync(["export", "findings", "--format", "csv", "--storage-prefix", adhoc], env, stdoutOnly: true);
        Assert.True(adhocCode == 0, adhocFindings);
        Assert.Contains(",server-error,", adhocFindings, StringComparison.Ordinal);

        // --storage-prefix on run overrides the ad-hoc default (here: into the catalogue's namespace on purpose).
        var (intoCode, into) = await CliProcessTests.RunAsync(["run", "--url", web.Sites["fjordvik"].AbsoluteUri, "--allow-private", "--host-delay", "0", "--storage-prefix", catalogue], env, stdoutOnly: true);
        Assert.True(intoCode == 0, into);
        var (_, nowThere) = await CliProcessTests.RunAsync(["export", "findings", "--format", "csv"], env, stdoutOnly: true);
        Assert.Contains(",server-error,", nowThere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_RefusesWithoutATerminalUnlessYes_ThenRemovesTheSitesRows_AndAnUnknownSiteIsAUsageError()
    {
        await using var web = await SampleWebServer.StartAsync(TestServices.SamplesRoot(), CancellationToken.None);
        var prefix = TestServices.UniquePrefix();
        var env = Env(prefix, prefix);
        var (runCode, run) = await CliProcessTests.RunAsync(["run", "--url", web.Sites["fjordvik"].AbsoluteUri, "--allow-private", "--host-delay", "0"], env, stdoutOnly: true);
        Assert.True(runCode == 0, run);
        var site = "url-127-0-0-1-" + web.Sites["fjordvik"].Port;

        var (refusedCode, refused) = await CliProcessTests.RunAsync(["forget", "--site", site], env, stdin: "ja\n");
        Assert.True(refusedCode == 2, refused);
        Assert.Contains("standard input er ikke en terminal; legg til --yes", refused, StringComparison.Ordinal);
        var (_, stillThere) = await CliProcessTests.RunAsync(["export", "findings", "--format", "csv", "--site", site], env, stdoutOnly: true);
        Assert.Contains(",server-error,", stillThere, StringComparison.Ordinal);

        var (code, output) = await CliProcessTests.RunAsync(["forget", "--site", site, "--yes"], env, stdin: "");
        Assert.True(code == 0, output);
        Assert.Matches($@"Slettet «{site}»: [1-9]\d* funn, [1-9]\d* sider, [1-9]\d* dashbordrader, \d+ innholdsrad\(er\), [1-9]\d* kjøringsrader, 0 varslingslogg, \d+ lenkestatuser, \d+ sjekkpunkt\(er\)", output);
        var (_, gone) = await CliProcessTests.RunAsync(["export", "findings", "--format", "csv", "--site", site], env, stdoutOnly: true);
        Assert.Single(gone.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var (_, pages) = await CliProcessTests.RunAsync(["export", "pages", "--format", "json", "--site", site], env, stdoutOnly: true);
        Assert.Equal("[]", pages.Trim());

        var (againCode, again) = await CliProcessTests.RunAsync(["forget", "--site", site, "--yes"], env, stdin: "");
        Assert.True(againCode == 2, again);
        Assert.Contains($"--site: fant ingen data for «{site}»", again, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Env(string prefix, string adhoc) => new()
    {
        ["Lenkevakt__Storage__ConnectionString"] = azurite.ConnectionString,
        ["Lenkevakt__Storage__NamePrefix"] = prefix,
        ["Lenkevakt__Storage__AdHocNamePrefix"] = adhoc,
    };
}

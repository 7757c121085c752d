using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Lenkevakt.Cli.Demo;
using Lenkevakt.Tests.Infrastructure;

namespace Lenkevakt.Tests.Cli;

/// <summary>Issue 12: the demo is stable: a second <c>demo</c> run on the unchanged sample sites reports nothing new and nothing fixed.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DemoCliTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Demo_TwiceOnUnchangedSites_SecondRunReportsZeroNewAndZeroFixed_EvenWhenAPortFallsBack()
    {
        var env = new Dictionary<string, string>
        {
            ["Lenkevakt__Storage__ConnectionString"] = azurite.ConnectionString,
            ["Lenkevakt__Storage__NamePrefix"] = TestServices.UniquePrefix(),
        };

        var (firstCode, first) = await CliProcessTests.RunAsync(["demo"], env, TimeSpan.FromMinutes(4), stdoutOnly: true);
        Assert.True(firstCode is 0 or 4, first);

        // The second run finds fjordvik's usual port taken (by this test; or by anyone), so it falls back to a free port:
        // the findings must stay the same findings.
        using var blocker = TryListen(DemoSites.DefaultPorts["fjordvik"]);
        var (secondCode, second) = await CliProcessTests.RunAsync(["demo"], env, TimeSpan.FromMinutes(4), stdoutOnly: true);
        Assert.True(secondCode == firstCode, second);

        var (newFirst, _) = Counts(first);
        Assert.True(newFirst > 0, first);
        Assert.Equal((0, 0), Counts(second));
        if (blocker is not null)
        {
            Assert.Contains($"Port {DemoSites.DefaultPorts["fjordvik"]} var opptatt; fjordvik bruker", second, StringComparison.Ordinal);
        }

        Assert.Contains($"serve --storage-prefix {env["Lenkevakt__Storage__NamePrefix"]}»", second, StringComparison.Ordinal);
        Assert.Contains($"report --storage-prefix {env["Lenkevakt__Storage__NamePrefix"]} --out rapport.html»", second, StringComparison.Ordinal);
    }

    private static (int New, int Fixed) Counts(string output)
    {
        var summary = Regex.Match(output, @"Sammendrag: .*, (\d+) nye, (\d+) rettet\.");
        Assert.True(summary.Success, output);
        return (int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(summary.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static TcpListener? TryListen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException)
        {
            listener.Dispose();
            return null; // already taken by someone else: the fallback happens anyway
        }
    }
}

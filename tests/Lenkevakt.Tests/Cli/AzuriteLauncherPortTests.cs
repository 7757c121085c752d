using Lenkevakt.Cli.Hosting;

namespace Lenkevakt.Tests.Cli;

/// <summary>
/// The emulator's three ports are picked together: picked one at a time and released at once, two picks could return
/// the same port (seen in CI: blob and table on one port, so the emulator exited with EADDRINUSE). Real sockets, so an
/// integration test.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AzuriteLauncherPortTests
{
    [Fact]
    public void FreePorts_AreDistinct_AndAvoidTheExcludedOnes()
    {
        for (var i = 0; i < 200; i++)
        {
            var taken = AzuriteLauncher.FreePorts(1);
            var ports = AzuriteLauncher.FreePorts(3, exclude: taken);

            Assert.Equal(3, ports.Distinct().Count());
            Assert.DoesNotContain(taken[0], ports);
            Assert.All(ports, p => Assert.InRange(p, 1, 65535));
        }
    }
}

using System.Net;
using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Crawling;

public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.10.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("151.101.1.1", false)]
    [InlineData("2a00:1450:4010::1", false)]
    public void IsBlocked_RefusesInternalAddresses(string ip, bool blocked) => Assert.Equal(blocked, AddressGuard.IsBlocked(IPAddress.Parse(ip)));

    [Fact]
    public async Task GuardedClient_RefusesLoopback_WithAClearReason()
    {
        Assert.NotNull(AddressGuard.CheckLiteral(new Uri("http://127.0.0.1:8080/")));
        Assert.Contains("--allow-private", await AddressGuard.CheckAsync(new Uri("http://localhost:1/"), CancellationToken.None), StringComparison.Ordinal);
    }
}

using System.Net;
using Lenkevakt.Crawling;
using Lenkevakt.Sites;

namespace Lenkevakt.Tests.Crawling;

[Trait("Category", "Unit")]
public sealed class AddressPolicyTests
{
    private static readonly AddressPolicy Site = AddressPolicy.AllowingPrivate(["site.test:8080", "intra.site.test", "169.254.10.10"], privateHosts: ["shared-intra.test"]);
    private static readonly AddressPolicy Guarded = AddressPolicy.Guarded(["shared-intra.test"]);

    [Theory]
    // Loopback, on any address and port: the test benches' "external" hosts.
    [InlineData("other.test", "127.0.0.1", true)]
    [InlineData("other.test", "127.0.0.2", true)]
    [InlineData("other.test", "::1", true)]
    [InlineData("127.0.0.3", "127.0.0.3", true)]
    // The site's own hosts, wherever they resolve (port ignored).
    [InlineData("site.test", "10.0.0.1", true)]
    [InlineData("SITE.test.", "192.168.1.1", true)]
    [InlineData("intra.site.test", "fd00::1", true)]
    [InlineData("intra.site.test", "169.254.169.254", true)]
    [InlineData("169.254.10.10", "169.254.10.10", true)]
    // Other private targets: only via Crawl:PrivateHosts.
    [InlineData("other.test", "10.0.0.1", false)]
    [InlineData("other.test", "172.16.0.1", false)]
    [InlineData("other.test", "192.168.1.1", false)]
    [InlineData("other.test", "100.64.0.1", false)]
    [InlineData("other.test", "fd00::1", false)]
    [InlineData("other.test", "2002:a00:1::1", false)]
    [InlineData("other.test", "64:ff9b::a00:1", false)]
    [InlineData("10.0.0.1", "10.0.0.1", false)]
    [InlineData("shared-intra.test", "10.0.0.1", true)]
    // Link-local and metadata: only a host the site names.
    [InlineData("other.test", "169.254.169.254", false)]
    [InlineData("169.254.169.254", "169.254.169.254", false)]
    [InlineData("shared-intra.test", "169.254.169.254", false)]
    [InlineData("other.test", "fe80::1", false)]
    // Reserved: never.
    [InlineData("site.test", "0.0.0.0", false)]
    [InlineData("other.test", "::", false)]
    [InlineData("other.test", "151.101.1.1", true)]
    public void Allows_AllowPrivateSite(string host, string ip, bool allowed) => Assert.Equal(allowed, Site.Allows(host, IPAddress.Parse(ip)));

    [Theory]
    [InlineData("site.test", "127.0.0.1", false)]
    [InlineData("site.test", "10.0.0.1", false)]
    [InlineData("site.test", "169.254.169.254", false)]
    [InlineData("shared-intra.test", "10.0.0.1", true)]
    [InlineData("shared-intra.test", "127.0.0.1", false)]
    [InlineData("shared-intra.test", "fe80::1", false)]
    [InlineData("site.test", "151.101.1.1", true)]
    public void Allows_GuardedSite(string host, string ip, bool allowed) => Assert.Equal(allowed, Guarded.Allows(host, IPAddress.Parse(ip)));

    [Fact]
    public void ForSite_OwnHosts_AreStartUrlsAllowedAndInternalHosts()
    {
        var site = SitesCatalog.ForUrl(new Uri("http://start.test:8080/"), new CrawlScope { AllowPrivateNetworks = true });
        site = site with { Scope = site.Scope with { AllowedHosts = ["crawl.test"], InternalHosts = ["files.test"] } };
        var policy = AddressPolicy.ForSite(site, new CrawlOptions());

        Assert.True(policy.AllowPrivate);
        foreach (var host in new[] { "start.test", "crawl.test", "files.test" })
        {
            Assert.True(policy.Allows(host, IPAddress.Parse("10.9.9.9")), host);
        }

        Assert.False(policy.Allows("elsewhere.test", IPAddress.Parse("10.9.9.9")));
        Assert.False(AddressPolicy.ForSite(site with { Scope = site.Scope with { AllowPrivateNetworks = false } }, new CrawlOptions()).AllowPrivate);
        Assert.True(AddressPolicy.ForSite(site with { Scope = site.Scope with { AllowPrivateNetworks = false } }, new CrawlOptions { AllowPrivateNetworks = true }).AllowPrivate);
    }

    [Fact]
    public void KeyFor_SeparatesOwnHostsPerSite_SharesTheRest()
    {
        var other = AddressPolicy.AllowingPrivate(["elsewhere.test"]);

        Assert.Equal("g", Guarded.KeyFor("site.test"));
        Assert.Equal("p", Site.KeyFor("shared.test"));
        Assert.Equal(Site.KeyFor("shared.test"), other.KeyFor("shared.test"));
        Assert.StartsWith("p:", Site.KeyFor("site.test"), StringComparison.Ordinal);
        Assert.NotEqual(Site.KeyFor("site.test"), other.KeyFor("elsewhere.test"));
        Assert.NotEqual(Site.KeyFor("site.test"), other.KeyFor("site.test"));
    }

    [Theory]
    [InlineData("http://10.0.0.1/", "private")]
    [InlineData("http://192.168.1.1/admin", "private")]
    [InlineData("http://[fd00::1]/", "private")]
    [InlineData("http://[::ffff:0:a00:1]/", "private")]
    [InlineData("http://[2002:a00:1::1]/", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://[fe80::1]/", "link-local")]
    [InlineData("http://0.0.0.0:8080/", "reserved")]
    public void CheckLiteral_PrivateTargets_AreRefusedWithoutLookup(string url, string reason) =>
        Assert.Contains(reason, Site.CheckLiteral(new Uri(url)), StringComparison.Ordinal);

    [Fact]
    public void CheckLiteral_LoopbackAndPublic_AreAllowedForAnAllowPrivateSite()
    {
        Assert.Null(Site.CheckLiteral(new Uri("http://127.0.0.2:9000/")));
        Assert.Null(Site.CheckLiteral(new Uri("http://[::1]:9000/")));
        Assert.Null(Site.CheckLiteral(new Uri("http://151.101.1.1/")));
        Assert.Null(Site.CheckLiteral(new Uri("http://not-a-literal.test/")));
    }

    [Fact]
    public async Task Guarded_RefusesLoopback_WithAClearReason()
    {
        Assert.NotNull(Guarded.CheckLiteral(new Uri("http://127.0.0.1:8080/")));
        Assert.Contains("--allow-private", await Guarded.CheckAsync(new Uri("http://localhost:1/"), CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedAddresses_RefusedLiteral_ThrowsBeforeAnySocket() =>
        await Assert.ThrowsAsync<BlockedAddressException>(async () => await Site.AllowedAddressesAsync("10.0.0.1", CancellationToken.None));

    [Theory]
    [InlineData("intra.kommune.no", true)]
    [InlineData("10.2.3.4", true)]
    [InlineData("fd00::5", true)]
    [InlineData("169.254.169.254", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("http://intra.kommune.no", false)]
    [InlineData("intra.kommune.no:8080", false)]
    [InlineData("*.kommune.no", false)]
    public void CrawlOptions_PrivateHosts_AreValidated(string host, bool valid)
    {
        var options = new CrawlOptions { PrivateHosts = [host] };
        Assert.Equal(valid, !options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Any());
    }

    [Theory]
    [InlineData("http://proxy.test:3128", true)]
    [InlineData("https://proxy.test:3128", false)]
    [InlineData("http://user:pw@proxy.test:3128", false)]
    [InlineData("http://proxy.test:3128/path", false)]
    public void CrawlOptions_Proxy_IsValidated(string proxy, bool valid)
    {
        var options = new CrawlOptions { Proxy = new Uri(proxy) };
        Assert.Equal(valid, !options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Any());
    }
}

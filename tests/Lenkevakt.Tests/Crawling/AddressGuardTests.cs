using System.Net;
using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Crawling;

[Trait("Category", "Unit")]
public sealed class AddressGuardTests
{
    [Theory]
    // IPv4
    [InlineData("151.101.1.1", AddressClass.Public)]
    [InlineData("127.0.0.1", AddressClass.Loopback)]
    [InlineData("127.5.6.7", AddressClass.Loopback)]
    [InlineData("10.1.2.3", AddressClass.Private)]
    [InlineData("172.16.0.1", AddressClass.Private)]
    [InlineData("172.31.255.255", AddressClass.Private)]
    [InlineData("172.32.0.1", AddressClass.Public)]
    [InlineData("192.168.10.1", AddressClass.Private)]
    [InlineData("100.64.0.1", AddressClass.Private)]
    [InlineData("100.127.255.255", AddressClass.Private)]
    [InlineData("100.128.0.1", AddressClass.Public)]
    [InlineData("169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("169.254.0.1", AddressClass.LinkLocal)]
    [InlineData("0.0.0.0", AddressClass.Reserved)]
    [InlineData("198.18.0.1", AddressClass.Reserved)]
    [InlineData("224.0.0.1", AddressClass.Reserved)]
    [InlineData("255.255.255.255", AddressClass.Reserved)]
    // IPv6 native
    [InlineData("2a00:1450:4010::1", AddressClass.Public)]
    [InlineData("::1", AddressClass.Loopback)]
    [InlineData("::", AddressClass.Reserved)]
    [InlineData("fe80::1", AddressClass.LinkLocal)]
    [InlineData("febf::1", AddressClass.LinkLocal)]
    [InlineData("fc00::1", AddressClass.Private)]
    [InlineData("fd00::1", AddressClass.Private)]
    [InlineData("fec0::1", AddressClass.Private)]
    [InlineData("ff02::1", AddressClass.Reserved)]
    [InlineData("2001:db8::1", AddressClass.Reserved)]
    [InlineData("100::1", AddressClass.Reserved)]
    [InlineData("100::ffff:ffff:ffff:ffff", AddressClass.Reserved)]
    // IPv4-mapped ::ffff:a.b.c.d
    [InlineData("::ffff:10.0.0.1", AddressClass.Private)]
    [InlineData("::ffff:127.0.0.1", AddressClass.Loopback)]
    [InlineData("::ffff:169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("::ffff:8.8.8.8", AddressClass.Public)]
    // IPv4-compatible ::a.b.c.d
    [InlineData("::10.0.0.1", AddressClass.Private)]
    [InlineData("::192.168.1.1", AddressClass.Private)]
    [InlineData("::169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("::127.0.0.2", AddressClass.Loopback)]
    [InlineData("::8.8.8.8", AddressClass.Public)]
    // IPv4-translated ::ffff:0:a.b.c.d
    [InlineData("::ffff:0:10.0.0.1", AddressClass.Private)]
    [InlineData("::ffff:0:169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("::ffff:0:8.8.8.8", AddressClass.Public)]
    // 6to4 2002:AABB:CCDD::/48
    [InlineData("2002:a00:1::1", AddressClass.Private)]               // 10.0.0.1
    [InlineData("2002:c0a8:101::1", AddressClass.Private)]            // 192.168.1.1
    [InlineData("2002:a9fe:a9fe::1", AddressClass.LinkLocal)]         // 169.254.169.254
    [InlineData("2002:7f00:1::1", AddressClass.Loopback)]             // 127.0.0.1
    [InlineData("2002:808:808::1", AddressClass.Public)]              // 8.8.8.8
    // Teredo 2001:0:SSSS:SSSS:flags:port:~CCCC:~CCCC (server in bits 32-63, client inverted in the last 32)
    [InlineData("2001:0:808:808::f5ff:fffe", AddressClass.Private)]   // server 8.8.8.8, client 10.0.0.1
    [InlineData("2001:0:808:808::5601:5601", AddressClass.LinkLocal)] // client 169.254.169.254
    [InlineData("2001:0:c0a8:101::f7f7:f7f7", AddressClass.Private)]  // server 192.168.1.1, client 8.8.8.8
    [InlineData("2001:0:808:808::fefe:fefe", AddressClass.Public)]    // server 8.8.8.8, client 1.1.1.1
    // NAT64 64:ff9b::/96 and local-use 64:ff9b:1::/48
    [InlineData("64:ff9b::10.0.0.1", AddressClass.Private)]
    [InlineData("64:ff9b::169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("64:ff9b::127.0.0.1", AddressClass.Loopback)]
    [InlineData("64:ff9b::8.8.8.8", AddressClass.Public)]
    [InlineData("64:ff9b:1::a00:1", AddressClass.Private)]
    public void Classify_AddressRanges(string ip, AddressClass expected) => Assert.Equal(expected, AddressGuard.Classify(IPAddress.Parse(ip)));

    [Theory]
    [InlineData("8.8.8.8", false)]
    [InlineData("10.0.0.1", true)]
    [InlineData("::ffff:0:192.168.0.1", true)]
    [InlineData("2002:a00:1::1", true)]
    public void IsBlocked_AnythingButPublic(string ip, bool blocked) => Assert.Equal(blocked, AddressGuard.IsBlocked(IPAddress.Parse(ip)));
}

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Lenkevakt.Crawling;

/// <summary>
/// Classifies IP addresses for the crawler's address policy (<see cref="AddressPolicy"/>). IPv6 addresses that carry
/// an IPv4 address are judged by that IPv4 address: IPv4-mapped <c>::ffff:a.b.c.d</c>, IPv4-compatible <c>::a.b.c.d</c>,
/// IPv4-translated <c>::ffff:0:a.b.c.d</c>, NAT64 <c>64:ff9b::/96</c> and <c>64:ff9b:1::/48</c>, 6to4 <c>2002::/16</c>
/// and Teredo <c>2001::/32</c> (both the server, bits 32–63, and the client, the inverted last 32 bits; the stricter wins).
/// </summary>
public static class AddressGuard
{
    /// <summary>True for anything but a public address.</summary>
    public static bool IsBlocked(IPAddress address) => Classify(address) != AddressClass.Public;

    public static AddressClass Classify(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
        AddressFamily.InterNetworkV6 => ClassifyV6(address.GetAddressBytes()),
        _ => AddressClass.Reserved,
    };

    private static AddressClass ClassifyV4(ReadOnlySpan<byte> b) => b[0] switch
    {
        0 => AddressClass.Reserved,                                                  // "this network", 0.0.0.0 reaches the local host
        10 => AddressClass.Private,
        127 => AddressClass.Loopback,
        100 when b[1] is >= 64 and <= 127 => AddressClass.Private,                   // 100.64.0.0/10 carrier-grade NAT
        169 when b[1] == 254 => AddressClass.LinkLocal,                              // incl. 169.254.169.254 cloud metadata
        172 when b[1] is >= 16 and <= 31 => AddressClass.Private,
        192 when b[1] == 168 => AddressClass.Private,
        192 when b[1] == 0 && b[2] is 0 or 2 => AddressClass.Reserved,               // IETF protocol assignments, TEST-NET-1
        198 when b[1] is 18 or 19 => AddressClass.Reserved,                          // benchmarking
        198 when b[1] == 51 && b[2] == 100 => AddressClass.Reserved,                 // TEST-NET-2
        203 when b[1] == 0 && b[2] == 113 => AddressClass.Reserved,                  // TEST-NET-3
        >= 224 => AddressClass.Reserved,                                             // multicast, 240/4, broadcast
        _ => AddressClass.Public,
    };

    private static AddressClass ClassifyV6(byte[] b)
    {
        var high = BinaryPrimitives.ReadUInt64BigEndian(b);
        var low = BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(8));
        var last32 = b.AsSpan(12, 4);
        if (high == 0)
        {
            return (low >> 32) switch
            {
                0 when low == 0 => AddressClass.Reserved,                            // ::
                0 when low == 1 => AddressClass.Loopback,                            // ::1
                0 => ClassifyV4(last32),                                             // ::a.b.c.d (IPv4-compatible, deprecated)
                0xFFFF => ClassifyV4(last32),                                        // ::ffff:a.b.c.d (IPv4-mapped)
                0xFFFF_0000 => ClassifyV4(last32),                                   // ::ffff:0:a.b.c.d (IPv4-translated)
                _ => AddressClass.Reserved,
            };
        }

        if (high == 0x0064_FF9B_0000_0000 && low >> 32 == 0)
        {
            return ClassifyV4(last32);                                               // 64:ff9b::/96 NAT64
        }

        if (high >> 16 == 0x0064_FF9B_0001)
        {
            return ClassifyV4(last32);                                               // 64:ff9b:1::/48 local-use NAT64 (RFC 8215), the IPv4 in the last 32 bits
        }

        if (high == 0x0100_0000_0000_0000)
        {
            return AddressClass.Reserved;                                            // 100::/64 discard-only
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return ClassifyV4(b.AsSpan(2, 4));                                       // 2002:aabb:ccdd::/48 6to4
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
        {
            // Teredo 2001:0::/32: server IPv4 in bits 32–63, client IPv4 in the last 32 bits, inverted.
            Span<byte> client = stackalloc byte[4];
            for (var i = 0; i < 4; i++)
            {
                client[i] = (byte)~last32[i];
            }

            return Stricter(ClassifyV4(b.AsSpan(4, 4)), ClassifyV4(client));
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)
        {
            return AddressClass.Reserved;                                            // 2001:db8::/32 documentation
        }

        return b[0] switch
        {
            0xFF => AddressClass.Reserved,                                           // multicast
            0xFE when (b[1] & 0xC0) == 0x80 => AddressClass.LinkLocal,               // fe80::/10
            0xFE when (b[1] & 0xC0) == 0xC0 => AddressClass.Private,                 // fec0::/10 site-local (deprecated)
            0xFC or 0xFD => AddressClass.Private,                                    // fc00::/7 unique local
            _ => AddressClass.Public,
        };
    }

    /// <summary>The class that allows less: Reserved &gt; LinkLocal &gt; Private &gt; Loopback &gt; Public.</summary>
    private static AddressClass Stricter(AddressClass a, AddressClass b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(AddressClass c) => c switch
    {
        AddressClass.Public => 0,
        AddressClass.Loopback => 1,
        AddressClass.Private => 2,
        AddressClass.LinkLocal => 3,
        _ => 4,
    };
}

/// <summary>The target address is internal and the site's <see cref="AddressPolicy"/> does not allow it.</summary>
public sealed class BlockedAddressException(string message) : IOException(message);

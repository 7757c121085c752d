using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>One crawled page's links, spooled to disk until every target's status is known.</summary>
public sealed record SpooledPage(string Url, string? Title, IReadOnlyList<RawLink> Links, string BaseUrl);

/// <summary>
/// Keeps link occurrences out of memory during a crawl: each parsed page's links are appended to a temporary file
/// and read back once all targets are checked. Memory then grows with distinct URLs, not with link occurrences (a
/// 10 000-page site has ~360 000 of those). The file is a private, length-prefixed binary format (written and read
/// only by this class within one crawl; JSON lines cost a sixth of the crawl's CPU).
/// </summary>
public sealed class LinkSpool : IAsyncDisposable
{
    private const int Version = 2;
    private readonly string path;
    private readonly FileStream file;
    private readonly SemaphoreSlim gate = new(1, 1);

    public LinkSpool(string directory)
    {
        Directory.CreateDirectory(directory);
        path = Path.Combine(directory, $"links-{Guid.NewGuid():N}.bin");
        file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
    }

    public int Count { get; private set; }

    public async Task AppendAsync(SpooledPage page, CancellationToken ct)
    {
        var record = Encode(page);
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await file.WriteAsync(record, ct).ConfigureAwait(false);
            Count++;
        }
        finally
        {
            gate.Release();
        }
    }

    public async IAsyncEnumerable<SpooledPage> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await file.FlushAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8);
        while (stream.Position < stream.Length)
        {
            ct.ThrowIfCancellationRequested();
            yield return Decode(reader);
        }
    }

    internal static byte[] Encode(SpooledPage page)
    {
        using var buffer = new MemoryStream(256 + (page.Links.Count * 96));
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write7BitEncodedInt(Version);
            w.Write(page.Url);
            w.Write(page.Title is not null);
            w.Write(page.Title ?? "");
            w.Write(page.BaseUrl);
            w.Write7BitEncodedInt(page.Links.Count);
            foreach (var link in page.Links)
            {
                w.Write(link.Href);
                w.Write(link.Text);
                w.Write(link.Element);
                w.Write7BitEncodedInt(link.Line);
                w.Write7BitEncodedInt((int)link.Role);
                w.Write(link.Attribute);
            }
        }

        return buffer.ToArray();
    }

    internal static SpooledPage Decode(BinaryReader r)
    {
        if (r.Read7BitEncodedInt() != Version)
        {
            throw new InvalidDataException("link spool record of an unknown version");
        }

        var url = r.ReadString();
        var hasTitle = r.ReadBoolean();
        var title = r.ReadString();
        var baseUrl = r.ReadString();
        var links = new RawLink[r.Read7BitEncodedInt()];
        for (var i = 0; i < links.Length; i++)
        {
            links[i] = new RawLink(r.ReadString(), r.ReadString(), r.ReadString(), r.Read7BitEncodedInt(), (LinkRole)r.Read7BitEncodedInt(), r.ReadString());
        }

        return new SpooledPage(url, hasTitle ? title : null, links, baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await file.DisposeAsync().ConfigureAwait(false);
        gate.Dispose();
    }
}

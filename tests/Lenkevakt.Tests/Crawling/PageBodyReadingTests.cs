using Lenkevakt.Crawling;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

/// <summary>
/// A page body is read whole up to <see cref="CrawlOptions.MaxPageBytes"/> and cut there, whether the server says its
/// length (read into one array of that size) or streams it chunked (read into pooled buffers that grow).
/// </summary>
[Trait("Category", "Integration")]
public sealed class PageBodyReadingTests
{
    private const int Cap = 200_000;

    private static ServiceProvider Services() =>
        TestServices.Create("UseDevelopmentStorage=true", settings: new Dictionary<string, string?> { ["Lenkevakt:Crawl:MaxPageBytes"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static byte[] Page(int size)
    {
        var head = "<!doctype html><title>Side</title><p>"u8.ToArray();
        var body = new byte[size];
        for (var i = 0; i < size; i++)
        {
            body[i] = (byte)('a' + (i % 26));
        }

        head.CopyTo(body, 0);
        return body;
    }

    private static Task<LoopbackServer> ServeAsync(byte[] page, bool chunked) => LoopbackServer.StartAsync(async (ctx, _) =>
    {
        ctx.Response.ContentType = "text/html; charset=utf-8";
        if (!chunked)
        {
            ctx.Response.ContentLength = page.Length;
            await ctx.Response.Body.WriteAsync(page);
            return;
        }

        // No length: Kestrel sends it chunked, in pieces of uneven size.
        for (var at = 0; at < page.Length; at += 7_001)
        {
            await ctx.Response.Body.WriteAsync(page.AsMemory(at, Math.Min(7_001, page.Length - at)));
            await ctx.Response.Body.FlushAsync();
        }
    });

    [Theory]
    [InlineData(false, 150_000)]
    [InlineData(true, 150_000)]
    [InlineData(false, Cap)]
    [InlineData(true, Cap)]
    [InlineData(true, 40)]
    public async Task Body_UnderOrAtTheCap_IsReadWhole(bool chunked, int size)
    {
        var page = Page(Math.Max(size, 40));
        await using var server = await ServeAsync(page, chunked);
        await using var services = Services();

        var result = await services.GetRequiredService<PageFetcher>().GetPageAsync(server.BaseUri, AddressPolicy.AllowingPrivate([]), CancellationToken.None);

        Assert.True(result.Status.IsSuccess, result.Status.ToString());
        Assert.False(result.Truncated);
        Assert.Equal(page, result.Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Body_OverTheCap_IsCutAtTheCap_AndSaysSo(bool chunked)
    {
        var page = Page(Cap + 123_457);
        await using var server = await ServeAsync(page, chunked);
        await using var services = Services();

        var result = await services.GetRequiredService<PageFetcher>().GetPageAsync(server.BaseUri, AddressPolicy.AllowingPrivate([]), CancellationToken.None);

        Assert.True(result.Truncated);
        Assert.Equal(page.AsSpan(0, Cap).ToArray(), result.Body);
    }
}

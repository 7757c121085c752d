using System.Net;
using Lenkevakt.Checks;
using Lenkevakt.Crawling;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

/// <summary>Changes the process-wide default proxy, so it runs alone (after the parallel collections).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessProxyCollection
{
    public const string Name = "process-wide proxy";
}

[Collection(ProcessProxyCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EnvironmentProxyTests
{
    [Fact]
    public async Task EnvironmentProxy_IsNotUsedByTheCrawler()
    {
        await using var proxy = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("via proxy"));
        await using var target = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("direct"));
        var saved = HttpClient.DefaultProxy;
        var savedEnv = Environment.GetEnvironmentVariable("HTTP_PROXY");
        try
        {
            // What HTTP_PROXY does: it becomes HttpClient.DefaultProxy (read once per process, so it is set here directly too).
            Environment.SetEnvironmentVariable("HTTP_PROXY", proxy.BaseUri.AbsoluteUri);
            HttpClient.DefaultProxy = new WebProxy(proxy.BaseUri);
            using (var plain = new HttpClient())
            {
                Assert.Equal("via proxy", await plain.GetStringAsync(new Uri(target.BaseUri, "control"))); // the proxy is live for ordinary clients
            }

            var before = proxy.Requests;
            await using var services = TestServices.Create("UseDevelopmentStorage=true");
            var result = await services.GetRequiredService<PageFetcher>().GetPageAsync(new Uri(target.BaseUri, "page"), AddressPolicy.AllowingPrivate([]), CancellationToken.None);

            Assert.Equal(LinkState.Ok, result.Status.State);
            Assert.Equal("direct", System.Text.Encoding.UTF8.GetString(result.Body!));
            Assert.Equal(before, proxy.Requests);
            Assert.Equal(1, target.Requests);
        }
        finally
        {
            HttpClient.DefaultProxy = saved;
            Environment.SetEnvironmentVariable("HTTP_PROXY", savedEnv);
        }
    }
}

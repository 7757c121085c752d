using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Lenkevakt.Crawling;

/// <summary>
/// Registers the crawler's HTTP clients once: <see cref="SocketsHttpHandler"/> without automatic redirects, with
/// decompression, no environment proxy (only <see cref="CrawlOptions.Proxy"/>), and the address policy's connect callback
/// (<see cref="AddressPolicyHandler"/>, one connection pool per policy key); then a Polly
/// resilience pipeline per host: total timeout → retry (exponential backoff with jitter on 408/429/5xx and connection
/// failures, Retry-After honoured up to a cap) → circuit breaker (network failures only) → per-attempt timeout.
/// Innermost, <see cref="RetryAfterHandler"/> tells the <see cref="HostGate"/> to hold back the whole host.
/// </summary>
public static class HttpSetup
{
    public static IServiceCollection AddCrawlerHttp(this IServiceCollection services)
    {
        foreach (var name in new[] { HttpClientNames.Guarded, HttpClientNames.Private })
        {
            services.AddHttpClient(name)
                .ConfigurePrimaryHttpMessageHandler(sp => CreatePrimaryHandler(sp.GetRequiredService<IOptions<CrawlOptions>>().Value))
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
                .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
                .AddResilienceHandler("crawl", (builder, context) =>
                {
                    var o = context.ServiceProvider.GetRequiredService<IOptions<CrawlOptions>>().Value;
                    builder.AddTimeout(o.TotalTimeout);
                    builder.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = Math.Max(o.MaxRetries, 0) == 0 ? 1 : o.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = o.RetryBaseDelay,
                        MaxDelay = o.MaxRetryAfter,
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = args => ValueTask.FromResult(o.MaxRetries > 0 && IsTransient(args.Outcome, o.MaxRetryAfter)),
                    });
                    builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        // Per host (SelectPipelineByAuthority): a host that keeps failing at the network level is
                        // given up on for a while, so one dead host cannot stall a run. HTTP error statuses are
                        // results (broken links), not failures of the host, and do not count.
                        FailureRatio = 0.8,
                        MinimumThroughput = o.CircuitBreakerMinimumThroughput,
                        SamplingDuration = TimeSpan.FromSeconds(30),
                        BreakDuration = o.CircuitBreakDuration,
                        ShouldHandle = args => ValueTask.FromResult(IsNetworkFailure(args.Outcome)),
                    });
                    builder.AddTimeout(o.AttemptTimeout);
                })
                .SelectPipelineByAuthority();
            services.AddHttpClient(name).AddHttpMessageHandler(sp => new RetryAfterHandler(sp.GetRequiredService<HostGate>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<CrawlOptions>>().Value));
        }

        return services;
    }

    internal static bool IsNetworkFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is TimeoutRejectedException
        || (outcome.Exception is HttpRequestException hre && hre.InnerException is not BlockedAddressException && hre.HttpRequestError != HttpRequestError.NameResolutionError);

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter)
    {
        if (outcome.Exception is { } ex)
        {
            if (ex is TimeoutRejectedException)
            {
                return true;
            }

            if (ex is HttpRequestException hre)
            {
                // Name resolution failures and refused addresses do not heal within seconds.
                return hre.HttpRequestError is not (HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
                       && hre.InnerException is not BlockedAddressException;
            }

            return false;
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        var code = (int)response.StatusCode;
        if (code is not (408 or 429 or 500 or 502 or 503 or 504))
        {
            return false;
        }

        // A Retry-After longer than we are willing to wait: give up now instead of hammering.
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta && delta > maxRetryAfter)
        {
            return false;
        }

        return true;
    }

    /// <summary>The policy-checking primary handler; requests without a policy are treated as guarded.</summary>
    internal static HttpMessageHandler CreatePrimaryHandler(CrawlOptions o) =>
        new AddressPolicyHandler(connect => CreateHandler(o, connect), AddressPolicy.Guarded(o.PrivateHosts), o.Proxy);

    internal static SocketsHttpHandler CreateHandler(CrawlOptions o, Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> connect)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = o.HostConcurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseCookies = false,
            ConnectCallback = connect,

            // Never HTTP_PROXY/HTTPS_PROXY from the environment: the connect callback would then check the proxy's
            // address instead of the target's. A configured proxy is used with the target checked before sending.
            UseProxy = o.Proxy is not null,
            Proxy = o.Proxy is { } proxy ? new WebProxy(proxy) : null,
        };

        if (o.TrustedCertificateFiles.Count > 0)
        {
            var roots = new X509Certificate2Collection();
            foreach (var file in o.TrustedCertificateFiles)
            {
                roots.ImportFromPemFile(file);
            }

            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(roots, certificate, errors);
        }

        return handler;
    }

    /// <summary>The platform's verdict, or a chain to one of <paramref name="roots"/> when that is the only complaint (name and dates still count).</summary>
    internal static bool TrustedBy(X509Certificate2Collection roots, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}

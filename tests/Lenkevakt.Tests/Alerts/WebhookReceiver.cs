using System.Collections.Concurrent;
using System.Text.Json;
using Lenkevakt.Alerts;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Lenkevakt.Tests.Alerts;

/// <summary>
/// A webhook receiver on loopback (Kestrel), written as an editor's integration would be: it reads the raw body, checks
/// <c>X-Lenkevakt-Signature</c> with <see cref="WebhookSigner.Verify"/> (5 minutes' tolerance) and answers 401 when it
/// does not match, records every request, and answers with the status the test chooses.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly LoopbackServer server;
    private readonly ConcurrentQueue<Delivery> acceptedList = new();

    private WebhookReceiver(LoopbackServer server) => this.server = server;

    public sealed record Delivery(string Path, string Body, string? ContentType, string? Timestamp, string? Signature, bool SignatureValid, string? DeliveryId)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }

    public ConcurrentQueue<Delivery> Requests { get; } = new();

    /// <summary>Requests that were answered with 2xx.</summary>
    public IReadOnlyList<Delivery> Accepted => [.. acceptedList];

    public Uri BaseUri => server.BaseUri;

    public Uri Url(string path) => new(server.BaseUri, path);

    /// <param name="secret">The shared secret for signed (json) deliveries; requests to paths under <c>/signed/</c> must carry a valid signature.</param>
    /// <param name="status">The status answered to the n-th request (1-based); default 200.</param>
    /// <param name="delay">How long the n-th request waits before it is answered (a slow receiver); default none.</param>
    public static async Task<WebhookReceiver> StartAsync(string secret, Func<int, int>? status = null, Func<int, TimeSpan>? delay = null)
    {
        WebhookReceiver? receiver = null;
        var server = await LoopbackServer.StartAsync(async (context, n) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            string? Header(string name) => context.Request.Headers.TryGetValue(name, out var v) ? v.ToString() : null;
            var ts = Header(WebhookSigner.TimestampHeader);
            var sig = Header(WebhookSigner.SignatureHeader);
            var valid = ts is not null && sig is not null && WebhookSigner.Verify(secret, ts, sig, body, TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5));
            var delivery = new Delivery(context.Request.Path.Value ?? "", body, context.Request.ContentType, ts, sig, valid, Header("X-Lenkevakt-Delivery"));
            receiver!.Requests.Enqueue(delivery);
            if (delay?.Invoke(n) is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            var code = context.Request.Path.StartsWithSegments("/signed") && !valid ? StatusCodes.Status401Unauthorized : status?.Invoke(n) ?? StatusCodes.Status200OK;
            if (code is >= 200 and < 300)
            {
                receiver.acceptedList.Enqueue(delivery);
            }

            context.Response.StatusCode = code;
        });
        receiver = new WebhookReceiver(server);
        return receiver;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}

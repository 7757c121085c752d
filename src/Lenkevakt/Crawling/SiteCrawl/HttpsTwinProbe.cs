using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>
/// For an http: link: the https: URL when it works. Each host is probed once (https://host/) so sites without TLS
/// cost one request, not one per link. Internal links on a page that is itself http: are left alone (the site as a
/// whole is on http; that is not an editor's link to fix).
/// </summary>
internal sealed class HttpsTwinProbe(LinkChecker linkChecker)
{
    public async Task<string?> FindAsync(SiteCrawlState state, LinkTarget target, Uri page, CancellationToken ct)
    {
        if (target.Kind != LinkTargetKind.Http || !target.Target.StartsWith("http://", StringComparison.Ordinal))
        {
            return null;
        }

        var uri = new Uri(target.Target);
        if (page.Scheme == Uri.UriSchemeHttp && state.Scope.IsInternal(uri))
        {
            return null;
        }

        var secure = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps, Port = uri.IsDefaultPort ? -1 : uri.Port }.Uri;
        var external = !state.Scope.IsInternal(secure);
        var hostProbe = state.HttpsHosts.GetOrAdd(secure.GetLeftPart(UriPartial.Authority), root =>
            linkChecker.CheckAsync(state.RunId, root + "/", state.AllowPrivate, ct, external).ContinueWith(t => t.IsCompletedSuccessfully && t.Result.StatusCode is not null, TaskScheduler.Default));
        if (!await hostProbe.ConfigureAwait(false))
        {
            return null;
        }

        var twin = await linkChecker.CheckAsync(state.RunId, secure.AbsoluteUri, state.AllowPrivate, ct, external).ConfigureAwait(false);
        return twin.State == LinkState.Ok ? secure.AbsoluteUri : null;
    }
}

using System.Collections.Concurrent;
using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>
/// <see cref="LinkChecker"/>'s in-process results of the current run, grouped by host (<see cref="HostKey"/>), so the
/// entries of a finished site's own hosts can be dropped together (<see cref="LinkChecker.EnterSite"/>). Without that
/// the run's cache held every page of every site done (one entry per page and link target), which grows with the
/// number of sites in a night, not with the sites in flight.
/// </summary>
internal sealed class RunLinkCache
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Lazy<Task<LinkStatus>>>> byHost = new(StringComparer.Ordinal);

    /// <summary>The hosts with entries.</summary>
    public IReadOnlyCollection<string> Hosts => byHost.Where(h => !h.Value.IsEmpty).Select(h => h.Key).ToArray();

    public Lazy<Task<LinkStatus>> GetOrAdd(string host, string key, Func<Lazy<Task<LinkStatus>>> create) =>
        Entries(host).GetOrAdd(key, _ => create());

    public void Set(string host, string key, Lazy<Task<LinkStatus>> value) => Entries(host)[key] = value;

    public void TryAdd(string host, string key, Lazy<Task<LinkStatus>> value) => Entries(host).TryAdd(key, value);

    /// <summary>Drops every entry on <paramref name="host"/>.</summary>
    public void Forget(string host) => byHost.TryRemove(host, out _);

    /// <summary>Drops the entries whose key does not start with <paramref name="keyPrefix"/> (a new run's first call).</summary>
    public void RemoveAllBut(string keyPrefix)
    {
        foreach (var entries in byHost.Values)
        {
            foreach (var stale in entries.Keys.Where(k => !k.StartsWith(keyPrefix, StringComparison.Ordinal)))
            {
                entries.TryRemove(stale, out _);
            }
        }
    }

    private ConcurrentDictionary<string, Lazy<Task<LinkStatus>>> Entries(string host) =>
        byHost.GetOrAdd(host, static _ => new ConcurrentDictionary<string, Lazy<Task<LinkStatus>>>(StringComparer.Ordinal));
}

using Microsoft.Extensions.Configuration;

namespace Lenkevakt.Functions;

/// <summary>The values of the app's <c>host.json</c> (read by the Functions host) that the worker must agree with.</summary>
public sealed class HostJson
{
    /// <summary>The host's default for <c>extensions.queues.maxDequeueCount</c>.</summary>
    public const int DefaultMaxDequeueCount = 5;

    private HostJson(string path, bool exists, int maxDequeueCount)
    {
        Path = path;
        Exists = exists;
        MaxDequeueCount = maxDequeueCount;
    }

    public string Path { get; }

    public bool Exists { get; }

    /// <summary><c>extensions.queues.maxDequeueCount</c>: deliveries before the host gives a message up (default 5).</summary>
    public int MaxDequeueCount { get; }

    public static HostJson Read(string contentRoot)
    {
        var path = System.IO.Path.Combine(contentRoot, "host.json");
        if (!File.Exists(path))
        {
            return new HostJson(path, false, DefaultMaxDequeueCount);
        }

        var json = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        return new HostJson(path, true, json.GetValue("extensions:queues:maxDequeueCount", DefaultMaxDequeueCount));
    }
}

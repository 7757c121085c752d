using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lenkevakt.Crawling;

/// <summary>
/// JSON of a <see cref="Checks.LinkStatus"/> in the <c>LinkStatus</c> table's <c>Status</c> column
/// (<see cref="LinkStatusStore"/>): camelCase, enums as camelCase strings, nulls left out. Its own options, not the
/// queue's, so a change to the queue messages cannot silently change the stored link-status cache.
/// </summary>
public static class LinkStatusJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

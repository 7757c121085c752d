using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lenkevakt.Crawling;

/// <summary>
/// JSON of the stored crawl checkpoints (<see cref="PageRecord"/> lines in the <c>crawlstate</c> blobs, and the last
/// run's records spooled by <see cref="PreviousRun"/>): camelCase, enums as camelCase strings, nulls left out.
/// Its own options, not the queue's, so a change to the queue messages cannot silently change stored checkpoints.
/// </summary>
public static class CheckpointJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lenkevakt.Pipeline;

/// <summary>JSON for queue messages (camelCase, enums as strings). Rejects unknown schema versions with <see cref="PoisonMessageException"/>.</summary>
public static class MessageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T message) where T : IPipelineMessage => JsonSerializer.Serialize(message, Options);

    public static T Deserialize<T>(string json, int currentSchema) where T : IPipelineMessage
    {
        T? message;
        try
        {
            message = JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new PoisonMessageException($"Not a valid {typeof(T).Name}: {ex.Message}", ex);
        }

        if (message is null)
        {
            throw new PoisonMessageException($"Empty {typeof(T).Name}.");
        }

        if (message.Schema != currentSchema)
        {
            throw new PoisonMessageException($"{typeof(T).Name} schema {message.Schema} is not supported (this version reads {currentSchema}).");
        }

        return message;
    }
}

/// <summary>A message that can never succeed (bad JSON, unknown schema): goes to the poison queue at once, with this error.</summary>
public sealed class PoisonMessageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Thrown by a handler that cannot proceed yet (e.g. batches still in flight): the message is re-sent after <see cref="Delay"/>.</summary>
public sealed class RetryLaterException(string reason, TimeSpan delay, string? replacementMessage = null) : Exception(reason)
{
    public TimeSpan Delay { get; } = delay;

    /// <summary>The message body to re-send instead of the original (e.g. with an attempt counter).</summary>
    public string? ReplacementMessage { get; } = replacementMessage;
}

namespace Lenkevakt.Pipeline;

/// <summary>
/// Stage 5 as the pipeline sees it: delivers the digests of one <see cref="AlertsMessage"/>. Defined here and
/// implemented in <c>Alerts</c> (<c>SendAlertsHandler</c>), registered by the composition root, so that
/// <see cref="QueueMessageProcessor"/> dispatches the <c>alerts</c> queue without depending on the Alerts namespace
/// (dependencies point one way: Alerts → Pipeline).
/// </summary>
public interface IAlertsHandler
{
    Task HandleAsync(AlertsMessage message, CancellationToken ct);
}

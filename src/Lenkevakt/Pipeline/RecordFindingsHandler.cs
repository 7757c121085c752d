using Lenkevakt.Findings;

namespace Lenkevakt.Pipeline;

/// <summary>Stage 3: upserts one batch of findings into the <c>Findings</c> table and marks the batch recorded. Idempotent.</summary>
public sealed class RecordFindingsHandler(FindingStore findings, RunStore runs)
{
    public async Task HandleAsync(FindingsMessage message, CancellationToken ct)
    {
        await findings.RecordAsync(message.SiteId, message.RunId, message.RunStartedAt, message.Findings, ct).ConfigureAwait(false);
        await runs.MarkBatchRecordedAsync(message.RunId, message.SiteId, message.Batch, ct).ConfigureAwait(false);
    }
}

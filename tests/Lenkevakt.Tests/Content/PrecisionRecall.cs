namespace Lenkevakt.Tests.Content;

/// <summary>
/// Precision and recall of a yes/no verdict over labelled rows, with the misses described. Shared by the corpus
/// evaluation tests and the real-page scorer (tools/ContentEval links this file), so both count the same way.
/// </summary>
internal static class PrecisionRecall
{
    /// <remarks>With no predicted (or no true) positives, precision (or recall) is 1.0: nothing was claimed (or missed).</remarks>
    public static (double Precision, double Recall, List<string> Failures) Measure<T>(IReadOnlyList<T> rows, Func<T, bool> truth, Func<T, bool> predicted, Func<T, string> describe)
    {
        int tp = 0, fp = 0, fn = 0;
        var failures = new List<string>();
        foreach (var row in rows)
        {
            var t = truth(row);
            var p = predicted(row);
            if (t && p)
            {
                tp++;
            }
            else if (p)
            {
                fp++;
                failures.Add("false positive: " + describe(row));
            }
            else if (t)
            {
                fn++;
                failures.Add("false negative: " + describe(row));
            }
        }

        return (tp + fp == 0 ? 1.0 : (double)tp / (tp + fp), tp + fn == 0 ? 1.0 : (double)tp / (tp + fn), failures);
    }
}

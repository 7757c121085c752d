namespace Lenkevakt.Content.Readability;

/// <summary>A LIX score with the counts behind it.</summary>
public sealed record LixResult(double Score, int Words, int Sentences, int LongWords)
{
    /// <summary>Björnsson's bands, in Norwegian: very easy &lt; 30, easy &lt; 40, medium &lt; 50, hard &lt; 60, very hard.</summary>
    public string BandNb => Score switch
    {
        < 30 => "svært lett",
        < 40 => "lett",
        < 50 => "middels",
        < 60 => "vanskelig",
        _ => "svært vanskelig",
    };
}

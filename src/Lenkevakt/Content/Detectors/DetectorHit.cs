using Lenkevakt.Content.Text;

namespace Lenkevakt.Content.Detectors;

/// <summary>
/// One thing a built-in detector found: a phone number, an e-mail address, an address, opening hours, a language offer.
/// </summary>
/// <param name="Detector">The detector's name (<c>phone</c>, <c>email</c>, <c>address</c>, <c>opening-hours</c>, <c>language-offer</c>).</param>
/// <param name="Value">The normalised value: digits of a phone number, a lower-case e-mail address, a language code…</param>
/// <param name="Kind">Sub-kind, e.g. <c>text</c>, <c>tel-link</c>, <c>mailto</c>, <c>obfuscated</c>, <c>visiting</c>, <c>postal</c>, <c>street</c>, <c>table</c>, <c>schema.org</c>.</param>
/// <param name="Evidence">The matched text with a little context.</param>
/// <param name="BlockIndex">The <see cref="TextBlock.Index"/>, or -1 for schema.org data.</param>
/// <param name="Region">Where the hit is.</param>
/// <param name="Where">Human description of where (Norwegian).</param>
/// <param name="Context">Text around the hit (about 60 characters each side, the previous block included) for context checks.</param>
public sealed record DetectorHit(
    string Detector,
    string Value,
    string Kind,
    string Evidence,
    int BlockIndex,
    PageRegion Region,
    string Where,
    string Context);

using System.Text;
using System.Text.RegularExpressions;
using Lenkevakt.Content.Detectors;
using Lenkevakt.Content.Text;

namespace Lenkevakt.Content.Rules;

/// <summary>
/// Evaluates a <see cref="RuleSet"/> on a page's <see cref="PageFacts"/>. Phrase lists and patterns are compiled once.
/// A rule applies to a page when its <c>appliesTo</c> includes the site's kind and the page is a help page; it then reads
/// the regions of its scope (page rules: main content, side boxes and the service's schema.org data; site rules:
/// everything but menus) and is met when its condition holds.
/// </summary>
public sealed class RuleEngine
{
    private const int MaxEvidence = 300;

    /// <summary>How many distinct matches (services) the evidence of a MinDistinct condition lists.</summary>
    private const int EvidenceLemmas = 6;

    // Generous: the first match of a compiled regex includes its JIT, which on a loaded machine can take seconds; the
    // phrase and pattern regexes are linear, so the timeout only guards against a rule file's pathological pattern.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(15);
    private readonly Dictionary<RuleCondition, Regex> compiled = new(ReferenceEqualityComparer.Instance);

    // Phrase conditions: a cheap test that rules out blocks their regex cannot match (the regex still decides what matches).
    private readonly Dictionary<RuleCondition, PhrasePrefilter> prefilters = new(ReferenceEqualityComparer.Instance);

    // Phrase conditions: where a match can start, and the regex anchored there (\G), to try only those positions.
    private readonly Dictionary<RuleCondition, (PhraseStarts Starts, Regex Anchored)> starts = new(ReferenceEqualityComparer.Instance);

    public RuleEngine(RuleSet ruleSet)
    {
        RuleSet = ruleSet;
        foreach (var rule in ruleSet.Rules)
        {
            Compile(rule.Detect);
        }
    }

    public RuleSet RuleSet { get; }

    /// <summary>Evaluates every rule. <paramref name="siteKind"/> is <c>municipality</c> or <c>helsenorge</c> (null: no rule applies).</summary>
    public IReadOnlyList<RuleResult> Evaluate(PageFacts facts, string? siteKind, bool isHelpPage)
    {
        var results = new List<RuleResult>(RuleSet.Rules.Count);
        foreach (var rule in RuleSet.Rules)
        {
            if (siteKind is null || !rule.AppliesTo.Contains(siteKind))
            {
                results.Add(new RuleResult(rule.Id, RuleOutcome.NotApplicable, Missing: "Regelen gjelder ikke for denne typen nettsted."));
                continue;
            }

            if (!isHelpPage)
            {
                results.Add(new RuleResult(rule.Id, RuleOutcome.NotApplicable, Missing: "Siden er ikke en side om helse- eller hjelpetilbud."));
                continue;
            }

            results.Add(EvaluateRule(rule, facts));
        }

        return results;
    }

    public RuleResult EvaluateRule(RequiredFieldRule rule, PageFacts facts)
    {
        var regions = Regions(rule);
        var window = new Window(facts, facts.Text.Blocks.Where(b => (b.Region & regions) != 0).Select(b => b.Index).ToList(), regions);
        var match = Eval(rule.Detect, window);
        return match is null
            ? new RuleResult(rule.Id, RuleOutcome.NotMet, Missing: rule.MissingNb)
            : new RuleResult(rule.Id, RuleOutcome.Met, TextNormalizer.Truncate(match.Evidence, MaxEvidence), match.Where);
    }

    public static PageRegion Regions(RequiredFieldRule rule)
    {
        if (rule.Regions is { Count: > 0 } names)
        {
            return names.Aggregate(PageRegion.None, (acc, n) => acc | Enum.Parse<PageRegion>(n, ignoreCase: true));
        }

        return rule.Scope == RuleScope.Page ? PageRegion.PageContent : PageRegion.SiteContent;
    }

    private sealed record Window(PageFacts Facts, List<int> Blocks, PageRegion Regions);

    private RuleMatch? Eval(RuleCondition c, Window w)
    {
        if (c.Any is { } any)
        {
            foreach (var sub in any)
            {
                if (Eval(sub, w) is { } m)
                {
                    return m;
                }
            }

            return null;
        }

        if (c.All is { } inSentence && c.Within == "sentence")
        {
            return EvalSentences(inSentence, c.None, w);
        }

        if (c.All is { } all)
        {
            foreach (var sub in SubWindows(w, c.Within))
            {
                var matches = new List<RuleMatch>();
                foreach (var cond in all)
                {
                    if (Eval(cond, sub) is not { } m)
                    {
                        break;
                    }

                    matches.Add(m);
                }

                if (matches.Count == all.Count)
                {
                    var evidence = string.Join(" + ", matches.Select(m => m.Evidence).Distinct(StringComparer.Ordinal));
                    return new RuleMatch(evidence, matches[0].Where, matches[0].BlockIndex);
                }
            }

            return null;
        }

        if (c.Detector is { } detector)
        {
            return EvalDetector(c, detector, w);
        }

        var regex = compiled[c];
        prefilters.TryGetValue(c, out var prefilter);
        var distinct = new Dictionary<string, (int Block, int Index, int Length)>(StringComparer.OrdinalIgnoreCase);

        // Blocks come in page order and matches in text order, so the first matches found are the ones the evidence shows
        // (the first one; with MinDistinct, the first six distinct): stop there instead of reading the rest of the page.
        var enough = c.MinDistinct > 1 ? Math.Max(c.MinDistinct, EvidenceLemmas) : 1;
        foreach (var i in w.Blocks)
        {
            var block = w.Facts.Text.Blocks[i];
            if (prefilter is not null && !prefilter.MayMatch(block.Text))
            {
                continue;
            }

            foreach (var m in Matches(c, regex, block.Text))
            {
                distinct.TryAdd(c.MinDistinct > 1 ? LemmaOf(c, m.Value) : m.Value.ToLowerInvariant(), (i, m.Index, m.Length));
                if (distinct.Count >= enough)
                {
                    break;
                }
            }

            if (distinct.Count >= enough)
            {
                break;
            }
        }

        if (distinct.Count < Math.Max(1, c.MinDistinct))
        {
            return null;
        }

        var first = distinct.Values.OrderBy(v => v.Block).First();
        var b = w.Facts.Text.Blocks[first.Block];
        var snippet = c.MinDistinct > 1
            ? string.Join(", ", distinct.Values.OrderBy(v => v.Block).ThenBy(v => v.Index).Take(EvidenceLemmas).Select(v => w.Facts.Text.Blocks[v.Block].Text.Substring(v.Index, v.Length)))
            : Quote(b.Text, first.Index, first.Length);
        return new RuleMatch(snippet, b.Where, b.Index);
    }

    /// <summary>Every phrase/pattern condition must match inside one sentence of one block (detector conditions: in the same block).</summary>
    private RuleMatch? EvalSentences(List<RuleCondition> all, List<RuleCondition>? none, Window w)
    {
        foreach (var i in w.Blocks)
        {
            var block = w.Facts.Text.Blocks[i];
            if (!MayHoldIn(all, block.Text))
            {
                continue;
            }

            foreach (var sentence in SentencesAndContinuations(block.Text))
            {
                var ok = true;
                foreach (var cond in all)
                {
                    var holds = compiled.TryGetValue(cond, out var regex)
                        ? IsMatch(cond, regex, sentence)
                        : Eval(cond, w with { Blocks = [i] }) is not null;
                    if (!holds)
                    {
                        ok = false;
                        break;
                    }
                }

                if (ok && none is not null && none.Any(n => compiled.TryGetValue(n, out var nr) && IsMatch(n, nr, sentence)))
                {
                    ok = false;
                }

                if (ok)
                {
                    return new RuleMatch("«" + TextNormalizer.Truncate(sentence, 240) + "»", block.Where, block.Index);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What <c>regex.Matches(text)</c> returns, trying a phrase regex only where one of its phrases' first pieces is
    /// (every match starts with one): the regex anchored at each such position finds the match the scan would find there.
    /// </summary>
    private IEnumerable<Match> Matches(RuleCondition c, Regex regex, string text)
    {
        if (!starts.TryGetValue(c, out var s) || !s.Starts.CanSearch(text))
        {
            foreach (Match m in regex.Matches(text))
            {
                yield return m;
            }

            yield break;
        }

        for (var at = s.Starts.Next(text, 0); at >= 0;)
        {
            var m = s.Anchored.Match(text, at);
            if (m.Success)
            {
                yield return m;
                at = m.Index + Math.Max(1, m.Length);
            }
            else
            {
                at++;
            }

            at = at < text.Length ? s.Starts.Next(text, at) : -1;
        }
    }

    /// <summary>The matches and the verdict of a phrase or pattern condition as <see cref="Eval"/> computes them (for tests).</summary>
    internal (List<Match> Matches, bool IsMatch) MatchForTest(RuleCondition c, string text) =>
        ([.. Matches(c, compiled[c], text)], IsMatch(c, compiled[c], text));

    internal Regex RegexOf(RuleCondition c) => compiled[c];

    /// <summary>What <c>regex.IsMatch(text)</c> returns (see <see cref="Matches"/>).</summary>
    private bool IsMatch(RuleCondition c, Regex regex, string text)
    {
        if (prefilters.TryGetValue(c, out var prefilter) && !prefilter.MayMatch(text))
        {
            return false;
        }

        if (!starts.ContainsKey(c))
        {
            return regex.IsMatch(text);
        }

        foreach (var _ in Matches(c, regex, text))
        {
            return true;
        }

        return false;
    }

    /// <summary>False when a phrase condition's regex cannot match the text (so no sentence of it can satisfy all conditions).</summary>
    private bool MayHoldIn(List<RuleCondition> all, string text)
    {
        foreach (var cond in all)
        {
            if (prefilters.TryGetValue(cond, out var prefilter) && !prefilter.MayMatch(text))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The block's sentences, and each sentence joined with the next one when the next one continues it: it starts
    /// with a pointing word ("Dette gjelder også …", "This also applies …") or the first ends with a colon (a list
    /// introduced in the sentence before). A message spread over two such sentences is then read as one.
    /// </summary>
    internal static IEnumerable<string> SentencesAndContinuations(string text)
    {
        string? previous = null;
        foreach (var sentence in Sentences(text))
        {
            yield return sentence;
            if (previous is not null && (previous.EndsWith(':') || Continuation.IsMatch(sentence)))
            {
                yield return previous + " " + sentence;
            }

            previous = sentence;
        }
    }

    private static readonly Regex Continuation = new(@"^(?:«\s*)?(?:dette|det\s+gjeld(?:er)?|dei|de\s+(?:skal|kan)|this|that|it\s+(?:also|is)|they)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Sentences of a block: split after . ! ? (and the Urdu, Arabic and Ethiopic full stops, not after kl./tlf./f.eks. …) before a capital or quote, and at line breaks.</summary>
    internal static IEnumerable<string> Sentences(string text) =>
        SentenceBreak.Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static readonly Regex SentenceBreak = new(@"(?<=[.!?۔؟።])(?<!\b(?i:kl|tlf|nr|ca|bl\.a|f\.eks|jf|mv|dvs|evt|pb|ev|tel)\.)\s+(?=[\p{Lu}«""(\p{Lo}])|\n", RegexOptions.CultureInvariant);

    private static RuleMatch? EvalDetector(RuleCondition c, string detector, Window w)
    {
        if (detector == "page-language")
        {
            var lang = w.Facts.Language;
            var excluded = c.Exclude ?? ["nb", "nn", "no"];
            if (lang.IsDetermined && lang.Confidence >= 0.5 && !excluded.Contains(lang.Code))
            {
                return new RuleMatch($"Siden er skrevet på {Languages.LanguageNames.Find(lang.Code)?.NameNb ?? lang.Code} ({lang.Code})", "hovedinnhold", -1);
            }

            return null;
        }

        // Block and sentence windows hold one block: test it directly instead of building a set per window.
        var single = w.Blocks.Count == 1 ? w.Blocks[0] : -2;
        HashSet<int>? blocks = null;
        foreach (var hit in w.Facts.HitsOf(detector))
        {
            if (c.Numbers is { } numbers && !numbers.Contains(hit.Value))
            {
                continue;
            }

            var inWindow = hit.BlockIndex >= 0
                ? (single != -2 ? hit.BlockIndex == single : (blocks ??= w.Blocks.ToHashSet()).Contains(hit.BlockIndex))
                : (hit.Region & w.Regions) != 0 && w.Blocks.Count == CountAll(w);
            if (!inWindow || (hit.Region & w.Regions) == 0)
            {
                continue;
            }

            if (c.Exclude is { } exclude && exclude.Contains(hit.Value))
            {
                continue;
            }

            if (detector == "phone" && c.Numbers is null && hit.Value.Length == 3)
            {
                // Emergency numbers count only where a rule asks for them by number.
                continue;
            }

            if (c.Kinds is { } kinds && !kinds.Contains(hit.Kind))
            {
                continue;
            }

            // A tel: link to a listed number is context enough; any other number needs its words (a municipal helpline).
            if (c.Context is { } context && (hit.Kind != "tel-link" || c.Numbers is null) && !HasContext(hit.Context, context))
            {
                continue;
            }

            return new RuleMatch(hit.Evidence, hit.Where, hit.BlockIndex);
        }

        return null;
    }

    // Structured data belongs to the whole page: it is in a window only when the window is the page.
    private static int CountAll(Window w) => w.Facts.Text.Blocks.Count(b => (b.Region & w.Regions) != 0);

    private static bool HasContext(string context, Dictionary<string, List<string>> words)
    {
        var lower = InvariantLower.Of(context);
        foreach (var list in words.Values)
        {
            foreach (var word in list)
            {
                var wl = word.ToLowerInvariant();
                var i = lower.IndexOf(wl.TrimEnd('*'), StringComparison.Ordinal);
                while (i >= 0)
                {
                    var startOk = i == 0 || !char.IsLetter(lower[i - 1]) || !IsSimpleScript(wl);
                    var end = i + wl.TrimEnd('*').Length;
                    var endOk = wl.EndsWith('*') || end >= lower.Length || !char.IsLetter(lower[end]) || !IsSimpleScript(wl);
                    if (startOk && endOk)
                    {
                        return true;
                    }

                    i = lower.IndexOf(wl.TrimEnd('*'), i + 1, StringComparison.Ordinal);
                }
            }
        }

        return false;
    }

    private static IEnumerable<Window> SubWindows(Window w, string within)
    {
        var blocks = w.Facts.Text.Blocks;
        switch (within)
        {
            case "block":
                foreach (var i in w.Blocks)
                {
                    yield return w with { Blocks = [i] };
                }

                break;
            case "nearby":
                var set = w.Blocks.ToHashSet();
                foreach (var i in w.Blocks)
                {
                    var list = new List<int> { i };
                    if (set.Contains(i - 1) && blocks[i - 1].Region == blocks[i].Region)
                    {
                        list.Insert(0, i - 1);
                    }

                    if (set.Contains(i + 1) && blocks[i + 1].Region == blocks[i].Region)
                    {
                        list.Add(i + 1);
                    }

                    yield return w with { Blocks = list };
                }

                break;
            case "section":
                foreach (var group in w.Blocks.GroupBy(i => (blocks[i].Section, blocks[i].Region)))
                {
                    yield return w with { Blocks = group.ToList() };
                }

                break;
            default:
                yield return w;
                break;
        }
    }

    private static string Quote(string text, int index, int length)
    {
        const int radius = 60;
        var from = Math.Max(0, index - radius);
        var to = Math.Min(text.Length, index + length + radius);
        var s = text[from..to].Replace('\n', ' ');
        return "«" + (from > 0 ? "…" : "") + s + (to < text.Length ? "…" : "") + "»";
    }

    private void Compile(RuleCondition c)
    {
        if (c.Phrases is { } phrases)
        {
            compiled[c] = PhraseRegex(phrases.Values.SelectMany(v => v));
            if (PhrasePrefilter.Create(phrases.Values.SelectMany(v => v)) is { } prefilter)
            {
                prefilters[c] = prefilter;
            }

            if (PhraseStarts.Create(phrases.Values.SelectMany(v => v)) is { } startFilter)
            {
                starts[c] = (startFilter, AnchoredPhraseRegex(compiled[c]));
            }
        }
        else if (c.Patterns is { } patterns)
        {
            compiled[c] = new Regex(string.Join("|", patterns.Select(p => "(?:" + p + ")")), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
        }

        foreach (var sub in (c.All ?? []).Concat(c.Any ?? []).Concat(c.None ?? []))
        {
            Compile(sub);
        }

        if (c.MinDistinct > 1 && c.Phrases is { } lemmaPhrases)
        {
            // Which phrase a match came from (longest first, as the combined regex tries them) and the group it belongs to.
            var groupOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var group in c.Lemmas ?? [])
            {
                foreach (var phrase in group)
                {
                    groupOf.TryAdd(TextNormalizer.OneLine(phrase).Trim(), group[0]);
                }
            }

            lemmas[c] = [.. NormalizedPhrases(lemmaPhrases.Values.SelectMany(v => v))
                .Select(p => (new Regex("^(?:" + PhraseRegex([p]) + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), groupOf.GetValueOrDefault(p, p)))];
        }
    }

    private readonly Dictionary<RuleCondition, List<(Regex Phrase, string Lemma)>> lemmas = new(ReferenceEqualityComparer.Instance);

    /// <summary>The lemma (phrase group) a phrase match belongs to: "fastlegen", "fastlegekontoret" and "legekontor" are one service.</summary>
    private string LemmaOf(RuleCondition c, string value)
    {
        // The same match text recurs on every page: look it up as found before normalising it.
        if (lemmaCache.TryGetValue((c, value), out var seen))
        {
            return seen;
        }

        var lemma = LemmaOfNormalised(c, value);
        if (lemmaCache.Count < 20_000)
        {
            lemmaCache.TryAdd((c, value), lemma);
        }

        return lemma;
    }

    private string LemmaOfNormalised(RuleCondition c, string value)
    {
        var text = TextNormalizer.OneLine(value).Trim().ToLowerInvariant();
        if (!lemmas.TryGetValue(c, out var list))
        {
            return text;
        }

        // The same few word forms recur on every page of a site: remember them (bounded).
        if (lemmaCache.TryGetValue((c, text), out var known))
        {
            return known;
        }

        var result = text;
        foreach (var (phrase, lemma) in list)
        {
            if (phrase.IsMatch(text))
            {
                result = lemma.ToLowerInvariant();
                break;
            }
        }

        if (lemmaCache.Count < 20_000)
        {
            lemmaCache.TryAdd((c, text), result);
        }

        return result;
    }

    // Per engine and condition (RuleCondition compares by reference).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(RuleCondition Condition, string Text), string> lemmaCache = new();

    /// <summary>One regex for a phrase list: case-insensitive, whitespace-tolerant, word-bounded (for Latin/Cyrillic), '*' = any word ending.</summary>
    public static Regex PhraseRegex(IEnumerable<string> phrases)
    {
        var alternatives = new List<string>();
        foreach (var raw in NormalizedPhrases(phrases))
        {
            var prefix = raw.EndsWith('*');
            var core = prefix ? raw[..^1] : raw;
            var bounded = IsSimpleScript(core);
            var body = string.Join(@"\s+", core.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Word));
            var sb = new StringBuilder();
            sb.Append(bounded ? @"(?<![\p{L}\p{N}])" : "").Append(body);
            if (prefix)
            {
                sb.Append(@"[\p{L}\p{N}]*");
            }

            if (bounded)
            {
                sb.Append(@"(?![\p{L}\p{N}])");
            }

            alternatives.Add(sb.ToString());
        }

        // No match timeout: a phrase regex is an alternation of literal words joined by \s+ / [-\s]? with a bounded word
        // ending, so it cannot backtrack catastrophically, and a timeout costs a clock check in every loop of the
        // compiled matcher (about a tenth of the rules' time). The hand-written patterns keep theirs.
        return new Regex(string.Join("|", alternatives), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>A phrase regex that only matches at the position where matching starts.</summary>
    internal static Regex AnchoredPhraseRegex(Regex phraseRegex) =>
        new(@"\G(?:" + phraseRegex + ")", phraseRegex.Options, phraseRegex.MatchTimeout);

    /// <summary>The phrases as <see cref="PhraseRegex"/> reads them: on one line, trimmed, without duplicates, longest first.</summary>
    internal static IEnumerable<string> NormalizedPhrases(IEnumerable<string> phrases) =>
        phrases.Select(p => TextNormalizer.OneLine(p).Trim()).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length);

    /// <summary>One word of a phrase: escaped, hyphen optional (e-post = epost = e post), a trailing '*' = any word ending.</summary>
    private static string Word(string part)
    {
        var wildcard = part.Length > 1 && part.EndsWith('*');
        var escaped = Regex.Escape(wildcard ? part[..^1] : part).Replace("-", @"[-\s]?", StringComparison.Ordinal);
        return wildcard ? escaped + @"[\p{L}\p{N}]*" : escaped;
    }

    /// <summary>Latin, Cyrillic and Greek words have word boundaries; in Arabic, Ethiopic… script phrases match anywhere.</summary>
    internal static bool IsSimpleScript(string s) => s.Where(char.IsLetter).All(c => c < '\u0590');
}

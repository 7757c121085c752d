namespace Lenkevakt.Findings;

/// <summary>What a run learnt about one page, which decides whether the page's old findings can be resolved.</summary>
public enum PageCheck
{
    /// <summary>Not fetched in this run (over the page limit, excluded, or it failed transiently): its findings stay open.</summary>
    NotChecked,

    /// <summary>Fetched and checked again: a finding not seen any more is fixed.</summary>
    Checked,

    /// <summary>The page itself is gone (404, 410, a soft 404, or it now redirects elsewhere): its findings are resolved with that reason.</summary>
    Gone,
}

namespace Lenkevakt.Content.Text;

/// <summary>Where on a page a piece of text sits. Rules choose which regions they read (see docs/rules.md, "Regions").</summary>
[Flags]
public enum PageRegion
{
    None = 0,

    /// <summary>The main content: &lt;main&gt;, [role=main], the article, or the body minus site chrome.</summary>
    Main = 1,

    /// <summary>Side boxes (&lt;aside&gt;, [role=complementary]), e.g. a service's "Kontakt oss" box.</summary>
    Aside = 2,

    /// <summary>The site header / banner.</summary>
    Header = 4,

    /// <summary>Menus, mega-menus, breadcrumbs, "skip to" links.</summary>
    Nav = 8,

    /// <summary>The site footer (often the municipality's switchboard, e-mail and address).</summary>
    Footer = 16,

    /// <summary>Body content outside the main element that is not chrome (banners, alerts).</summary>
    Other = 32,

    /// <summary>schema.org JSON-LD or microdata describing the page's own service.</summary>
    StructuredData = 64,

    /// <summary>schema.org data describing the whole organisation (Organization, WebSite): like a footer.</summary>
    SiteStructuredData = 128,

    /// <summary>What a page-scope rule reads: the page's own content and side boxes.</summary>
    PageContent = Main | Aside | StructuredData,

    /// <summary>What a site-scope rule reads: everything a visitor sees except menus.</summary>
    SiteContent = Main | Aside | Header | Footer | Other | StructuredData | SiteStructuredData,
}

using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Lenkevakt.Content.Text;

/// <summary>
/// Reads schema.org data from JSON-LD scripts (including @graph and nested objects) and microdata (itemscope/itemprop),
/// flattening the properties the content rules use: telephone, email, address parts, openingHours and
/// openingHoursSpecification (rendered as "Monday-Friday 08:00-15:30"). Malformed JSON is skipped.
/// </summary>
public static class StructuredDataReader
{
    private const int MaxItems = 200;

    private static readonly HashSet<string> SiteTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Organization", "GovernmentOrganization", "WebSite", "WebPage", "BreadcrumbList", "Corporation", "NGO", "SearchAction", "ImageObject",
    };

    private static readonly HashSet<string> Interesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "telephone", "email", "openingHours", "streetAddress", "postalCode", "addressLocality", "postOfficeBoxNumber", "url",
    };

    public static IReadOnlyList<StructuredDataItem> Read(IHtmlDocument document)
    {
        var items = new List<StructuredDataItem>();
        foreach (var script in document.QuerySelectorAll("script[type]"))
        {
            if (!string.Equals(script.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
                Visit(json.RootElement, items, null);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; ignore it.
            }
        }

        foreach (var scope in document.QuerySelectorAll("[itemscope]"))
        {
            if (items.Count >= MaxItems)
            {
                break;
            }

            var type = scope.GetAttribute("itemtype")?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "Thing";
            var props = new List<KeyValuePair<string, string>>();
            foreach (var prop in scope.QuerySelectorAll("[itemprop]"))
            {
                if (!ReferenceEquals(ClosestScope(prop), scope))
                {
                    continue;
                }

                var name = prop.GetAttribute("itemprop")!.Trim();
                if (!Interesting.Contains(name))
                {
                    continue;
                }

                var value = prop.GetAttribute("content") ?? (prop.LocalName == "a" ? prop.GetAttribute("href") : null) ?? prop.TextContent;
                props.Add(new(name, TextNormalizer.OneLine(value)));
            }

            if (props.Count > 0)
            {
                items.Add(new StructuredDataItem(type, SiteTypes.Contains(type) ? PageRegion.SiteStructuredData : PageRegion.StructuredData, null, props));
            }
        }

        return items;
    }

    private static IElement? ClosestScope(IElement prop)
    {
        for (var e = prop.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.HasAttribute("itemscope"))
            {
                return e;
            }
        }

        return null;
    }

    private static void Visit(JsonElement e, List<StructuredDataItem> items, string? inheritedType)
    {
        if (items.Count >= MaxItems)
        {
            return;
        }

        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray())
            {
                Visit(x, items, inheritedType);
            }

            return;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (e.TryGetProperty("@graph", out var graph))
        {
            Visit(graph, items, inheritedType);
        }

        var type = e.TryGetProperty("@type", out var t) ? FirstString(t) : null;
        var props = new List<KeyValuePair<string, string>>();
        foreach (var p in e.EnumerateObject())
        {
            switch (p.Name)
            {
                case "telephone" or "email" or "name" or "openingHours" or "url" or "faxNumber":
                    foreach (var s in Strings(p.Value))
                    {
                        props.Add(new(p.Name, s));
                    }

                    break;
                case "address" when p.Value.ValueKind == JsonValueKind.String:
                    props.Add(new("address", p.Value.GetString()!));
                    break;
                case "address" or "location" when p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array:
                    foreach (var a in p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().ToList() : [p.Value])
                    {
                        if (a.ValueKind == JsonValueKind.Object && Address(a) is { } addr)
                        {
                            props.Add(new("address", addr));
                        }
                        else if (a.ValueKind == JsonValueKind.Object)
                        {
                            Visit(a, items, type ?? inheritedType);
                        }
                    }

                    break;
                case "openingHoursSpecification":
                    foreach (var spec in p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().ToList() : [p.Value])
                    {
                        if (spec.ValueKind == JsonValueKind.Object && Spec(spec) is { } s)
                        {
                            props.Add(new("openingHoursSpecification", s));
                        }
                    }

                    break;
                case "contactPoint" or "department" or "subOrganization" or "containsPlace" or "hasOfferCatalog" or "availableChannel" or "provider" or "mainEntity":
                    Visit(p.Value, items, type ?? inheritedType);
                    break;
            }
        }

        if (props.Count > 0)
        {
            var effective = type ?? inheritedType ?? "Thing";
            var region = SiteTypes.Contains(effective) ? PageRegion.SiteStructuredData : PageRegion.StructuredData;
            items.Add(new StructuredDataItem(effective, region, Cap(e.GetRawText()), props));
        }
    }

    private static string Cap(string json) => json.Length > 2000 ? json[..2000] : json;

    private static string? Address(JsonElement a)
    {
        string Get(string name) => a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : "";
        var street = Get("streetAddress");
        var box = Get("postOfficeBoxNumber");
        var code = Get("postalCode");
        var place = Get("addressLocality");
        if (street.Length == 0 && box.Length == 0)
        {
            return null;
        }

        var first = street.Length > 0 ? street : "Postboks " + box;
        return $"{first}, {code} {place}".Trim().TrimEnd(',');
    }

    private static string? Spec(JsonElement spec)
    {
        var days = spec.TryGetProperty("dayOfWeek", out var d) ? string.Join(",", Strings(d).Select(x => x.Split('/').Last())) : "";
        var opens = spec.TryGetProperty("opens", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        var closes = spec.TryGetProperty("closes", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (opens is null && closes is null)
        {
            return null;
        }

        return $"{days} {opens}-{closes}".Trim();
    }

    private static string? FirstString(JsonElement e) => Strings(e).FirstOrDefault();

    private static IEnumerable<string> Strings(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            yield return e.GetString()!;
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray())
            {
                if (x.ValueKind == JsonValueKind.String)
                {
                    yield return x.GetString()!;
                }
            }
        }
    }
}

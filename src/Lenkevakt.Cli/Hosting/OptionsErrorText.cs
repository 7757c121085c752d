using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Cli.Hosting;

/// <summary>One Norwegian line for settings that failed validation at start, naming the setting and its environment variable.</summary>
public static partial class OptionsErrorText
{
    public static string Describe(OptionsValidationException ex)
    {
        var section = ex.OptionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string ?? ex.OptionsType.Name;
        var failures = ex.Failures.Select(Translate).Distinct(StringComparer.Ordinal).ToList();
        var first = failures.Count > 0 ? failures[0] : ex.Message;
        var key = first.Split(':', 2)[0].Trim();
        var env = key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == ':')
            ? $" (innstillingen {section}:{key}, miljøvariabel {(section + ":" + key).Replace(":", "__", StringComparison.Ordinal)})"
            : "";
        return $"Ugyldig konfigurasjon i {section}: {string.Join("; ", failures)}{env}.";
    }

    /// <summary>Data-annotation failures arrive in English (<c>The field X must be between 1 and 256.</c>): say them in Norwegian.</summary>
    private static string Translate(string failure)
    {
        var text = DataAnnotationWrapper().Match(failure) is { Success: true } m ? m.Groups["error"].Value : failure;
        text = text.TrimEnd('.');
        if (Range().Match(text) is { Success: true } range)
        {
            return $"{range.Groups["name"].Value}: må være mellom {range.Groups["min"].Value} og {range.Groups["max"].Value}";
        }

        if (Required().Match(text) is { Success: true } required)
        {
            return $"{required.Groups["name"].Value}: må ha en verdi";
        }

        return text;
    }

    [GeneratedRegex(@"with the error: '(?<error>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationWrapper();

    [GeneratedRegex(@"^The field (?<name>\w+) must be between (?<min>\S+) and (?<max>\S+)$")]
    private static partial Regex Range();

    [GeneratedRegex(@"^The (?<name>\w+) field is required$")]
    private static partial Regex Required();
}

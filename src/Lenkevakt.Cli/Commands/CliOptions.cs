using System.CommandLine;
using System.Globalization;

namespace Lenkevakt.Cli.Commands;

/// <summary>
/// Options whose values are checked while parsing, so a bad value is refused at start with exit code 2 and one Norwegian
/// line that starts with the option's name (see <c>ParseErrorText</c>).
/// </summary>
public static class CliOptions
{
    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int?> Number(string name, string description, int min, int max = int.MaxValue) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            r.AddError(max == int.MaxValue
                ? $"{name}: «{text}» er ikke et helt tall fra {min} og oppover."
                : $"{name}: «{text}» er ikke et helt tall fra {min} til {max}.");
            return null;
        },
    };

    /// <summary>
    /// <c>--storage-prefix P</c>: the storage namespace (<c>Lenkevakt:Storage:NamePrefix</c>) for this command, e.g. <c>demo</c>
    /// or <c>adhoc</c>; an empty value is the catalogue's default namespace.
    /// </summary>
    public static Option<string?> StoragePrefix() => new("--storage-prefix")
    {
        Description = "Storage namespace (Lenkevakt:Storage:NamePrefix) for this command: 'demo' for the demo, 'adhoc' for 'run --url', \"\" for the catalogue. Default: the configured prefix ('run --url': Lenkevakt:Storage:AdHocNamePrefix, 'adhoc').",
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (System.Text.RegularExpressions.Regex.IsMatch(text, "^[a-z0-9]{0,20}$"))
            {
                return text;
            }

            r.AddError($"--storage-prefix: «{text}» er ikke et gyldig prefiks (bare små bokstaver a–z og sifre, høyst 20 tegn).");
            return null;
        },
    };

    /// <summary>The configuration override for a <see cref="StoragePrefix"/> value (none when it was not given).</summary>
    public static Dictionary<string, string?> StorageOverrides(string? prefix)
    {
        var overrides = new Dictionary<string, string?>();
        if (prefix is not null)
        {
            overrides[StorageOptionsKeys.NamePrefix] = prefix;
        }

        return overrides;
    }

    /// <summary>One of <paramref name="values"/>; a default when not given.</summary>
    public static Option<string> Choice(string name, string description, string defaultValue, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        AddChoiceCheck(option, values);
        return option;
    }

    /// <summary>One of <paramref name="values"/>, or nothing.</summary>
    public static Option<string?> OptionalChoice(string name, string description, params string[] values)
    {
        var option = new Option<string?>(name) { Description = description };
        AddChoiceCheck(option, values);
        return option;
    }

    /// <summary>A file to write: its folder must exist; with <paramref name="extensions"/>, its name must end in one of them.</summary>
    public static Option<FileInfo?> OutputFile(string name, string description, params string[] extensions)
    {
        var option = new Option<FileInfo?>(name) { Description = description };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count == 0)
            {
                return;
            }

            var text = r.Tokens[0].Value;
            var full = Path.GetFullPath(text);
            var folder = Path.GetDirectoryName(full);
            if (extensions.Length > 0 && !extensions.Contains(Path.GetExtension(full), StringComparer.OrdinalIgnoreCase))
            {
                r.AddError($"{name}: «{text}» må slutte på {string.Join(" eller ", extensions)}.");
            }
            else if (folder is not null && !Directory.Exists(folder))
            {
                r.AddError($"{name}: mappen «{folder}» finnes ikke.");
            }
            else if (Directory.Exists(full))
            {
                r.AddError($"{name}: «{text}» er en mappe, ikke en fil.");
            }
        });
        return option;
    }

    private static void AddChoiceCheck<T>(Option<T> option, string[] values)
    {
        option.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
            {
                if (!values.Contains(token.Value, StringComparer.Ordinal))
                {
                    r.AddError($"{option.Name}: ukjent verdi «{token.Value}»; gyldige verdier: {string.Join(", ", values)}.");
                }
            }
        });
        option.CompletionSources.Add(values);
    }
}


using System.CommandLine;
using System.CommandLine.Parsing;

namespace Lenkevakt.Cli.Hosting;

/// <summary>
/// One Norwegian line (and a pointer to <c>--help</c>) for a command line that did not parse. The options' own checks
/// already word their errors in Norwegian, starting with the option's name; System.CommandLine's English messages
/// (unknown token, missing command, a value of the wrong type) are said again here in Norwegian.
/// </summary>
public static class ParseErrorText
{
    public static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var help = $" Se «{CliCommandName.Current} {path}--help».";
        var subcommands = command.Subcommands.Select(c => c.Name).ToList();
        if (parse.UnmatchedTokens.Count > 0)
        {
            var token = parse.UnmatchedTokens[0];
            if (subcommands.Count > 0 && !token.StartsWith('-'))
            {
                var closest = subcommands.OrderBy(s => Distance(s, token)).First();
                var guess = Distance(closest, token) <= 2 ? $" Mente du «{closest}»?" : "";
                return $"Ukjent kommando «{token}».{guess} Kommandoer: {string.Join(", ", subcommands)}.{help}";
            }

            return $"Ukjent argument «{token}».{help}";
        }

        var error = parse.Errors[0];
        if (error.Message.StartsWith('-'))
        {
            return error.Message + help;
        }

        return error.SymbolResult switch
        {
            OptionResult o when o.Tokens.Count == 0 => $"{o.Option.Name}: mangler verdi.{help}",
            OptionResult o => $"{o.Option.Name}: ugyldig verdi «{string.Join(" ", o.Tokens.Select(t => t.Value))}».{help}",
            ArgumentResult a => $"{a.Argument.Name}: ugyldig verdi «{string.Join(" ", a.Tokens.Select(t => t.Value))}».{help}",
            _ when subcommands.Count > 0 => $"Mangler kommando. Kommandoer: {string.Join(", ", subcommands)}.{help}",
            _ => $"Ugyldig kommandolinje: {error.Message}{help}",
        };
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c && c.Parent is not null; r = c.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return names.Count == 0 ? "" : string.Join(" ", names) + " ";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}

using Cronos;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Pipeline;

/// <summary>Checks at start that the schedule's cron expression parses and its time zone exists on this machine.</summary>
public sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        try
        {
            _ = CronExpression.Parse(options.Cron);
        }
        catch (CronFormatException ex)
        {
            failures.Add($"Cron: «{options.Cron}» er ikke et gyldig cron-uttrykk med fem felt ({ex.Message})");
        }

        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            failures.Add($"TimeZone: «{options.TimeZone}» er ingen kjent tidssone (bruk et IANA-navn, f.eks. Europe/Oslo)");
        }

        if (options.TickInterval <= TimeSpan.Zero)
        {
            failures.Add($"TickInterval: må være større enn null (er {options.TickInterval})");
        }

        if (options.MissedRunWindow < TimeSpan.Zero)
        {
            failures.Add($"MissedRunWindow: kan ikke være negativ (er {options.MissedRunWindow})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

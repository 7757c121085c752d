using Lenkevakt.Pipeline;

namespace Lenkevakt.Tests.Pipeline;

[Trait("Category", "Unit")]
public sealed class ScheduleOptionsValidatorTests
{
    [Theory]
    [InlineData("0 2 * * *", "Europe/Oslo", true)]
    [InlineData("*/15 * * * *", "UTC", true)]
    [InlineData("every night", "Europe/Oslo", false)]
    [InlineData("0 2 * *", "Europe/Oslo", false)]
    [InlineData("0 2 * * *", "Europe/Atlantis", false)]
    public void CronAndTimeZone_AreCheckedAtStart(string cron, string zone, bool valid) =>
        Assert.Equal(valid, new ScheduleOptionsValidator().Validate(null, new ScheduleOptions { Cron = cron, TimeZone = zone }).Succeeded);
}

using Microsoft.Playwright;

namespace Lenkevakt.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright's .NET driver (bundled in the NuGet package, runs on its own Node; no
/// browser is downloaded). A missing Chromium fails the test with how to install it, never skips it.
/// </summary>
public static class HeadlessChromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    /// <summary>The Chromium executable: <c>LENKEVAKT_CHROMIUM</c> or <c>/usr/bin/chromium</c>.</summary>
    public static string Executable()
    {
        var path = Environment.GetEnvironmentVariable("LENKEVAKT_CHROMIUM") is { Length: > 0 } custom ? custom : DefaultPath;
        Assert.True(File.Exists(path), $"Chromium not found at {path}. The browser tests need it: apt-get install -y chromium (.ci/run installs it), or set LENKEVAKT_CHROMIUM to a Chromium/Chrome executable.");
        return path;
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = Executable();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = Args, Timeout = 60_000 });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}

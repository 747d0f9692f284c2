using Microsoft.Playwright;

namespace Scheduler.Dashboard.Tests;

/// <summary>The system under test plus one headless Chromium (the Debian package: Playwright never downloads a browser).</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SchedulerHost Host { get; } = new();
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root.</summary>
    public static string ScreenshotDir { get; } = Path.Combine(Scheduler.Testing.RepoRoot.Find(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/install-test-deps.sh.");
        }

        Directory.CreateDirectory(ScreenshotDir);
        await Host.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh page (own context: own sessionStorage) that already holds the API key unless <paramref name="apiKey"/> says otherwise.</summary>
    public async Task<IPage> NewPageAsync(string? apiKey = SchedulerHost.ApiKey, int width = 1280, int height = 900, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
            TimezoneId = "America/New_York",
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        if (apiKey is not null)
        {
            await context.AddInitScriptAsync($"sessionStorage.setItem('scheduler.apiKey', {System.Text.Json.JsonSerializer.Serialize(apiKey)});");
        }

        var page = await context.NewPageAsync();
        page.PageError += (_, error) => PageErrors.Add(error);
        return page;
    }

    /// <summary>Uncaught script errors of every page: a test asserts there are none.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> PageErrors { get; } = [];

    /// <summary>A full-page screenshot, scrolled to the top first so the sticky header sits where a person sees it.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}

namespace Scheduler.Cli.Tests;

/// <summary>The real system for the CLI tests, and a runner pointed at it through SCHEDULER_URL / SCHEDULER_API_KEY.</summary>
public sealed class CliFixture : IAsyncLifetime
{
    public SchedulerHost Host { get; } = new();

    public CliRunner Cli { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        Cli = new CliRunner(Host.BaseUrl.ToString(), SchedulerHost.ApiKey);
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

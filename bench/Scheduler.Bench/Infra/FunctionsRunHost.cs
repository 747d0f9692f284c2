using Scheduler.Core.Runs;
using Scheduler.Functions.Tests.Durable;

namespace Scheduler.Bench.Infra;

/// <summary>The Functions app on the production Durable backend (DurableTask.AzureStorage over Azurite), through the test
/// suite's harness: jobs through its CreateJob HTTP function, its SweepTimer function invoked every second as the timer
/// trigger would (the harness's app settings: 1 s tick, 5 s lookahead), runs-queue messages handed to its queue trigger.</summary>
internal sealed class FunctionsRunHost(FunctionsApp app) : IRunHost
{
    public const string HubName = "benchhub";
    private readonly AppDriver driver = new(app);
    private readonly CancellationTokenSource stopping = new();
    private Task? timer;

    public string Name => "Functions + Durable";

    public FunctionsApp App => app;

    public AppDriver Driver => driver;

    /// <summary>The app's settings over this Azurite (tables "bench*", queue "runs"), task hub <see cref="HubName"/>.</summary>
    public static FunctionsAppSettings Settings(BenchAzurite azurite) => new(DurableBackend.AzureStorage, azurite.Options, HubName);

    public static async Task<FunctionsRunHost> CreateAsync(FunctionsAppSettings settings) => new(await FunctionsApp.StartAsync(settings));

    public Task<string> CreateOnceJobAsync(string id, string url, DateTimeOffset dueUtc) => driver.CreateOnceJobAsync(id, url, dueUtc);

    public Task StartAsync()
    {
        timer = Task.Run(async () =>
        {
            using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await tick.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false))
            {
                try
                {
                    await driver.SweepAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Report.Line($"sweep failed: {ex.Message}");
                }
            }
        });
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<Run>> RunsCreatedSinceAsync(DateTimeOffset sinceUtc) =>
        await driver.Runs.ListCreatedSinceAsync(sinceUtc, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (timer is not null)
        {
            try
            {
                await timer;
            }
            catch (OperationCanceledException)
            {
            }
        }

        await app.DisposeAsync();
        stopping.Dispose();
    }
}

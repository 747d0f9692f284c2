using Scheduler.Testing;

namespace Scheduler.Api.Tests.Support;

/// <summary>One Azurite, one webhook sink and one Server for the functional tests; a second Server with its own tables for
/// the bad-input suite, whose store must stay exactly as seeded.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly Lazy<SchedulerApp> guarded;

    public ApiFixture()
    {
        guarded = new Lazy<SchedulerApp>(() => new SchedulerApp(Azurite.NewOptions()));
        seededGuarded = new Lazy<Task<SchedulerApp>>(SeedAsync);
    }

    public AzuriteFixture Azurite { get; } = new();
    public ScriptedSink Sink { get; } = new();
    public SchedulerApp App { get; private set; } = null!;

    /// <summary>Id of the job the bad-input suite's Server holds.</summary>
    public const string SeedJob = "seed";

    /// <summary>Name of the connection the bad-input suite's Server holds.</summary>
    public const string SeedConnection = "seed-conn";

    private readonly Lazy<Task<SchedulerApp>> seededGuarded;

    /// <summary>The bad-input suite's Server, seeded on first use with one job (never due) and one connection.</summary>
    public Task<SchedulerApp> GuardedAsync() => seededGuarded.Value;

    private async Task<SchedulerApp> SeedAsync()
    {
        using var client = guarded.Value.Api();
        await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(SeedJob, "https://example.test/hook", JobBodies.FarFuture()))).ExpectAsync(System.Net.HttpStatusCode.Created);
        await (await client.PostJsonAsync("/api/connections", ConnectionTests.Profile(SeedConnection))).ExpectAsync(System.Net.HttpStatusCode.Created);
        return guarded.Value;
    }

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        // Built before any WebApplicationFactory, so that the factory's host interception sees only the Server.
        await Sink.StartAsync();
        App = new SchedulerApp(Azurite.NewOptions());
        using var warmup = App.Anonymous();
        await warmup.GetAsync("/api/health");
    }

    public async Task DisposeAsync()
    {
        if (guarded.IsValueCreated)
        {
            await guarded.Value.DisposeAsync();
        }

        await App.DisposeAsync();
        await Sink.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

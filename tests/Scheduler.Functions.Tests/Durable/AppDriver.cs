using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Functions.Http;
using Scheduler.Functions.Triggers;
using Scheduler.Testing;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>Drives the app through its own functions, as a user and the Functions host would: jobs through the HTTP
/// functions, sweeps through the timer function, run state read back from storage and from Durable.</summary>
public sealed class AppDriver(FunctionsApp app)
{
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    public IRunStore Runs => app.Services.GetRequiredService<IRunStore>();

    /// <summary>An instant <paramref name="seconds"/> from now, to the millisecond (as a job's "at" carries it).</summary>
    public static DateTimeOffset In(double seconds)
    {
        var instant = DateTimeOffset.UtcNow.AddSeconds(seconds);
        return instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMillisecond));
    }

    /// <summary>A once-job through the CreateJob function; returns the id of the run it will make.</summary>
    public async Task<string> CreateOnceJobAsync(string id, string url, DateTimeOffset dueUtc, string extra = "")
    {
        Assert.Equal(0, dueUtc.Ticks % TimeSpan.TicksPerMillisecond);
        var at = dueUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var json = $$"""{ "id": "{{id}}", "target": { "type": "http", "url": "{{url}}" }, "schedule": { "kind": "Once", "at": "{{at}}" }{{extra}} }""";
        var request = HttpCall.Request(app, "POST", json);
        var (status, body) = await HttpCall.ExecuteAsync(request, app.Function<JobFunctions>().Create(request, CancellationToken.None));
        Assert.True(status == 201, $"CreateJob answered {status}: {body}");
        return RunIds.For(id, dueUtc);
    }

    /// <summary>Runs the job now through the TriggerJob function, with a body and an Idempotency-Key when given.</summary>
    public async Task<(int Status, System.Text.Json.JsonElement? Body)> TriggerAsync(string jobId, string? json, string? idempotencyKey = null)
    {
        var request = HttpCall.Request(app, "POST", json);
        if (idempotencyKey is not null)
        {
            request.Headers["Idempotency-Key"] = idempotencyKey;
        }

        return await HttpCall.ExecuteAsync(request, app.Function<JobFunctions>().Trigger(request, jobId, CancellationToken.None));
    }

    public async Task PutConfigAsync(string json)
    {
        var request = HttpCall.Request(app, "PUT", json);
        var (status, body) = await HttpCall.ExecuteAsync(request, app.Function<OperationsFunctions>().PutConfig(request, CancellationToken.None));
        Assert.True(status == 200, $"PutConfig answered {status}: {body}");
    }

    public async Task<int> CancelAsync(string jobId, string runId)
    {
        var request = HttpCall.Request(app, "POST");
        var (status, _) = await HttpCall.ExecuteAsync(request, app.Function<RunFunctions>().Cancel(request, jobId, runId, app.Client, CancellationToken.None));
        return status;
    }

    public Task SweepAsync() => app.Function<SweepTimer>().Run(new TimerInfo(), app.Context(nameof(SweepTimer)));

    /// <summary>Sweeps (as the timer would, every second) until the run reaches a terminal status.</summary>
    public async Task<Run> FinishedAsync(string jobId, string runId, TimeSpan? timeout = null) =>
        (await Eventually.GetAsync(async () =>
        {
            var run = await Runs.GetAsync(jobId, runId, CancellationToken.None);
            if (run is null || !run.Status.IsTerminal())
            {
                await SweepAsync();
            }

            return run;
        }, r => r is not null && r.Status.IsTerminal(), timeout ?? RunTimeout, TimeSpan.FromSeconds(1)))!;

    public async Task<OrchestrationMetadata> InstanceSettledAsync(string runId) =>
        (await Eventually.GetAsync(() => app.Client.GetInstanceAsync(runId, getInputsAndOutputs: true),
            i => i is not null && i.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending),
            RunTimeout, TimeSpan.FromMilliseconds(200)))!;
}

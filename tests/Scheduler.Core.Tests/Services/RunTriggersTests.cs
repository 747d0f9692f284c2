using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Services;

public sealed class RunTriggersTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T = EngineHarness.Start;

    private static JobDefinition WithParameters(string id) =>
        TestJobs.Http(id, TestJobs.Every(TimeSpan.FromHours(1), T.AddHours(1))) with
        {
            Parameters = [new JobParameter { Name = "file", Default = "all.csv" }, new JobParameter { Name = "mode" }],
        };

    private static Dictionary<string, string> Values(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    [Fact]
    public async Task Trigger_WithPayload_IsExternalAndFreezesTheValuesWithTheDefaults()
    {
        var h = new EngineHarness();
        await h.CreateAsync(WithParameters("job"));

        var triggered = await h.Triggers.TriggerAsync("job", new TriggerRequest(Values(("mode", "full"))), None);

        var run = h.Runs.Get(triggered.Value!);
        Assert.Equal((ServiceStatus.Created, RunTrigger.External), (triggered.Status, run.Trigger));
        Assert.Equal(Values(("file", "all.csv"), ("mode", "full")), run.Inputs.Parameters);
    }

    [Fact]
    public async Task Trigger_SameKeySameValues_AnswersTheSameRunAndStartsNoOther()
    {
        var h = new EngineHarness();
        await h.CreateAsync(WithParameters("job"));
        var request = new TriggerRequest(Values(("file", "a.csv")), "key-1");

        var first = await h.Triggers.TriggerAsync("job", request, None);
        var again = await h.Triggers.TriggerAsync("job", request, None);

        Assert.Equal((ServiceStatus.Created, ServiceStatus.Ok), (first.Status, again.Status));
        Assert.Equal(first.Value, again.Value);
        Assert.Single(h.Runs.All, r => r.JobId == "job");
    }

    [Fact]
    public async Task Trigger_SameKeyOtherValues_IsAConflictAndWritesNothing()
    {
        var h = new EngineHarness();
        await h.CreateAsync(WithParameters("job"));
        var first = await h.Triggers.TriggerAsync("job", new TriggerRequest(Values(("file", "a.csv")), "key-1"), None);
        var rows = h.Due.Entries.Count;

        var other = await h.Triggers.TriggerAsync("job", new TriggerRequest(Values(("file", "b.csv")), "key-1"), None);

        Assert.Equal(ServiceStatus.Conflict, other.Status);
        Assert.Contains(first.Value!, other.Detail, StringComparison.Ordinal);
        Assert.Equal(rows, h.Due.Entries.Count);
        Assert.Single(h.Runs.All, r => r.JobId == "job");
    }

    [Fact]
    public async Task Trigger_KeyClaimedButRunNeverWritten_RepeatStartsThatRunOnce()
    {
        var h = new EngineHarness();
        await h.CreateAsync(WithParameters("job"));
        // A first call that died after claiming its key: the key names a run that was never written.
        var lost = RunIds.For("job", T.AddSeconds(-5));
        await h.Idempotency.ClaimAsync(TriggerClaim.KeyOf("job", "key-1"), TriggerClaim.For(lost, Values(("file", "a.csv"))).ToString(), None);

        var repeat = await h.Triggers.TriggerAsync("job", new TriggerRequest(Values(("file", "a.csv")), "key-1"), None);
        var twice = await h.Triggers.TriggerAsync("job", new TriggerRequest(Values(("file", "a.csv")), "key-1"), None);

        Assert.Equal((ServiceStatus.Ok, lost, lost), (repeat.Status, repeat.Value, twice.Value));
        Assert.Equal("a.csv", h.Runs.Get(lost).Inputs.Parameters["file"]);
        Assert.Single(h.Runs.All, r => r.JobId == "job");
    }

    [Fact]
    public async Task Trigger_TwoPayloadsInOneInstant_BecomeTwoRunsEachWithItsOwnValues()
    {
        var h = new EngineHarness();
        await h.CreateAsync(WithParameters("job"));

        var a = await h.Triggers.TriggerAsync("job", new TriggerRequest(Values(("file", "a.csv"))), None);
        var b = await h.Triggers.TriggerAsync("job", new TriggerRequest(Values(("file", "b.csv"))), None);

        Assert.NotEqual(a.Value, b.Value);
        Assert.Equal(("a.csv", "b.csv"), (h.Runs.Get(a.Value!).Inputs.Parameters["file"], h.Runs.Get(b.Value!).Inputs.Parameters["file"]));
    }

    [Fact]
    public async Task Trigger_UndeclaredParameter_IsInvalidAndWritesNothing()
    {
        var h = new EngineHarness();
        await h.CreateAsync(WithParameters("job"));
        var rows = h.Due.Entries.Count;

        var triggered = await h.Triggers.TriggerAsync("job", new TriggerRequest(Values(("nope", "1")), "key-1"), None);

        Assert.Equal(ServiceStatus.Invalid, triggered.Status);
        Assert.Equal("parameters.nope", Assert.Single(triggered.Errors!.All).Field);
        Assert.Equal(rows, h.Due.Entries.Count);
        Assert.Null(await h.Idempotency.ClaimAsync(TriggerClaim.KeyOf("job", "key-1"), "probe", None));
    }

    [Fact]
    public async Task Trigger_WithoutPayloadOrKey_IsManual()
    {
        var h = new EngineHarness();
        await h.CreateAsync(WithParameters("job"));

        var triggered = await h.Triggers.TriggerAsync("job", TriggerRequest.Manual, None);

        Assert.Equal(RunTrigger.Manual, h.Runs.Get(triggered.Value!).Trigger);
    }

    [Fact]
    public async Task ScheduledRun_OfAJobWithParameters_IsFrozenWithTheDefaults()
    {
        var h = new EngineHarness();

        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Parameters = [new JobParameter { Name = "file", Default = "all.csv" }] });

        Assert.Equal(Values(("file", "all.csv")), h.Runs.Get(runId).Inputs.Parameters);
    }
}

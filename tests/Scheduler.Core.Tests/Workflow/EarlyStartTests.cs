using Scheduler.Core.Runs;
using Scheduler.Core.Tests.Support;
using Scheduler.Core.Workflow;

namespace Scheduler.Core.Tests.Workflow;

/// <summary>A run woken before its due time (a queue message's whole-second delay, a Durable timer that fired early)
/// never starts early, and its lateness is measured with its sign.</summary>
public sealed class EarlyStartTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AttemptStep_BeforeTheDueTime_IsNotDueAndTouchesNothing()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(3))));
        var before = h.Runs.Get(runId);

        var step = await h.AttemptStep.ExecuteAsync(new AttemptRequest("job", runId, 1), None);

        Assert.Equal(AttemptOutcome.NotDue(T.AddSeconds(3)), step);
        Assert.Equal(0, h.Executor.CallCount);
        Assert.Equal((before.Status, before.StartedUtc, before.ETag), (h.Runs.Get(runId).Status, h.Runs.Get(runId).StartedUtc, h.Runs.Get(runId).ETag));
    }

    [Fact]
    public async Task Process_MessageArrivingEarly_StartsAtTheDueTimeNotBefore()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(3))));

        var early = await h.ProcessAsync(runId);
        h.Time.SetUtcNow(early.ResumeAtUtc!.Value);
        var onTime = await h.ProcessAsync(runId);

        Assert.Equal(T.AddSeconds(3), early.ResumeAtUtc);
        Assert.Equal(RunStatus.Succeeded, onTime.Outcome?.Status);
        var run = h.Runs.Get(runId);
        Assert.Equal(T.AddSeconds(3), run.StartedUtc);
        Assert.Equal(0, run.LatenessMs);
    }

    [Fact]
    public async Task AttemptStep_AskedNotBeforeTheDueTime_WaitsInProcessUntilTheClockReachesIt_ThenRunsOnTime()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(3))));

        var step = h.AttemptStep.ExecuteAsync(new AttemptRequest("job", runId, 1, NotBeforeUtc: T.AddSeconds(3)), None);
        h.Time.Advance(TimeSpan.FromSeconds(2.999));
        var calledEarly = h.Executor.CallCount;
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        var outcome = await step;

        Assert.Equal(0, calledEarly);
        Assert.Equal(AttemptOutcomeKind.Ended, outcome.Kind);
        Assert.Equal(1, h.Executor.CallCount);
        Assert.Equal((T.AddSeconds(3), 0), (h.Runs.Get(runId).StartedUtc, h.Runs.Get(runId).LatenessMs));
    }

    [Fact]
    public async Task AttemptStep_StartedLate_RecordsPositiveLateness()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(3))));
        h.Time.SetUtcNow(T.AddSeconds(3.25));

        await h.AttemptStep.ExecuteAsync(new AttemptRequest("job", runId, 1), None);

        Assert.Equal(250, h.Runs.Get(runId).LatenessMs);
    }
}

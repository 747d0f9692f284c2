using System.Collections.Concurrent;
using System.Diagnostics;
using Scheduler.Core.Telemetry;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Telemetry;

/// <summary>A sweep opens a span only when it has rows to dispatch: an idle sweep every tick would otherwise be a telemetry
/// item per tick that says nothing.</summary>
public sealed class SweepSpanTests : IDisposable
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private readonly ActivitySource testSource = new("SweepSpanTests");
    private readonly ConcurrentQueue<Activity> ended = new();
    private readonly ActivityListener listener;

    public SweepSpanTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SchedulerTelemetry.Name or "SweepSpanTests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = ended.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    [Fact]
    public async Task Sweep_NothingToDispatch_OpensNoSpan()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("later", TestJobs.Once(T.AddSeconds(30))));

        var spans = await SweepSpansAsync(h);

        Assert.Empty(spans);
    }

    [Fact]
    public async Task Sweep_RowToDispatch_OpensSweepSpanFromTheSweepsStart()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("now", TestJobs.Once(T)));

        var spans = await SweepSpansAsync(h);

        var sweep = Assert.Single(spans);
        Assert.Equal(1, sweep.GetTagItem("scheduler.dispatched"));
        Assert.Equal(T.UtcDateTime, sweep.StartTimeUtc);
    }

    /// <summary>The sweep spans of one sweep run under a span of this test's own, so that tests sweeping meanwhile do not count.</summary>
    private async Task<List<Activity>> SweepSpansAsync(EngineHarness h)
    {
        ActivityTraceId trace;
        using (var test = testSource.StartActivity("test")!)
        {
            trace = test.TraceId;
            await h.SweepAsync();
        }

        return ended.Where(a => a.TraceId == trace && a.OperationName == SchedulerTelemetry.SweepSpan).ToList();
    }

    public void Dispose()
    {
        listener.Dispose();
        testSource.Dispose();
    }
}

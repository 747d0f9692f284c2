using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Engine.Tests.Support;
using Scheduler.Testing;
using Xunit.Abstractions;

namespace Scheduler.Engine.Tests.Dependencies;

/// <summary>"B after A" through real Server processes, real storage and a real HTTP sink: one child run per matching parent run,
/// whatever retries or kill -9 come between, with one Server or two.</summary>
[Collection("engine")]
public sealed class ParentRunEndToEndTests(EngineFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ParentFailsTwiceThenSucceeds_ChildRunsOnce_WithTheParentRunAndItsResult()
    {
        await using var sink = new ScriptedSink();
        await sink.StartAsync();

        var (parent, child) = await RunPairOnOneServerAsync(sink, "flaky/2/extract", "load", NotifyOn.Succeeded);

        Assert.Equal((RunStatus.Succeeded, 3), (parent.Status, parent.AttemptCount));
        Assert.Equal((RunStatus.Succeeded, RunTrigger.Parent), (child.Status, child.Trigger));
        Assert.Equal(new RunParent("extract", parent.RunId, RunStatus.Succeeded, "ok"), child.Inputs.Parent);
        Assert.Single(sink.For("ok/load"));
    }

    [Fact]
    public async Task ParentOnFailed_ChildRunsOnlyAfterTheParentsLastRetryFailed()
    {
        await using var sink = new ScriptedSink();
        await sink.StartAsync();

        var (parent, child) = await RunPairOnOneServerAsync(sink, "fail/extract", "cleanup", NotifyOn.Failed);

        Assert.Equal((RunStatus.Failed, 3), (parent.Status, parent.AttemptCount));
        Assert.Equal((parent.RunId, RunStatus.Failed), (child.Inputs.Parent!.RunId, child.Inputs.Parent.Status));
        // The child's first request came after the parent's last attempt.
        Assert.True(Assert.Single(sink.For("ok/cleanup")).ReceivedUtc >= sink.For("fail/extract").Max(h => h.ReceivedUtc));
    }

    /// <summary>One Server: "extract" (its target at <paramref name="parentPath"/>, due in 4 s) and <paramref name="child"/> after it
    /// on <paramref name="on"/>; answers the parent's run and the one child run, once the parent's follow-ups are all done.</summary>
    private async Task<(Run Parent, Run Child)> RunPairOnOneServerAsync(ScriptedSink sink, string parentPath, string child, NotifyOn on)
    {
        var storage = fixture.Azurite.NewOptions();
        await using var server = await ServerProcess.StartAsync(storage);
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        await using var reader = await new SchedulerApp(storage, background: false).StartedAsync();
        using (var api = server.Client())
        {
            await ParentJobs.CreateAsync(api, Jobs.Webhook("extract", sink.Url(parentPath), DateTimeOffset.UtcNow.AddSeconds(4)));
            await ParentJobs.CreateAsync(api, ParentJobs.Child(child, sink.Url($"ok/{child}"), "extract", on));
        }

        var (parent, children) = await ParentJobs.SettledAsync(reader.Get<IRunStore>(), "extract", child, Within);
        return (parent, Assert.Single(children));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(250)]
    public async Task KillNine_RightAfterTheParentsRunEnds_ChildStartsExactlyOnceAfterRestart(int killAfterMs)
    {
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var storage = fixture.Azurite.NewOptions();
        await using var reader = await new SchedulerApp(storage, background: false).StartedAsync();
        var runs = reader.Get<IRunStore>();
        await using (var doomed = await ServerProcess.StartAsync(storage, Quick))
        {
            await doomed.WaitHealthyAsync(TimeSpan.FromMinutes(1));
            await CreatePairAsync(doomed, sink, "ok/extract");
            await ParentEndedAsync(runs);
            await Task.Delay(killAfterMs);
            await doomed.SignalAsync("KILL");
        }

        var pendingAtKill = (await runs.ListByJobAsync("extract", 1, null, CancellationToken.None)).Items.Single().FollowUpsPending;
        await using var survivor = await ServerProcess.StartAsync(storage, Quick);
        Run parent;
        IReadOnlyList<Run> children;
        try
        {
            (parent, children) = await ParentJobs.SettledAsync(runs, "extract", "load", Within);
        }
        catch (TimeoutException)
        {
            output.WriteLine(survivor.Output);
            throw;
        }

        output.WriteLine($"killed {killAfterMs} ms after the parent's run ended; follow-ups pending then: {pendingAtKill}; requests to the child: {sink.For("ok/load").Count}");
        Assert.Equal(parent.RunId, Assert.Single(children).Inputs.Parent!.RunId);
        Assert.False(survivor.HasExited);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public async Task KillNine_OfOneOfTwoServers_RightAfterTheParentsRunEnds_TheOtherStartsTheChildExactlyOnce(int killAfterMs)
    {
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var storage = fixture.Azurite.NewOptions();
        await using var reader = await new SchedulerApp(storage, background: false).StartedAsync();
        var runs = reader.Get<IRunStore>();
        await using var survivor = await ServerProcess.StartAsync(storage, Quick);
        await using (var doomed = await ServerProcess.StartAsync(storage, Quick))
        {
            await doomed.WaitHealthyAsync(TimeSpan.FromMinutes(1));
            await survivor.WaitHealthyAsync(TimeSpan.FromMinutes(1));
            await CreatePairAsync(doomed, sink, "hold/extract");
            // Whichever Server runs the parent, both take part: the doomed one dies right after the run ends.
            await Eventually.GetAsync(() => Task.FromResult(sink.For("hold/extract").Count), n => n == 1, Within, TimeSpan.FromMilliseconds(50));
            sink.Release();
            await ParentEndedAsync(runs);
            await Task.Delay(killAfterMs);
            await doomed.SignalAsync("KILL");
        }

        var (parent, children) = await ParentJobs.SettledAsync(runs, "extract", "load", Within);

        Assert.Equal(parent.RunId, Assert.Single(children).Inputs.Parent!.RunId);
        Assert.False(survivor.HasExited);
    }

    /// <summary>A short in-flight grace: an attempt cut off by the kill is taken up again within seconds.</summary>
    private static readonly Dictionary<string, string?> Quick = new() { ["Scheduler:Runs:InFlightGrace"] = "00:00:02" };

    private static async Task CreatePairAsync(ServerProcess server, ScriptedSink sink, string parentPath)
    {
        using var api = server.Client();
        await ParentJobs.CreateAsync(api, Jobs.Webhook("extract", sink.Url(parentPath), DateTimeOffset.UtcNow.AddSeconds(4)));
        await ParentJobs.CreateAsync(api, ParentJobs.Child("load", sink.Url("ok/load"), "extract", NotifyOn.Succeeded));
    }

    private static Task<Run?> ParentEndedAsync(IRunStore runs) => Eventually.GetAsync(
        async () => (await runs.ListByJobAsync("extract", 1, null, CancellationToken.None)).Items.SingleOrDefault(),
        r => r is not null && r.Status.IsTerminal(),
        Within,
        TimeSpan.FromMilliseconds(10),
        "the parent's run ended");
}

using System.Diagnostics;
using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Ports;
using Scheduler.Core.Services;
using Scheduler.Core.Targets;
using Scheduler.Engine.Tests.Support;
using Scheduler.Testing;

namespace Scheduler.Engine.Tests;

/// <summary>Cancel stops a running attempt within about a second, even when the cancel reaches another instance than
/// the one running the attempt: the HTTP request is aborted, the command's process tree killed.</summary>
[Collection("engine")]
public sealed class CancelTests(EngineFixture fixture) : IDisposable
{
    private static readonly TimeSpan AboutASecond = TimeSpan.FromSeconds(4); // one poll interval, plus room for a loaded machine
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("scheduler-cancel-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public async Task Cancel_OnAnotherInstanceWhileWebhookRuns_AbortsTheRequestAndEndsCanceled()
    {
        var path = "slow/600000/cancel-http";
        var job = Jobs.Webhook("cancel-http", fixture.Sink.Url(path), DateTimeOffset.UtcNow, timeout: TimeSpan.FromMinutes(5));

        var (run, elapsed) = await RunThenCancelElsewhereAsync(job, () => fixture.Sink.For(path).Count == 1);

        Assert.Equal(RunStatus.Canceled, run.Status);
        Assert.True(elapsed < AboutASecond, $"the attempt ended {elapsed.TotalSeconds:0.0} s after the cancel");
        Assert.Equal(0, fixture.Sink.InFlight);
    }

    [Fact]
    public async Task Cancel_OnAnotherInstanceWhileCommandRuns_KillsItsProcessTreeAndEndsCanceled()
    {
        var pidFile = Path.Combine(work.FullName, "grandchild.pid");
        var job = Jobs.Webhook("cancel-command", fixture.Sink.Url("ok/unused"), DateTimeOffset.UtcNow, timeout: TimeSpan.FromMinutes(5)) with
        {
            Target = new CommandTargetSpec { Program = "/bin/sh", Args = ["-c", $"sleep 600 & echo $! > {pidFile}; wait"] },
        };

        var (run, elapsed) = await RunThenCancelElsewhereAsync(job, () => File.Exists(pidFile) && new FileInfo(pidFile).Length > 0);

        Assert.Equal(RunStatus.Canceled, run.Status);
        Assert.True(elapsed < AboutASecond, $"the attempt ended {elapsed.TotalSeconds:0.0} s after the cancel");
        var grandchild = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{grandchild}") && !File.ReadAllText($"/proc/{grandchild}/stat").Contains(") Z ", StringComparison.Ordinal),
            $"process {grandchild} (sleep 600) is still running");
    }

    /// <summary>Creates the job on an instance that runs attempts, waits until its attempt is under way, cancels it through
    /// a second instance (no loops of its own), and returns the finished run and how long after the cancel it ended.</summary>
    private async Task<(Run Run, TimeSpan Elapsed)> RunThenCancelElsewhereAsync(JobDefinition job, Func<bool> attemptStarted)
    {
        var storage = fixture.Azurite.NewOptions();
        var settings = new Dictionary<string, string?> { ["Scheduler:Targets:Command:Enabled"] = "true" };
        await using var worker = await new SchedulerApp(storage, settings).StartedAsync();
        await using var other = await new SchedulerApp(storage, settings, background: false).StartedAsync();
        await worker.Get<JobService>().CreateAsync(job, CancellationToken.None);
        await Eventually.GetAsync(() => Task.FromResult(attemptStarted()), started => started, TimeSpan.FromSeconds(30));
        var running = (await worker.Get<IRunStore>().ListByJobAsync(job.Id, 1, null, CancellationToken.None)).Items.Single();
        Assert.Equal(RunStatus.Running, running.Status);

        var clock = Stopwatch.StartNew();
        var canceled = await other.Get<RunCanceller>().CancelAsync(job.Id, running.RunId, CancellationToken.None);
        Assert.Equal(ServiceStatus.Ok, canceled.Status);
        var run = await Jobs.FinishedRunAsync(worker.Get<IRunStore>(), job.Id, TimeSpan.FromSeconds(60));
        var elapsed = clock.Elapsed;

        var attempt = Assert.Single(await worker.Get<IRunStore>().ListAttemptsAsync(job.Id, run.RunId, CancellationToken.None));
        Assert.Equal(AttemptStatus.Canceled, attempt.Result.Status);
        Assert.StartsWith("Canceled on request after", attempt.Result.Error, StringComparison.Ordinal);
        return (run, elapsed);
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Scheduler.Core.Alerts;
using Scheduler.Core.Config;
using Scheduler.Core.Dependencies;
using Scheduler.Core.Dispatch;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Jobs;
using Scheduler.Core.Retention;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Core.Stats;
using Scheduler.Core.Targets;
using Scheduler.Core.Telemetry;
using Scheduler.Core.Tests.Fakes;
using Scheduler.Core.Validation;
using Scheduler.Core.Workflow;
using Scheduler.InProcess;

namespace Scheduler.Core.Tests.Support;

/// <summary>The real Core engine (sweep, dispatch, run workflow, services) wired over the in-memory fakes and a fake clock, its runs
/// run by the Server's in-process runtime (<see cref="InProcessWorkflow"/>).
/// By default every wait suspends the run (InlineDelayMax = 0), as the Server does for long waits.</summary>
public sealed class EngineHarness
{
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 10, 0, 0, TimeSpan.Zero);

    public EngineHarness(Action<SweepOptions>? sweep = null, Action<RunOptions>? run = null)
    {
        sweep?.Invoke(SweepOptions);
        run?.Invoke(RunOptions);
        Runs = new InMemoryRunStore(Jobs);
        JobCache = new JobCache(Jobs);
        Due = new InMemoryDueIndex(Time);
        Idempotency = new InMemoryIdempotencyStore(Time);
        RunRetention = new RunRetention(Runs, Jobs);
        Executor = new FakeExecutor(Time);
        Counters = new RunCounters(CounterStore, Time);
        Events = new RunEvents(NullLogger<RunEvents>.Instance, Counters);
        Links = new ParentLinks(Jobs, JobCache);
        ChildRuns = new ChildRunHandler(Jobs, Due, Signal, Time);
        AlertDelivery = new AlertDelivery(AlertStore, Runs, AlertSender, AlertOptions, FollowUpOptions, Time, NullLogger<AlertDelivery>.Instance);
        FollowUps = new FollowUpRunner(Runs, [Notifier, new AlertFollowUpHandler(AlertStore, AlertDelivery, AlertOptions, Time), ChildRuns], Time, FollowUpOptions, NullLogger<FollowUpRunner>.Instance);
        NoSuccessCheck = new NoSuccessCheck(AlertStore, Jobs, AlertDelivery, AlertOptions, Time);
        Allocator = new SlotAllocator(Slots, Runs, Sender, FollowUps, Time, SweepOptions, NullLogger<SlotAllocator>.Instance);
        RunSlots = new RunSlots(Slots, Config, Allocator, FollowUps, Time, RunOptions, SweepOptions);
        Advancer = new JobAdvancer(Jobs, Due);
        Skipped = new SkippedRuns(Runs, Events, NullLogger<SkippedRuns>.Instance);
        Dispatcher = new OccurrenceDispatcher(JobCache, Runs, new RunStarter(Runs, Sender, Launcher, RunSlots, Events, SweepOptions, Time), Advancer, Skipped, SweepOptions);
        Sweeper = new Sweeper(Config, Due, Allocator, Dispatcher, Time, SweepOptions, NullLogger<Sweeper>.Instance);
        Targets = new FakeTargetExecutorRegistry(Executor, new FakeExecutor(Time, TargetKinds.Queue));
        Validator = new JobValidator(Targets, []);
        JobService = new JobService(Jobs, JobCache, Due, Validator, Signal, Time, SweepOptions, Idempotency, RunRetention, new ParentChecks(Jobs), Links);
        Triggers = new RunTriggers(Jobs, Runs, Due, new ManualDispatch(Config, Due, Allocator, Dispatcher, Time, NullLogger<ManualDispatch>.Instance), Signal, Idempotency, new TriggerInstants(Time), Time);
        TargetCall = new TargetCall(Runs, Targets, Time, RunOptions, NullLogger<TargetCall>.Instance);
        Settler = new RunSettler(Runs, Runs, FollowUps, RunSlots, Events, AlertOptions, Time);
        AttemptStep = new AttemptStep(Runs, RunSlots, TargetCall, Settler, FollowUps, Events, Time, RunOptions, NullLogger<AttemptStep>.Instance);
        Workflow = new InProcessWorkflow(AttemptStep, RunSlots, Runs, Sender, Time, RunOptions);
        Canceller = new RunCanceller(Runs, Settler);
        Retention = new RetentionPass(RunRetention, CounterStore, Idempotency, AuditLog, RetentionOptions, Time, NullLogger<RetentionPass>.Instance);
    }

    public WatchedClock Time { get; } = new(Start);
    public InMemoryAuditLog AuditLog { get; } = new();
    public SweepOptions SweepOptions { get; } = new();
    // The cancel poll differs from every other wait (SlotWait is 1 s), so that a test waiting for a timer of a given length gets the one it means.
    public RunOptions RunOptions { get; } = new() { InlineDelayMax = TimeSpan.Zero, CancelPollInterval = TimeSpan.FromMilliseconds(1100) };

    public FollowUpOptions FollowUpOptions { get; } = new();
    public RecordingFollowUpHandler Notifier { get; } = new();
    public FollowUpRunner FollowUps { get; }
    public AlertOptions AlertOptions { get; } = new();
    public InMemoryAlertStore AlertStore { get; } = new();
    public RecordingAlertSender AlertSender { get; } = new();
    public AlertDelivery AlertDelivery { get; }
    public NoSuccessCheck NoSuccessCheck { get; }
    public ParentLinks Links { get; }
    public ChildRunHandler ChildRuns { get; }

    public InMemoryJobStore Jobs { get; } = new();
    public InMemoryIdempotencyStore Idempotency { get; }
    public InMemoryDueIndex Due { get; }
    public InMemoryRunStore Runs { get; }
    public InMemorySlotStore Slots { get; } = new();
    public InMemoryConfigStore Config { get; } = new();
    public RecordingRunSender Sender { get; } = new();
    public RecordingSweepSignal Signal { get; } = new();
    /// <summary>Sends every run through the queue unless a test swaps in one that launches in process.</summary>
    public SwitchableLauncher Launcher { get; } = new();
    public FakeExecutor Executor { get; }

    public InMemoryRunCounterStore CounterStore { get; } = new();
    public RunCounters Counters { get; }
    public RunEvents Events { get; }
    public SlotAllocator Allocator { get; }
    public JobAdvancer Advancer { get; }
    public JobCache JobCache { get; }
    public SkippedRuns Skipped { get; }
    public OccurrenceDispatcher Dispatcher { get; }
    public Sweeper Sweeper { get; }
    public JobValidator Validator { get; }
    public JobService JobService { get; }
    public RunTriggers Triggers { get; }
    public FakeTargetExecutorRegistry Targets { get; }
    public TargetCall TargetCall { get; }
    public RunSettler Settler { get; }
    public RunSlots RunSlots { get; }
    public AttemptStep AttemptStep { get; }
    public InProcessWorkflow Workflow { get; }
    public RunCanceller Canceller { get; }
    public RetentionOptions RetentionOptions { get; } = new();
    public RunRetention RunRetention { get; }
    public RetentionPass Retention { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Makes every storage call yield first, so concurrent callers interleave between calls.</summary>
    public void Interleave()
    {
        Jobs.Interleave = Due.Interleave = Runs.Interleave = Slots.Interleave = Config.Interleave = true;
    }

    public async Task<Job> CreateAsync(JobDefinition definition)
    {
        var created = await JobService.CreateAsync(definition, CancellationToken.None);
        Assert.True(created.Status == ServiceStatus.Created, $"Creating {definition.Id}: {created.Status} {created.Detail} {string.Join("; ", created.Errors?.All.Select(e => e.Field + ": " + e.Message) ?? [])}");
        return created.Value!;
    }

    public async Task<Job> JobAsync(string jobId) =>
        await Jobs.GetAsync(jobId, CancellationToken.None) ?? throw new InvalidOperationException($"No job {jobId}.");

    public Task<SweepReport> SweepAsync() => Sweeper.SweepAsync(CancellationToken.None);

    public async Task SetConfigAsync(SchedulerConfig config)
    {
        var current = await Config.GetAsync(CancellationToken.None);
        var written = await Config.PutAsync(config with { ETag = current.ETag }, CancellationToken.None);
        Assert.True(written.Done);
    }

    public Task<RunProgress> ProcessAsync(string runId) =>
        Workflow.RunQueuedAsync(new RunMessage(RunIds.JobIdOf(runId), runId), CancellationToken.None);

    /// <summary>Processes every run still Queued (each message once), oldest first.</summary>
    public async Task<IReadOnlyList<RunProgress>> ProcessQueuedAsync()
    {
        var results = new List<RunProgress>();
        foreach (var run in Runs.All.Where(r => r.Status == RunStatus.Queued))
        {
            results.Add(await ProcessAsync(run.RunId));
        }

        return results;
    }

    /// <summary>Creates the job, sweeps, and returns the id of the run dispatched for it.</summary>
    public async Task<string> DispatchAsync(JobDefinition definition)
    {
        await CreateAsync(definition);
        await SweepAsync();
        return Assert.Single(Sender.Sent, s => s.Message.JobId == definition.Id).Message.RunId;
    }

    /// <summary>Leaves the run as a worker that marked the attempt Running and then died leaves it.</summary>
    public async Task MarkInFlightAsync(string runId, int attempt, DateTimeOffset since)
    {
        var run = Runs.Get(runId);
        var slot = run.Slot ?? new SlotHold(run.Lane, 0, Slots.Seed(run.Lane, 0, runId, since.AddMinutes(10)).ETag);
        var written = await Runs.ReplaceAsync(run with
        {
            Status = RunStatus.Running,
            InFlightAttempt = attempt,
            InFlightSinceUtc = since,
            StartedUtc = run.StartedUtc ?? since,
            Slot = slot,
        }, CancellationToken.None);
        Assert.True(written.Done);
    }

    /// <summary>Once the code under test waits on a timer of exactly <paramref name="delay"/>, moves the clock by it.</summary>
    public async Task AdvanceWhenWaitingAsync(TimeSpan delay, Task processing)
    {
        Assert.NotSame(processing, await Task.WhenAny(Time.TimerStarted(delay), processing));
        Time.Advance(delay);
    }

    public static string RunIdOf(string jobId, DateTimeOffset dueUtc) => RunIds.For(jobId, dueUtc);
}

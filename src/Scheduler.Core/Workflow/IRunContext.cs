namespace Scheduler.Core.Workflow;

/// <summary>The port the run workflow is written against: a Durable orchestration context in Azure, storage plus the queue on the Server.</summary>
/// <remarks>Implementations make every call replay-safe: the same history yields the same answers.</remarks>
public interface IRunContext
{
    /// <summary>The workflow's notion of now (replay-safe).</summary>
    DateTimeOffset UtcNow { get; }

    Task<RunPlan> Begin(RunRef run);

    Task<AttemptOutcome> ExecuteAttempt(AttemptRequest request);

    /// <summary>A durable wait: it survives restarts.</summary>
    Task Delay(TimeSpan delay);

    Task<RunOutcome> Finalize(FinalizeRequest request);
}

namespace Scheduler.Core.Workflow;

/// <summary>The port the run workflow is written against: a Durable orchestration context in Azure, storage plus the queue on the Server.</summary>
/// <remarks>Implementations make every call replay-safe: the same history yields the same answers.</remarks>
public interface IRunContext
{
    /// <summary>The workflow's notion of now (replay-safe).</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>Runs <see cref="AttemptStep"/> for the request (an activity in Azure).</summary>
    Task<AttemptOutcome> ExecuteAttempt(AttemptRequest request);

    /// <summary>A durable wait that ends no earlier than <paramref name="instant"/> by <see cref="UtcNow"/>: it survives restarts,
    /// and a timer that fires early (Durable timers on Azure Storage can) does not end it. Returns null when the wait is over; an
    /// instant when the host let the run go instead and resumes it then (the Server, for a wait too long to hold in process).</summary>
    Task<DateTimeOffset?> WaitUntil(DateTimeOffset instant);

    /// <summary>Restarts the workflow from <paramref name="restart"/> with an empty history, where the host keeps one; returns false
    /// where it does not (the caller then carries on in place).</summary>
    bool TryContinueAsNew(RunStart restart);
}

using Scheduler.Core.Workflow;

namespace Scheduler.Core.Tests.Workflow;

/// <summary>An <see cref="IRunContext"/> that behaves like a Durable orchestration replaying its history: it answers every
/// attempt from a scripted list (in order), its clock moves only when a timer fires, and it records every call the workflow makes.</summary>
/// <param name="keepsHistory">Whether it can continue as new, as a Durable orchestration can.</param>
public sealed class RecordingRunContext(DateTimeOffset startUtc, bool keepsHistory, params AttemptOutcome[] history) : IRunContext
{
    private readonly Queue<AttemptOutcome> outcomes = new(history);
    private readonly List<string> calls = [];

    public RecordingRunContext(DateTimeOffset startUtc, params AttemptOutcome[] history)
        : this(startUtc, keepsHistory: false, history)
    {
    }

    public IReadOnlyList<string> Calls => calls;

    public RunStart? ContinuedWith { get; private set; }

    public DateTimeOffset UtcNow { get; private set; } = startUtc;

    public Task<AttemptOutcome> ExecuteAttempt(AttemptRequest request)
    {
        calls.Add(ContextCalls.Attempt(request.Attempt));
        return Task.FromResult(outcomes.Count > 0
            ? outcomes.Dequeue()
            : throw new InvalidOperationException($"The history has no answer for attempt {request.Attempt}."));
    }

    public Task<DateTimeOffset?> WaitUntil(DateTimeOffset instant)
    {
        // As a Durable context: a wait for an instant already reached creates no timer.
        if (instant > UtcNow)
        {
            calls.Add(ContextCalls.Delay(instant - UtcNow));
            UtcNow = instant;
        }

        return Task.FromResult<DateTimeOffset?>(null);
    }

    public bool TryContinueAsNew(RunStart restart)
    {
        if (!keepsHistory)
        {
            return false;
        }

        calls.Add(ContextCalls.ContinuedAsNew);
        ContinuedWith = restart;
        return true;
    }
}

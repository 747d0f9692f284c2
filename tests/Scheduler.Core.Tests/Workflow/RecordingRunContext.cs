using Scheduler.Core.Workflow;

namespace Scheduler.Core.Tests.Workflow;

/// <summary>An <see cref="IRunContext"/> that behaves like a Durable orchestration replaying its history: it answers every
/// attempt from a scripted list (in order), its clock moves only when a timer fires, and it records every call the workflow makes.</summary>
public sealed class RecordingRunContext(RunPlan plan, DateTimeOffset startUtc, params AttemptOutcome[] history) : IRunContext
{
    private readonly Queue<AttemptOutcome> outcomes = new(history);
    private readonly List<string> calls = [];

    public IReadOnlyList<string> Calls => calls;

    public DateTimeOffset UtcNow { get; private set; } = startUtc;

    public Task<RunPlan> Begin(RunRef run)
    {
        calls.Add("Begin");
        return Task.FromResult(plan);
    }

    public Task<AttemptOutcome> ExecuteAttempt(AttemptRequest request)
    {
        calls.Add(ContextCalls.Attempt(request.Attempt));
        return Task.FromResult(outcomes.Count > 0
            ? outcomes.Dequeue()
            : throw new InvalidOperationException($"The history has no answer for attempt {request.Attempt}."));
    }

    public Task Delay(TimeSpan delay)
    {
        calls.Add(ContextCalls.Delay(delay));
        UtcNow += delay;
        return Task.CompletedTask;
    }

    public Task<RunOutcome> Finalize(FinalizeRequest request)
    {
        calls.Add(ContextCalls.Finalized(request.Status, request.Attempts));
        return Task.FromResult(new RunOutcome(request.Status, request.Attempts));
    }
}

using Microsoft.DurableTask;
using Scheduler.Core.Workflow;

namespace Scheduler.Functions.Durable;

/// <summary>Adapts <see cref="IRunContext"/> to a Durable orchestration: activities for steps, durable timers for waits,
/// the replay-safe clock for now.</summary>
internal sealed class DurableRunContext(TaskOrchestrationContext context) : IRunContext
{
    public DateTimeOffset UtcNow => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public Task<RunPlan> Begin(RunRef run) =>
        context.CallActivityAsync<RunPlan>(nameof(RunActivities.BeginRun), run);

    public Task<AttemptOutcome> ExecuteAttempt(AttemptRequest request) =>
        context.CallActivityAsync<AttemptOutcome>(nameof(RunActivities.ExecuteAttempt), request);

    public Task Delay(TimeSpan delay) =>
        context.CreateTimer(context.CurrentUtcDateTime + delay, CancellationToken.None);

    public Task<RunOutcome> Finalize(FinalizeRequest request) =>
        context.CallActivityAsync<RunOutcome>(nameof(RunActivities.FinalizeRun), request);
}

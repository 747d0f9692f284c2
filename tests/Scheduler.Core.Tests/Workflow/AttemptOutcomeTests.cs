using System.Text.Json;
using Scheduler.Core.Runs;
using Scheduler.Core.Tests.Support;
using Scheduler.Core.Workflow;

namespace Scheduler.Core.Tests.Workflow;

/// <summary>An attempt outcome is an activity's output: a Durable orchestration stores it as JSON in its history and reads it back on replay.</summary>
public sealed class AttemptOutcomeTests
{
    public static TheoryData<AttemptOutcome> EveryKind() =>
    [
        AttemptOutcome.Ended(RunStatus.Succeeded, 1),
        AttemptOutcome.Ended(RunStatus.Failed, 3, "HTTP 400"),
        AttemptOutcome.Retrying(TimeSpan.FromSeconds(2), "HTTP 503"),
        AttemptOutcome.NotDue(EngineHarness.Start),
        AttemptOutcome.Deferred(TimeSpan.FromSeconds(1)),
    ];

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Serialize_EveryKind_RoundTripsAsAnOrchestrationHistoryHoldsIt(AttemptOutcome outcome)
    {
        var json = JsonSerializer.Serialize(outcome);

        Assert.Equal(outcome, JsonSerializer.Deserialize<AttemptOutcome>(json));
    }

    [Fact]
    public void Kinds_ThatAnOrchestrationUnderWayCanHold_KeepTheirRecordedNumbers()
    {
        // Histories written before the kinds that end a run became Ended hold these numbers for the waiting kinds.
        Assert.Equal((2, 3, 4), ((int)AttemptOutcomeKind.Retrying, (int)AttemptOutcomeKind.NotDue, (int)AttemptOutcomeKind.Deferred));
    }
}

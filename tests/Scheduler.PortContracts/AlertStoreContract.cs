using Scheduler.Core.Alerts;
using Scheduler.Core.Ports;
using static Scheduler.PortContracts.ContractRows;

namespace Scheduler.PortContracts;

/// <summary>The contract of <see cref="IAlertStore"/>: a state is inserted once and replaced only with its ETag, together with its
/// records (a record overwrites the one in its slot); deliveries are recorded with the record's ETag; deadline rows are listed
/// once due, earliest first, and removed (with their ETag when given).</summary>
public abstract class AlertStoreContract : PortContract<IAlertStore>
{
    [Fact]
    public async Task DecideAsync_InsertThenReplaceWithETag_KeepsStateAndRecords_AndAStaleETagWritesNothing()
    {
        var store = await NewAsync();
        var state = AlertState.Empty("job") with { Streak = 2, Failing = true, LastSuccessUtc = T, RecentRunIds = ["r1", "r2"], Armed = [3], Fired = [4], Recorded = 1 };
        state = state with { LastSentUtc = new Dictionary<int, DateTimeOffset> { [1] = T } };

        var inserted = await store.DecideAsync(state, [Record("r2/alert/1", 0, T)], Ct);
        var again = await store.DecideAsync(state, [], Ct);
        var stored = await store.GetStateAsync("job", Ct);
        var replaced = await store.DecideAsync(stored! with { Streak = 0, Recorded = 2 }, [Record("r3/alert/1", 1, T.AddMinutes(1))], Ct);
        var stale = await store.DecideAsync(stored! with { Streak = 9 }, [Record("r4/alert/1", 0, T.AddMinutes(2))], Ct);

        Assert.Equal((WriteOutcome.Done, WriteOutcome.Conflict, WriteOutcome.Done, WriteOutcome.Stale), (inserted.Outcome, again.Outcome, replaced.Outcome, stale.Outcome));
        Assert.Equal((2, true, T, 1), (stored!.Streak, stored.Failing, stored.LastSuccessUtc, stored.Recorded));
        Assert.Equal(["r1", "r2"], stored.RecentRunIds);
        Assert.Equal([3], stored.Armed);
        Assert.Equal([4], stored.Fired);
        Assert.Equal(T, stored.LastSentUtc[1]);
        Assert.Equal(0, (await store.GetStateAsync("job", Ct))!.Streak);
        Assert.Equal(["r3/alert/1", "r2/alert/1"], (await store.ListAsync("job", Ct)).Select(r => r.Id));
        Assert.Null(await store.GetStateAsync("other", Ct));
        Assert.Empty(await store.ListAsync("other", Ct));
    }

    [Fact]
    public async Task DecideAsync_ARecordInAnOccupiedSlot_OverwritesIt()
    {
        var store = await NewAsync();
        await store.DecideAsync(AlertState.Empty("job"), [Record("r1/alert/1", 0, T)], Ct);
        var state = await store.GetStateAsync("job", Ct);

        await store.DecideAsync(state!, [Record("r2/alert/1", 0, T.AddMinutes(1))], Ct);

        var record = Assert.Single(await store.ListAsync("job", Ct));
        Assert.Equal(("r2/alert/1", "r2", T.AddMinutes(1), "Reason", "https://example.test/alert"), (record.Id, record.RunId, record.AtUtc, record.Reason, record.Url));
    }

    [Fact]
    public async Task RecordDeliveryAsync_WithTheRecordsETag_IsKept_AndWithAStaleOneRefused()
    {
        var store = await NewAsync();
        await store.DecideAsync(AlertState.Empty("job"), [Record("r1/alert/1", 0, T)], Ct);
        var read = Assert.Single(await store.ListAsync("job", Ct));

        var delivered = await store.RecordDeliveryAsync(read with { Tries = 1, DeliveredUtc = T.AddSeconds(1) }, Ct);
        var stale = await store.RecordDeliveryAsync(read with { Tries = 1, LastError = "late" }, Ct);

        Assert.Equal((WriteOutcome.Done, WriteOutcome.Stale), (delivered.Outcome, stale.Outcome));
        var record = Assert.Single(await store.ListAsync("job", Ct));
        Assert.Equal(("delivered", 1, (string?)null), (record.Delivery, record.Tries, record.LastError));
    }

    [Fact]
    public async Task ListDueAsync_ListsRowsDueByNow_EarliestFirst_AndRemoveAsyncDeletesThem()
    {
        var store = await NewAsync();
        await store.ArmAsync(new AlertDeadline("b", 1, T.AddMinutes(-1)), Ct);
        await store.ArmAsync(new AlertDeadline("a", 2, T.AddHours(-2)), Ct);
        await store.ArmAsync(new AlertDeadline("c", 1, T.AddSeconds(30)), Ct);

        var due = await store.ListDueAsync(T, 10, Ct);
        await store.RemoveAsync(due[0], Ct);
        await store.RemoveAsync(new AlertDeadline("missing", 1, T), Ct);

        Assert.Equal([("a", 2), ("b", 1)], due.Select(d => (d.JobId, d.Rule)));
        Assert.Equal([("b", 1)], (await store.ListDueAsync(T, 10, Ct)).Select(d => (d.JobId, d.Rule)));
        Assert.Equal(["b", "c"], (await store.ListDueAsync(T.AddMinutes(1), 10, Ct)).Select(d => d.JobId));
    }

    [Fact]
    public async Task RemoveAsync_WithAnETagOfARowArmedAgainSince_KeepsTheRow()
    {
        var store = await NewAsync();
        await store.ArmAsync(new AlertDeadline("job", 1, T.AddSeconds(-10)), Ct);
        var read = Assert.Single(await store.ListDueAsync(T, 10, Ct));
        await store.ArmAsync(new AlertDeadline("job", 1, T.AddSeconds(-10)), Ct);

        await store.RemoveAsync(read, Ct);

        Assert.Single(await store.ListDueAsync(T, 10, Ct));
    }

    private static AlertRecord Record(string id, long slot, DateTimeOffset at) => new()
    {
        JobId = "job", Id = id, Rule = 1, On = AlertOn.Failed, RunId = id.Split('/')[0], AtUtc = at, Sent = true, Reason = "Reason",
        Url = "https://example.test/alert", Slot = slot,
    };
}

using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Serialization;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

public sealed class TableRunStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset Due = Samples.Epoch;

    private TableRunStore Store => new(Clients);

    [Fact]
    public async Task InsertAsync_NewRun_RoundTripsEveryField()
    {
        var run = Samples.Run("job", Due) with
        {
            Status = RunStatus.Retrying,
            Trigger = RunTrigger.Manual,
            AttemptCount = 2,
            InFlightAttempt = 3,
            InFlightSinceUtc = Due.AddSeconds(5),
            StartedUtc = Due.AddMilliseconds(12),
            LatenessMs = 12.0,
            LastError = "HTTP 503",
            ResultExcerpt = "busy",
            CancelRequested = true,
            Slot = new SlotHold("default", 4, "W/\"etag\""),
        };

        var written = await Store.InsertAsync(run, Ct);
        var read = await Store.GetAsync("job", run.RunId, Ct);

        Assert.True(written.Done);
        Assert.NotNull(read);
        Assert.Equal(run with { ETag = written.ETag, Definition = read.Definition }, read);
        Assert.Equal(SchedulerJson.Serialize(run.Definition), SchedulerJson.Serialize(read.Definition));
    }

    [Fact]
    public async Task InsertAsync_SameOccurrenceTwice_ReturnsConflict()
    {
        await Store.InsertAsync(Samples.Run("job", Due), Ct);

        var second = await Store.InsertAsync(Samples.Run("job", Due), Ct);

        Assert.Equal(WriteOutcome.Conflict, second.Outcome);
    }

    [Fact]
    public async Task InsertAsync_DefinitionLongerThanOneProperty_RoundTrips()
    {
        var run = Samples.Run("big", Due);
        var metadata = Enumerable.Range(0, 80).ToDictionary(i => $"key{i}", i => new string((char)('a' + (i % 26)), 1000));
        run = run with { Definition = run.Definition with { Metadata = metadata } };

        await Store.InsertAsync(run, Ct);
        var read = await Store.GetAsync("big", run.RunId, Ct);

        Assert.Equal(metadata, read!.Definition.Metadata);
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ReturnsStale()
    {
        var inserted = await Store.InsertAsync(Samples.Run("job", Due), Ct);
        var run = Samples.Run("job", Due) with { ETag = inserted.ETag };
        await Store.ReplaceAsync(run with { Status = RunStatus.Running }, Ct);

        var stale = await Store.ReplaceAsync(run with { Status = RunStatus.Canceled }, Ct);

        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.Equal(RunStatus.Running, (await Store.GetAsync("job", run.RunId, Ct))!.Status);
    }

    [Fact]
    public async Task RecordAttemptAsync_CurrentETag_WritesRunAndAttemptTogether()
    {
        var run = Samples.Run("job", Due);
        run = run with { ETag = (await Store.InsertAsync(run, Ct)).ETag };

        var first = await Store.RecordAttemptAsync(run with { AttemptCount = 1, Status = RunStatus.Retrying }, Samples.Attempt(run, 1, AttemptResult.Failure("503", true)), Ct);
        var second = await Store.RecordAttemptAsync(run with { ETag = first.ETag, AttemptCount = 2, Status = RunStatus.Succeeded }, Samples.Attempt(run, 2), Ct);

        Assert.True(first.Done);
        Assert.True(second.Done);
        var stored = await Store.GetAsync("job", run.RunId, Ct);
        Assert.Equal((2, RunStatus.Succeeded, second.ETag), (stored!.AttemptCount, stored.Status, stored.ETag));
        var attempts = await Store.ListAttemptsAsync("job", run.RunId, Ct);
        Assert.Equal([1, 2], attempts.Select(a => a.Number));
        Assert.Equal(Samples.Attempt(run, 2) with { Result = attempts[1].Result }, attempts[1]);
        Assert.Equal(("503", true, AttemptStatus.Failed), (attempts[0].Result.Error, attempts[0].Result.Retryable, attempts[0].Result.Status));
    }

    [Fact]
    public async Task RecordAttemptAsync_StaleETag_WritesNeitherRunNorAttempt()
    {
        var run = Samples.Run("job", Due);
        var inserted = await Store.InsertAsync(run, Ct);
        await Store.ReplaceAsync(run with { ETag = inserted.ETag, Status = RunStatus.Canceled }, Ct);

        var written = await Store.RecordAttemptAsync(run with { ETag = inserted.ETag, AttemptCount = 1 }, Samples.Attempt(run, 1), Ct);

        Assert.Equal(WriteOutcome.Stale, written.Outcome);
        Assert.Empty(await Store.ListAttemptsAsync("job", run.RunId, Ct));
        Assert.Equal(0, (await Store.GetAsync("job", run.RunId, Ct))!.AttemptCount);
    }

    [Fact]
    public async Task RecordAttemptAsync_HugeResult_StoresATruncatedResult()
    {
        var run = Samples.Run("job", Due);
        run = run with { ETag = (await Store.InsertAsync(run, Ct)).ETag };
        var huge = new AttemptResult
        {
            Status = AttemptStatus.Failed,
            Error = new string('e', 100_000),
            ResponseExcerpt = string.Concat(Enumerable.Repeat("é\"<\u0001", 20_000)),
            Log = [.. Enumerable.Range(0, 5_000).Select(i => $"line {i}")],
            Commands = [new CommandResult { Command = "ls", Stdout = new string('o', 50_000) }],
        };

        var written = await Store.RecordAttemptAsync(run, Samples.Attempt(run, 1, huge), Ct);

        Assert.True(written.Done);
        var stored = Assert.Single(await Store.ListAttemptsAsync("job", run.RunId, Ct)).Result;
        Assert.StartsWith("eeee", stored.Error, StringComparison.Ordinal);
        Assert.InRange(stored.Error!.Length, 100, 10_000);
        Assert.NotEmpty(stored.Log);
        Assert.Equal("ls", Assert.Single(stored.Commands).Command);
    }
}

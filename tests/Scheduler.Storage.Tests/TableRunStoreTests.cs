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

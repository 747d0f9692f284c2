namespace Scheduler.Storage.Tests;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Validate_ConnectionString_IsValid()
    {
        Assert.Empty(Failures(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }));
    }

    [Fact]
    public void Validate_BothServiceUris_IsValid()
    {
        var options = new StorageOptions
        {
            TableServiceUri = new Uri("https://acct.table.core.windows.net"),
            QueueServiceUri = new Uri("https://acct.queue.core.windows.net"),
            ManagedIdentityClientId = "00000000-0000-0000-0000-000000000001",
        };

        Assert.Empty(Failures(options));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("UseDevelopmentStorage=true", "https://acct.table.core.windows.net", "https://acct.queue.core.windows.net")]
    [InlineData(null, "https://acct.table.core.windows.net", null)]
    public void Validate_NeitherOrBothOrHalfOfTheWays_IsInvalid(string? connectionString, string? tableUri, string? queueUri)
    {
        var options = new StorageOptions
        {
            ConnectionString = connectionString,
            TableServiceUri = tableUri is null ? null : new Uri(tableUri),
            QueueServiceUri = queueUri is null ? null : new Uri(queueUri),
        };

        Assert.Single(Failures(options));
    }

    [Theory]
    [InlineData("1abc", "runs")]
    [InlineData("has-dash", "runs")]
    [InlineData("", "Runs")]
    [InlineData("", "ru")]
    [InlineData("", "runs--x")]
    [InlineData("", "-runs")]
    public void Validate_BadNames_IsInvalid(string prefix, string queue)
    {
        var options = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", TablePrefix = prefix, RunsQueue = queue };

        Assert.Single(Failures(options));
    }

    [Fact]
    public void Validate_NonPositiveTimeout_IsInvalid()
    {
        var options = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", NetworkTimeout = TimeSpan.Zero };

        Assert.Single(Failures(options));
    }

    [Fact]
    public void Validate_SeveralProblems_NamesEachSettingInFull()
    {
        var options = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", RunsQueue = "Bad_Name", MaxRetries = 99 };

        var failures = Failures(options);

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Scheduler:Storage:RunsQueue is 'Bad_Name'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Scheduler:Storage:MaxRetries is 99", StringComparison.Ordinal));
    }

    private static List<string> Failures(StorageOptions options) => new StorageOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
}

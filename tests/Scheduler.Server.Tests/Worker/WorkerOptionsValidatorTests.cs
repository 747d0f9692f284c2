using Scheduler.Server.Worker;

namespace Scheduler.Server.Tests.Worker;

public sealed class WorkerOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        Assert.Empty(Failures(new WorkerOptions()));
    }

    [Fact]
    public void Validate_MaxIdlePollIntervalBelowTheIdlePollInterval_NamesBothSettings()
    {
        var failure = Assert.Single(Failures(new WorkerOptions { IdlePollInterval = TimeSpan.FromSeconds(2), MaxIdlePollInterval = TimeSpan.FromSeconds(1) }));

        Assert.Contains("Scheduler:Worker:MaxIdlePollInterval", failure, StringComparison.Ordinal);
        Assert.Contains("Scheduler:Worker:IdlePollInterval", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxIdlePollIntervalAboveFiveMinutes_Fails()
    {
        var failure = Assert.Single(Failures(new WorkerOptions { MaxIdlePollInterval = TimeSpan.FromMinutes(6) }));

        Assert.Contains("Scheduler:Worker:MaxIdlePollInterval", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxIdlePollIntervalEqualToTheIdlePollInterval_Passes()
    {
        Assert.Empty(Failures(new WorkerOptions { IdlePollInterval = TimeSpan.FromSeconds(1), MaxIdlePollInterval = TimeSpan.FromSeconds(1) }));
    }

    private static List<string> Failures(WorkerOptions options) => new WorkerOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
}

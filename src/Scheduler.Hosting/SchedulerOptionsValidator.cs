using Microsoft.Extensions.Options;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Stats;
using Scheduler.Core.Workflow;

namespace Scheduler.Hosting;

/// <summary>Runs Core's own checks of <see cref="SweepOptions"/> and <see cref="RunOptions"/> when the host starts.</summary>
public sealed class SchedulerOptionsValidator : IValidateOptions<SweepOptions>, IValidateOptions<RunOptions>, IValidateOptions<StatsOptions>
{
    public ValidateOptionsResult Validate(string? name, SweepOptions options) => Check(() => options.Validate());

    public ValidateOptionsResult Validate(string? name, RunOptions options) => Check(() => options.Validate());

    public ValidateOptionsResult Validate(string? name, StatsOptions options) => Check(() => options.Validate());

    private static ValidateOptionsResult Check(Action validate)
    {
        try
        {
            validate();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}

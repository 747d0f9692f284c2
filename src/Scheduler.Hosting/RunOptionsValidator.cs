using Microsoft.Extensions.Options;
using Scheduler.Core.Workflow;

namespace Scheduler.Hosting;

/// <summary>Checks <see cref="RunOptions"/> when the host starts: every failure, each naming its setting and what to set.</summary>
public sealed class RunOptionsValidator : IValidateOptions<RunOptions>
{
    private const string Section = CoreServiceCollectionExtensions.RunsSection;

    public ValidateOptionsResult Validate(string? name, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        if (options.SlotWait <= TimeSpan.Zero)
        {
            errors.AddError($"{Section}:SlotWait is {options.SlotWait}; set it above zero (the default is 00:00:01).");
        }

        if (options.InFlightGrace < TimeSpan.Zero)
        {
            errors.AddError($"{Section}:InFlightGrace is {options.InFlightGrace}; set it to zero or more.");
        }

        if (options.InlineDelayMax < TimeSpan.Zero)
        {
            errors.AddError($"{Section}:InlineDelayMax is {options.InlineDelayMax}; set it to zero or more.");
        }

        if (options.CancelPollInterval <= TimeSpan.Zero)
        {
            errors.AddError($"{Section}:CancelPollInterval is {options.CancelPollInterval}; set it above zero (the default is 00:00:01).");
        }

        if (options.SlotLease is { } lease && (options.SlotRenewInterval <= TimeSpan.Zero || options.SlotRenewInterval * 2 > lease))
        {
            errors.AddError($"{Section}:SlotRenewInterval is {options.SlotRenewInterval}; set it above zero and to at most half of {Section}:SlotLease ({lease}), so that one missed renewal does not lose the slot.");
        }

        return errors.Build();
    }
}

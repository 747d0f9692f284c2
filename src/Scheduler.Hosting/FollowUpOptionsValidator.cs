using Microsoft.Extensions.Options;
using Scheduler.Core.FollowUps;

namespace Scheduler.Hosting;

/// <summary>Checks <see cref="FollowUpOptions"/> when the host starts: every failure, each naming its setting and what to set.</summary>
public sealed class FollowUpOptionsValidator : IValidateOptions<FollowUpOptions>
{
    private const string Section = FollowUpOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, FollowUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        if (options.RetryDelay <= TimeSpan.Zero)
        {
            errors.AddError($"{Section}:RetryDelay is {options.RetryDelay}; set it above zero (the default is 00:00:30).");
        }

        if (options.MaxTries < 1)
        {
            errors.AddError($"{Section}:MaxTries is {options.MaxTries}; set it to 1 or more (the default is 5).");
        }

        return errors.Build();
    }
}

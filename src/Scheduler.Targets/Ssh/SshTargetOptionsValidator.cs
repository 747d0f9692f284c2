using Microsoft.Extensions.Options;

namespace Scheduler.Targets.Ssh;

/// <summary>Checks <see cref="SshTargetOptions"/> when the host starts.</summary>
internal sealed class SshTargetOptionsValidator : IValidateOptions<SshTargetOptions>
{
    private const string Section = SshTargetOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SshTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        if (options.DefaultConnectTimeout <= TimeSpan.Zero)
        {
            errors.AddError($"{Section}:DefaultConnectTimeout is {options.DefaultConnectTimeout}; set it above zero (the default is 00:00:10).");
        }

        if (options.DefaultCommandTimeout <= TimeSpan.Zero)
        {
            errors.AddError($"{Section}:DefaultCommandTimeout is {options.DefaultCommandTimeout}; set it above zero (the default is 00:05:00).");
        }

        return errors.Build();
    }
}

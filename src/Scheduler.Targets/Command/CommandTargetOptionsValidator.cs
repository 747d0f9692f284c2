using Microsoft.Extensions.Options;

namespace Scheduler.Targets.Command;

/// <summary>Checks <see cref="CommandTargetOptions"/> when the host starts (only when command targets are enabled).</summary>
internal sealed class CommandTargetOptionsValidator : IValidateOptions<CommandTargetOptions>
{
    private const string Section = CommandTargetOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, CommandTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        if (options.Enabled && !Path.IsPathRooted(options.ShellPath))
        {
            errors.AddError($"{Section}:ShellPath is '{options.ShellPath}'; set the absolute path of a shell (the default is /bin/sh).");
        }

        return errors.Build();
    }
}

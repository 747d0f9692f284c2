using Microsoft.Extensions.Options;

namespace Scheduler.Server.Worker;

/// <summary>Checks <see cref="WorkerOptions"/> when the host starts: every failure, each naming its setting and what to set.</summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    private const string Section = WorkerOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        if (options.Parallelism is < 1 or > 256)
        {
            errors.AddError($"{Section}:Parallelism is {options.Parallelism}; set it from 1 to 256.");
        }

        if (options.InProcessRuns is < 0 or > 4096)
        {
            errors.AddError($"{Section}:InProcessRuns is {options.InProcessRuns}; set it from 0 (every run through the queue) to 4096.");
        }

        if (options.IdlePollInterval <= TimeSpan.Zero || options.IdlePollInterval > TimeSpan.FromMinutes(1))
        {
            errors.AddError($"{Section}:IdlePollInterval is {options.IdlePollInterval}; set it above zero and to at most 00:01:00.");
        }

        if (options.MaxIdlePollInterval < options.IdlePollInterval || options.MaxIdlePollInterval > TimeSpan.FromMinutes(5))
        {
            errors.AddError($"{Section}:MaxIdlePollInterval is {options.MaxIdlePollInterval}; set it from {Section}:IdlePollInterval ({options.IdlePollInterval}) to 00:05:00.");
        }

        if (options.VisibilityTimeout < TimeSpan.FromSeconds(5) || options.VisibilityTimeout > TimeSpan.FromHours(1))
        {
            errors.AddError($"{Section}:VisibilityTimeout is {options.VisibilityTimeout}; set it from 00:00:05 to 01:00:00.");
        }

        if (options.RenewInterval <= TimeSpan.Zero || options.RenewInterval * 2 > options.VisibilityTimeout)
        {
            errors.AddError($"{Section}:RenewInterval is {options.RenewInterval}; set it above zero and to at most half of {Section}:VisibilityTimeout ({options.VisibilityTimeout}).");
        }

        if (options.MaxFailures is < 1 or > 100)
        {
            errors.AddError($"{Section}:MaxFailures is {options.MaxFailures}; set it from 1 to 100.");
        }

        if (options.PoisonCheckInterval < TimeSpan.FromSeconds(1))
        {
            errors.AddError($"{Section}:PoisonCheckInterval is {options.PoisonCheckInterval}; set it to at least 00:00:01.");
        }

        return errors.Build();
    }
}

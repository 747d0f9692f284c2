using Microsoft.Extensions.Options;
using Scheduler.Core.Dispatch;

namespace Scheduler.Hosting;

/// <summary>Checks <see cref="SweepOptions"/> when the host starts: every failure, each naming its setting and what to set.</summary>
public sealed class SweepOptionsValidator : IValidateOptions<SweepOptions>
{
    private const string Section = CoreServiceCollectionExtensions.SweepSection;

    public ValidateOptionsResult Validate(string? name, SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        if (options.Tick <= TimeSpan.Zero)
        {
            errors.AddError($"{Section}:Tick is {options.Tick}; set it above zero (the default is 00:00:05).");
        }

        if (options.Lookahead < options.Tick)
        {
            errors.AddError($"{Section}:Lookahead is {options.Lookahead}, less than {Section}:Tick ({options.Tick}); set it to at least the tick, or runs due between two sweeps start late.");
        }

        if (options.DispatchAhead is { } ahead && (ahead < TimeSpan.Zero || ahead > options.Lookahead))
        {
            errors.AddError($"{Section}:DispatchAhead is {ahead}; set it from zero to {Section}:Lookahead ({options.Lookahead}), or leave it out to use the lookahead.");
        }

        if (options.StartAhead < TimeSpan.Zero)
        {
            errors.AddError($"{Section}:StartAhead is {options.StartAhead}; set it to zero or more.");
        }

        if (options.CursorLag < TimeSpan.FromMinutes(1))
        {
            errors.AddError($"{Section}:CursorLag is {options.CursorLag}; set it to at least 00:01:00.");
        }

        if (options.MaxRowsPerSweep < 1)
        {
            errors.AddError($"{Section}:MaxRowsPerSweep is {options.MaxRowsPerSweep}; set it to 1 or more.");
        }

        if (options.Parallelism < 1)
        {
            errors.AddError($"{Section}:Parallelism is {options.Parallelism}; set it to 1 or more.");
        }

        if (options.LeaseGrace <= TimeSpan.Zero)
        {
            errors.AddError($"{Section}:LeaseGrace is {options.LeaseGrace}; set it above zero.");
        }

        if (options.PendingGrace <= TimeSpan.Zero)
        {
            errors.AddError($"{Section}:PendingGrace is {options.PendingGrace}; set it above zero.");
        }

        return errors.Build();
    }
}

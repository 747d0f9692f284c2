using Microsoft.Extensions.Options;
using Scheduler.Core.Stats;

namespace Scheduler.Hosting;

/// <summary>Checks <see cref="StatsOptions"/> when the host starts.</summary>
public sealed class StatsOptionsValidator : IValidateOptions<StatsOptions>
{
    public ValidateOptionsResult Validate(string? name, StatsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        if (options.FlushInterval <= TimeSpan.Zero || options.FlushInterval > TimeSpan.FromMinutes(1))
        {
            errors.AddError($"{StatsOptions.SectionName}:FlushInterval is {options.FlushInterval}; set it above zero and to at most 00:01:00 (the default is 00:00:10).");
        }

        return errors.Build();
    }
}

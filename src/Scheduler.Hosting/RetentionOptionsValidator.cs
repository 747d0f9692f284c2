using Microsoft.Extensions.Options;
using Scheduler.Core.Retention;

namespace Scheduler.Hosting;

/// <summary>Checks <see cref="RetentionOptions"/> when the host starts: every period above zero, a count of at least one.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    private const string Section = RetentionOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        Positive(errors, "RunsFor", options.RunsFor, "30.00:00:00");
        Positive(errors, "CountersFor", options.CountersFor, "2.00:00:00; the day chart reads the last 24 hours");
        Positive(errors, "IdempotencyKeysFor", options.IdempotencyKeysFor, "1.00:00:00");
        Positive(errors, "AuditFor", options.AuditFor, "90.00:00:00");
        Positive(errors, "DurableHistoryFor", options.DurableHistoryFor, "7.00:00:00");
        if (options.Interval <= TimeSpan.Zero || options.Interval > TimeSpan.FromDays(1))
        {
            errors.AddError($"{Section}:Interval is {options.Interval}; set it above zero and to at most 1.00:00:00 (the default is 01:00:00).");
        }

        if (options.RunsPerJob is < 1)
        {
            errors.AddError($"{Section}:RunsPerJob is {options.RunsPerJob}; set it to 1 or more, or leave it out to keep runs by age only.");
        }

        if (options.MaxDeletesPerPass is < 1 or > 100_000)
        {
            errors.AddError($"{Section}:MaxDeletesPerPass is {options.MaxDeletesPerPass}; set it from 1 to 100000 (the default is 5000).");
        }

        return errors.Build();
    }

    private static void Positive(ValidateOptionsResultBuilder errors, string setting, TimeSpan value, string defaultNote)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.AddError($"{Section}:{setting} is {value}; set it above zero (the default is {defaultNote}).");
        }
    }
}

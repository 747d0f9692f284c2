using Microsoft.Extensions.Options;
using Scheduler.Core.Alerts;
using Scheduler.Core.Validation;

namespace Scheduler.Hosting;

/// <summary>Checks <see cref="AlertOptions"/> when the host starts: the default rules as a job's are checked, and the settings;
/// every failure names its setting and what to set.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    private const string Section = AlertOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        var rules = new ValidationErrors();
        AlertRules.Check(options.Defaults, rules, "Defaults");
        foreach (var error in rules.All)
        {
            errors.AddError($"{Section}:{error.Field.Replace('[', ':').Replace("]", "", StringComparison.Ordinal).Replace('.', ':')}: {error.Message}");
        }

        if (options.DashboardUrl is { IsAbsoluteUri: false })
        {
            errors.AddError($"{Section}:DashboardUrl is '{options.DashboardUrl}'; set the dashboard's absolute public URL (https://...), or remove it.");
        }

        if (options.HistoryPerJob is < 1 or > 1000)
        {
            errors.AddError($"{Section}:HistoryPerJob is {options.HistoryPerJob}; set it from 1 to 1000 (the default is 50).");
        }

        if (options.DeadlineCheckInterval < TimeSpan.FromSeconds(1) || options.DeadlineCheckInterval > TimeSpan.FromHours(1))
        {
            errors.AddError($"{Section}:DeadlineCheckInterval is {options.DeadlineCheckInterval}; set it from 00:00:01 to 01:00:00 (the default is 00:01:00).");
        }

        return errors.Build();
    }
}

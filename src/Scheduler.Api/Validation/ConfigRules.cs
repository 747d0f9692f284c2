using Scheduler.Core.Config;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Validation;

/// <summary>Checks dynamic settings: budgets from 0 (lane stopped) to 1000 slots, lane names usable as table keys.</summary>
public static class ConfigRules
{
    public const int MaxConcurrency = 1000;
    public const int MaxLanes = 100;

    public static ValidationErrors Check(SchedulerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new ValidationErrors();
        errors.Require(config.DefaultLaneConcurrency is >= 0 and <= MaxConcurrency, "defaultLaneConcurrency", $"A budget is from 0 to {MaxConcurrency} slots.");
        if (config.Lanes is null)
        {
            errors.Add("lanes", "The lanes are an object of lane name to budget (it may be empty).");
            return errors;
        }

        errors.Require(config.Lanes.Count <= MaxLanes, "lanes", $"At most {MaxLanes} lanes have budgets of their own.");
        foreach (var (lane, budget) in config.Lanes)
        {
            errors.Require(Identifiers.IsValidId(lane) && lane.Length <= 64, $"lanes.{lane}", "A lane is a name of 1-64 letters, digits, '.', '_' or '-'.");
            errors.Require(budget is >= 0 and <= MaxConcurrency, $"lanes.{lane}", $"A budget is from 0 to {MaxConcurrency} slots.");
        }

        return errors;
    }
}

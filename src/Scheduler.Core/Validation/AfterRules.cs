using Scheduler.Core.Jobs;

namespace Scheduler.Core.Validation;

/// <summary>Checks a job's parents (<c>after</c>, <c>require</c>) as written; <see cref="Dependencies.ParentChecks"/> checks them against the stored jobs.</summary>
public static class AfterRules
{
    private const string Shape = "A parent is { \"job\": \"<job id>\", \"on\": \"Succeeded\" | \"Failed\" | \"Ended\" }.";

    public static void Check(JobDefinition job, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(errors);
        if (job.After is not { } after)
        {
            errors.Add("after", "After is a list of parents, " + Shape + " Leave it out for none.");
            return;
        }

        errors.Require(after.Count <= Limits.MaxParents, "after", $"At most {Limits.MaxParents} parents per job.");
        errors.Require(Enum.IsDefined(job.Require), "require", "Require must be 'all' (every parent) or 'any' (each parent's run).");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < after.Count; i++)
        {
            var rule = after[i];
            if (rule is null || !Identifiers.IsValidId(rule.Job))
            {
                errors.Add($"after[{i}].job", Shape + " " + Identifiers.IdRule);
                continue;
            }

            errors.Require(rule.Job != job.Id, $"after[{i}].job", $"A job cannot run after itself: {job.Id} → {job.Id}. Remove it from 'after'.");
            errors.Require(seen.Add(rule.Job), $"after[{i}].job", $"'{rule.Job}' is named twice in 'after'; name each parent once.");
            errors.Require(Enum.IsDefined(rule.On), $"after[{i}].on", "On must be Succeeded, Failed or Ended.");
        }
    }
}

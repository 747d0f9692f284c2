using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Serialization;
using Scheduler.Core.Targets;

namespace Scheduler.Core.Validation;

/// <summary>Validates a job definition in full: shape, policies, schedule, and the target through the host's validators.</summary>
/// <param name="targets">The host's executors: a kind it does not find is refused, with the registry's reason.</param>
/// <param name="targetValidators">Kind-specific checks supplied by the target executors.</param>
public sealed class JobValidator(ITargetExecutorRegistry targets, IEnumerable<ITargetValidator> targetValidators)
{
    private readonly Dictionary<string, ITargetValidator> validators = targetValidators.ToDictionary(v => v.Kind, StringComparer.Ordinal);

    public async Task<ValidationErrors> ValidateAsync(JobDefinition job, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(Identifiers.IsValidId(job.Id), "id", Identifiers.IdRule);
        errors.Require(job.Name is null || job.Name.Length <= Limits.MaxNameLength, "name", "The name is at most 200 characters.");
        CheckTags(job, errors);
        PolicyRules.Check(job, errors);
        ScheduleRules.Check(job.Schedule, errors);
        TargetRules.Check(job.Target, errors);
        NotifyRules.Check(job.Notify, errors);
        ParameterRules.Check(job.Parameters, errors);
        PlaceholderRules.Check(job, errors);
        AlertRules.Check(job.Alerts, errors);
        AfterRules.Check(job, errors);
        if (job.Target is { } target)
        {
            if (targets.Find(target.Kind) is null)
            {
                errors.Add("target.type", targets.NotEnabledReason(target.Kind));
            }
            else if (validators.TryGetValue(target.Kind, out var validator))
            {
                errors.AddRange(await validator.ValidateAsync(target, cancellationToken).ConfigureAwait(false));
            }
        }

        if (errors.IsValid && SchedulerJson.Serialize(job).Length > Limits.MaxDefinitionJsonChars)
        {
            errors.Add("", "The job definition is larger than 30,000 characters of JSON.");
        }

        return errors;
    }

    private static void CheckTags(JobDefinition job, ValidationErrors errors)
    {
        var tags = job.Tags ?? [];
        errors.Require(tags.Count <= Limits.MaxTags, "tags", "At most 20 tags.");
        errors.Require(tags.All(Identifiers.IsValidTag), "tags", "A tag has 1-64 letters, digits, '.', '_', ':' or '-'.");
        var metadata = job.Metadata ?? new Dictionary<string, string>();
        errors.Require(metadata.Count <= Limits.MaxMetadataEntries, "metadata", "At most 20 metadata entries.");
        errors.Require(metadata.All(m => m.Key.Length is > 0 and <= 64 && (m.Value?.Length ?? 0) <= Limits.MaxMetadataValueLength), "metadata", "Metadata keys are 1-64 characters, values at most 1024.");
    }
}

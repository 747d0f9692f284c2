using Scheduler.Core.Jobs;

namespace Scheduler.Core.Validation;

/// <summary>Checks a job's run-end notifications: a few, each on a known end and to an absolute http(s) URL without credentials.</summary>
public static class NotifyRules
{
    public static void Check(IReadOnlyList<NotifyRule>? notify, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (notify is null)
        {
            errors.Add("notify", "Notify is a list of { \"on\": \"Failed\" | \"Succeeded\" | \"Ended\", \"url\": \"https://...\" }; leave it out for none.");
            return;
        }

        errors.Require(notify.Count <= Limits.MaxNotifyRules, "notify", "At most 5 notifications per job.");
        for (var i = 0; i < notify.Count; i++)
        {
            var rule = notify[i];
            if (rule is null)
            {
                errors.Add($"notify[{i}]", "A notification is { \"on\": \"Failed\" | \"Succeeded\" | \"Ended\", \"url\": \"https://...\" }.");
                continue;
            }

            errors.Require(Enum.IsDefined(rule.On), $"notify[{i}].on", "On must be Failed, Succeeded or Ended.");
            errors.Require(WebhookUrls.IsValid(rule.Url), $"notify[{i}].url", "The URL must be an absolute http or https URL of at most 2048 characters, without credentials.");
        }
    }
}

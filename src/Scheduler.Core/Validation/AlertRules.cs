using Scheduler.Core.Alerts;

namespace Scheduler.Core.Validation;

/// <summary>Checks alert rules (a job's <c>alerts</c>, or the configured defaults): a few, each with what its kind needs, a webhook
/// to an absolute http(s) URL without credentials, and a cooldown that is not negative.</summary>
public static class AlertRules
{
    private const string Shape = "An alert is { \"on\": \"Failed\" | \"ConsecutiveFailures\" | \"Recovered\" | \"LongerThan\" | \"NoSuccessWithin\", \"webhook\": { \"url\": \"https://...\" }, \"cooldown\": \"01:00:00\" }.";

    /// <summary>Adds an error per field, named from <paramref name="field"/> (<c>alerts[0].count</c>).</summary>
    public static void Check(IReadOnlyList<AlertRule>? alerts, ValidationErrors errors, string field = "alerts")
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (alerts is null)
        {
            errors.Add(field, "Alerts is a list of rules; leave it out for the configured defaults. " + Shape);
            return;
        }

        errors.Require(alerts.Count <= Limits.MaxAlertRules, field, "At most 5 alert rules per job.");
        for (var i = 0; i < alerts.Count; i++)
        {
            var at = $"{field}[{i}]";
            if (alerts[i] is not { } rule)
            {
                errors.Add(at, Shape);
                continue;
            }

            errors.Require(Enum.IsDefined(rule.On), $"{at}.on", "On must be Failed, ConsecutiveFailures, Recovered, LongerThan or NoSuccessWithin.");
            CheckKind(rule, at, errors);
            errors.Require(WebhookUrls.IsValid(rule.Webhook?.Url), $"{at}.webhook.url", $"Set webhook.url to {WebhookUrls.Rule}.");
            errors.Require(rule.Cooldown is null || (rule.Cooldown >= TimeSpan.Zero && rule.Cooldown <= Limits.MaxAlertTime), $"{at}.cooldown",
                "The cooldown is a time from 00:00:00 to 366.00:00:00 (for example \"01:00:00\"); leave it out for none.");
        }
    }

    private static void CheckKind(AlertRule rule, string at, ValidationErrors errors)
    {
        errors.Require(rule.On == AlertOn.ConsecutiveFailures ? rule.Count is >= 2 and <= 1000 : rule.Count is null, $"{at}.count",
            rule.On == AlertOn.ConsecutiveFailures ? "ConsecutiveFailures needs a count from 2 to 1000 (failed runs in a row)." : "Only ConsecutiveFailures takes a count; remove it.");
        errors.Require(rule.On == AlertOn.LongerThan ? rule.Duration > TimeSpan.Zero && rule.Duration <= Limits.MaxAlertTime : rule.Duration is null, $"{at}.duration",
            rule.On == AlertOn.LongerThan ? "LongerThan needs a duration above zero, at most 366 days (for example \"00:10:00\")." : "Only LongerThan takes a duration; remove it.");
        errors.Require(rule.On == AlertOn.NoSuccessWithin ? rule.Window >= TimeSpan.FromMinutes(1) && rule.Window <= Limits.MaxAlertTime : rule.Window is null, $"{at}.window",
            rule.On == AlertOn.NoSuccessWithin ? "NoSuccessWithin needs a window from 00:01:00 to 366 days (for example \"1.00:00:00\")." : "Only NoSuccessWithin takes a window; remove it.");
    }
}

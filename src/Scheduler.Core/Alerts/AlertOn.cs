using System.Text.Json.Serialization;

namespace Scheduler.Core.Alerts;

/// <summary>What an alert rule watches for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertOn>))]
public enum AlertOn
{
    /// <summary>A run failed after its last retry (a retried attempt never alerts).</summary>
    Failed,
    /// <summary>The job's runs failed <see cref="AlertRule.Count"/> times in a row: fires when the streak reaches the count, once per streak.</summary>
    ConsecutiveFailures,
    /// <summary>A run succeeded after the job was failing (its last run failed, or a NoSuccessWithin alert fired): once per recovery.</summary>
    Recovered,
    /// <summary>A run ended after running longer than <see cref="AlertRule.Duration"/> (from its first start to its end).</summary>
    LongerThan,
    /// <summary>No run of the job succeeded within <see cref="AlertRule.Window"/>, including a job that stopped running: once until the next success.</summary>
    NoSuccessWithin,
}

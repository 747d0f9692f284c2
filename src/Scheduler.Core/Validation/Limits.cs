namespace Scheduler.Core.Validation;

/// <summary>Hard limits, chosen to fit Azure Table Storage (32K-char string properties, 1 MiB entities) and Queue Storage (64 KiB messages).</summary>
public static class Limits
{
    public const int MaxIdLength = 128;
    public const int MaxNameLength = 200;
    public const int MaxBodyChars = 16 * 1024;
    public const int MaxQueueMessageBytes = 48 * 1024;
    public const int MaxDefinitionJsonChars = 30_000;
    public const int MaxHeaders = 32;
    public const int MaxTags = 20;
    public const int MaxTagLength = 64;
    public const int MaxMetadataEntries = 20;
    public const int MaxMetadataValueLength = 1024;
    public const int MaxAttempts = 20;
    public const int MaxNotifyRules = 5;
    public const int MaxNotifyUrlLength = 2048;
    public const int MaxParameters = 20;
    public const int MaxParameterValueLength = 1024;
    /// <summary>A run's parameter values as stored (JSON, non-ASCII escaped): half a table string property, leaving room for the parent run.</summary>
    public const int MaxParametersJsonChars = 16 * 1024;
    public const int MaxAlertRules = 5;
    public static readonly TimeSpan MaxAlertTime = TimeSpan.FromDays(366);
    public const int MaxParents = 10;
    /// <summary>A run's settle writes one follow-up per child in one transaction (at most 100 rows).</summary>
    public const int MaxChildren = 20;
    /// <summary>How much of a parent run's result excerpt its child run receives (<c>Inputs.Parent.Output</c>).</summary>
    public const int MaxParentOutputChars = 4096;
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(6);
    public static readonly TimeSpan MaxRetryInterval = TimeSpan.FromDays(1);
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(366);
}

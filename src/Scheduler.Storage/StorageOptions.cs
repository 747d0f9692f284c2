using System.Text.RegularExpressions;
using Azure.Storage.Queues;

namespace Scheduler.Storage;

/// <summary>Where Scheduler's tables and queues live and how patiently to talk to them.</summary>
public sealed partial class StorageOptions
{
    /// <summary>The configuration section both hosts bind (its keys: <c>Scheduler:Storage:ConnectionString</c>, ...).</summary>
    public const string SectionName = "Scheduler:Storage";

    /// <summary>A storage connection string (Azurite or an account key). Alternative to the service URIs.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>Table endpoint for token authentication (managed identity or developer credentials).</summary>
    public Uri? TableServiceUri { get; set; }
    /// <summary>Queue endpoint for token authentication.</summary>
    public Uri? QueueServiceUri { get; set; }
    /// <summary>Client id of a user-assigned managed identity; when empty, <c>DefaultAzureCredential</c> is used.</summary>
    public string? ManagedIdentityClientId { get; set; }
    /// <summary>Prepended to every table name, so that several deployments (or tests) can share an account.</summary>
    public string TablePrefix { get; set; } = "";
    public string RunsQueue { get; set; } = "runs";
    public string PoisonQueue => RunsQueue + "-poison";
    /// <summary>Queue REST version; null keeps the SDK's default (Azurite then needs <c>--skipApiVersionCheck</c>).</summary>
    public QueueClientOptions.ServiceVersion? QueueServiceVersion { get; set; }
    /// <summary>Retries of one storage call after a transient failure or a timeout.</summary>
    public int MaxRetries { get; set; } = 3;
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Per-try timeout: a frozen endpoint fails the try instead of hanging the caller.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var hasUris = TableServiceUri is not null || QueueServiceUri is not null;
        if (string.IsNullOrWhiteSpace(ConnectionString) == !hasUris || (hasUris && (TableServiceUri is null || QueueServiceUri is null)))
        {
            errors.Add("Set either Storage:ConnectionString or both Storage:TableServiceUri and Storage:QueueServiceUri.");
        }

        if (!TablePrefixPattern().IsMatch(TablePrefix))
        {
            errors.Add("Storage:TablePrefix must be empty or 1-40 letters and digits starting with a letter.");
        }

        if (RunsQueue.Length > 56 || !QueueNamePattern().IsMatch(RunsQueue) || RunsQueue.Contains("--", StringComparison.Ordinal))
        {
            errors.Add("Storage:RunsQueue must be 3-56 lowercase letters, digits or single hyphens, starting and ending with a letter or digit.");
        }

        if (MaxRetries is < 0 or > 20)
        {
            errors.Add("Storage:MaxRetries must be between 0 and 20.");
        }

        if (RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            errors.Add("Storage:RetryDelay must be positive and not above Storage:MaxRetryDelay.");
        }

        if (NetworkTimeout <= TimeSpan.Zero)
        {
            errors.Add("Storage:NetworkTimeout must be positive.");
        }

        return errors;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid storage options: " + string.Join(" ", errors));
        }
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9]{0,39})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TablePrefixPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,54}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueNamePattern();
}

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

    /// <summary>Throws when <see cref="StorageOptionsValidator"/> finds a problem (for clients built without a host).</summary>
    public void ThrowIfInvalid()
    {
        var result = new StorageOptionsValidator().Validate(null, this);
        if (result.Failed)
        {
            throw new InvalidOperationException("Invalid storage options: " + result.FailureMessage);
        }
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9]{0,39})?$", RegexOptions.CultureInvariant)]
    internal static partial Regex TablePrefixPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,54}[a-z0-9]$", RegexOptions.CultureInvariant)]
    internal static partial Regex QueueNamePattern();
}

using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Scheduler.Targets.Queue;

/// <summary>Checks <see cref="QueueTargetOptions"/> when the host starts, so a malformed connection string fails the start and
/// not the first queue job. A message never repeats the connection string (it carries the account key).</summary>
internal sealed class QueueTargetOptionsValidator : IValidateOptions<QueueTargetOptions>
{
    private const string ConnectionString = QueueTargetOptions.SectionName + ":" + nameof(QueueTargetOptions.ConnectionString);

    public ValidateOptionsResult Validate(string? name, QueueTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        if (options.ConnectionString is { Length: > 0 } connectionString && !Parses(connectionString))
        {
            errors.AddError($"{ConnectionString} is not a storage connection string; set one such as 'UseDevelopmentStorage=true' or "
                + "'DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net', or remove it.");
        }

        return errors.Build();
    }

    // The client parses the connection string when it is built, without a call to storage.
    private static bool Parses(string connectionString)
    {
        try
        {
            _ = new QueueServiceClient(connectionString);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}

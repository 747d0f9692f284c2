using System.Net.Sockets;
using Azure;
using Scheduler.Core.Health;

namespace Scheduler.Storage;

/// <summary>What a failed call to Azure Storage means (<see cref="IStorageFaults"/>). The Azure SDK wraps its retries in an
/// AggregateException with one inner exception per try (the last one is the reason) and a connection failure in a
/// RequestFailedException of status 0.</summary>
public sealed class StorageFaults : IStorageFaults
{
    string IStorageFaults.Describe(Exception exception) => Describe(exception);

    bool IStorageFaults.IsOutage(Exception exception) => IsOutage(exception);

    /// <summary>Storage did not answer in time, or a network failure anywhere in the chain.</summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        OperationCanceledException or TimeoutException or HttpRequestException or SocketException or IOException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsOutage),
        { InnerException: { } inner } => IsOutage(inner),
        _ => false,
    };

    /// <summary>One line that says why a storage call failed, for warnings that repeat during an outage.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = Innermost(exception);
        return inner switch
        {
            RequestFailedException { Status: > 0 } failed => $"storage answered {failed.Status} {failed.ErrorCode}".TrimEnd(),
            HttpRequestException http => FirstLine(http.Message),
            SocketException socket => $"{socket.SocketErrorCode}: {FirstLine(socket.Message)}",
            TimeoutException or OperationCanceledException => "no answer in time",
            _ => $"{inner.GetType().Name}: {FirstLine(inner.Message)}",
        };
    }

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (true)
        {
            var next = current switch
            {
                AggregateException { InnerExceptions.Count: > 0 } aggregate => aggregate.InnerExceptions[^1],
                RequestFailedException { Status: > 0 } => null,
                HttpRequestException => null, // its message names the address: Connection refused (127.0.0.1:10002)
                { InnerException: { } inner } => inner,
                _ => null,
            };
            if (next is null)
            {
                return current;
            }

            current = next;
        }
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return cut < 0 ? message : message[..cut];
    }
}

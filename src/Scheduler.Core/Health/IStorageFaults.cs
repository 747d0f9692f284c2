namespace Scheduler.Core.Health;

/// <summary>What a failed storage call means, decided by the storage adapter that knows its SDK's exceptions: the one place
/// that tells "storage is out of reach" from a fault of the request, for the API's answers and the host's loops alike.</summary>
public interface IStorageFaults
{
    /// <summary>One line that says why the call failed, for warnings that repeat during an outage.</summary>
    string Describe(Exception exception);

    /// <summary>Storage did not answer in time or could not be reached: retry later, the request is not at fault.</summary>
    bool IsOutage(Exception exception);
}

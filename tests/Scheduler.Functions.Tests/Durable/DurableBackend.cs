namespace Scheduler.Functions.Tests.Durable;

/// <summary>The Durable Task backend the app's orchestrations run on.</summary>
public enum DurableBackend
{
    /// <summary>Durable's in-process test backend: fast and deterministic, with real replay.</summary>
    InMemory,
    /// <summary>DurableTask.AzureStorage over Azurite: the backend Durable Functions uses in Azure (history and instance
    /// tables, control and work-item queues, blob leases).</summary>
    AzureStorage,
}

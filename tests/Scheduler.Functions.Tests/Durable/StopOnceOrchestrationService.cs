using System.Reflection;
using DurableTask.Core;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>A backend that stops once, however many callers ask. The sidecar stops its backend from a fire-and-forget
/// callback when its host stops, and the test stops it too so that it can wait for the partition leases to be given up;
/// two overlapping stops of <c>AzureStorageOrchestrationService</c> race on its lease manager and crash the process
/// with a NullReferenceException. Every other member is passed through unchanged.</summary>
public class StopOnceOrchestrationService : DispatchProxy
{
    private readonly object gate = new();
    private IOrchestrationService inner = null!;
    private Task? stopping;

    public static IOrchestrationService Wrap(IOrchestrationService service)
    {
        var proxy = Create<IOrchestrationService, StopOnceOrchestrationService>();
        ((StopOnceOrchestrationService)(object)proxy).inner = service;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IOrchestrationService.StopAsync))
        {
            lock (gate)
            {
                return stopping ??= inner.StopAsync(isForced: false);
            }
        }

        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}

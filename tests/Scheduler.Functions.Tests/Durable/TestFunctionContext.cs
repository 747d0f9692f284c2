using Microsoft.Azure.Functions.Worker;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>The invocation context the Functions host hands a function. The app's functions only read its cancellation token
/// and services; everything else is the host's and is not needed to run them.</summary>
public sealed class TestFunctionContext(IServiceProvider services, string name, CancellationToken cancellationToken = default) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");
    public override string FunctionId => name;
    public override TraceContext TraceContext => throw new NotSupportedException("Not used by the app's functions.");
    public override BindingContext BindingContext => throw new NotSupportedException("Not used by the app's functions.");
    public override RetryContext RetryContext => throw new NotSupportedException("Not used by the app's functions.");
    public override IServiceProvider InstanceServices { get; set; } = services;
    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException("Not used by the app's functions.");
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override IInvocationFeatures Features => throw new NotSupportedException("Not used by the app's functions.");
    public override CancellationToken CancellationToken { get; } = cancellationToken;
}

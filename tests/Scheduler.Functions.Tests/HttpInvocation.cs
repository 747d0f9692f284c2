using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Scheduler.Functions.Tests;

/// <summary>The invocation context the host's ASP.NET Core integration hands the worker's middleware for an HTTP call: the
/// function's name and the request's <see cref="HttpContext"/>, kept where <c>GetHttpContext()</c> reads it.</summary>
public sealed class HttpInvocation : FunctionContext
{
    // The key the ASP.NET Core integration stores the request under (Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore).
    private const string HttpContextKey = "HttpRequestContext";

    public HttpInvocation(string function, HttpContext http)
    {
        FunctionDefinition = new Definition(function);
        InstanceServices = http.RequestServices;
        Items = new Dictionary<object, object> { [HttpContextKey] = http };
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");
    public override string FunctionId => FunctionDefinition.Id;
    public override TraceContext TraceContext => throw new NotSupportedException("Not used by the middleware.");
    public override BindingContext BindingContext => throw new NotSupportedException("Not used by the middleware.");
    public override RetryContext RetryContext => throw new NotSupportedException("Not used by the middleware.");
    public override IServiceProvider InstanceServices { get; set; }
    public override FunctionDefinition FunctionDefinition { get; }
    public override IDictionary<object, object> Items { get; set; }
    public override IInvocationFeatures Features => throw new NotSupportedException("Not used by the middleware.");
    public override CancellationToken CancellationToken => CancellationToken.None;

    private sealed class Definition(string name) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];
        public override string PathToAssembly => typeof(Definition).Assembly.Location;
        public override string EntryPoint => name;
        public override string Id => name;
        public override string Name => name;
        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}

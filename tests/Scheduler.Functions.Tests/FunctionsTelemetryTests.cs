using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Scheduler.Core.Telemetry;
using Scheduler.Testing;

namespace Scheduler.Functions.Tests;

/// <summary>The worker's telemetry as Program.cs composes it (<see cref="FunctionsTelemetry"/>, with the Azure Monitor exporter
/// on): what is Recorded of real calls. The Functions host cannot run here, so the invocations are started as the worker starts
/// them (its ActivitySource, a remote parent from the host, the function's name as <c>faas.name</c>).</summary>
public sealed class FunctionsTelemetryTests : IAsyncLifetime
{
    private const string WorkerSource = "Microsoft.Azure.Functions.Worker";
    private static readonly ActivitySource Worker = new(WorkerSource);
    // Disposed in DisposeAsync (the Endpoint) and by the tracer provider (the recorder, one of its processors).
    private IngestionSink Endpoint { get; } = new();
    private Recorder Recorded { get; } = new();
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        await Endpoint.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FunctionsTelemetry.AppInsightsKey] = Endpoint.ConnectionString,
        }).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSchedulerFunctionsTelemetry(configuration).WithTracing(t => t.AddProcessor(Recorded));
        services = collection.BuildServiceProvider();
        _ = services.GetRequiredService<TracerProvider>();
    }

    [Fact]
    public async Task StorageCall_UnderNoWork_IsNotRecorded()
    {
        // As Durable's backend polls its control queues, and the runs-queue trigger's listener its queue: an Azure SDK call
        // that opens a trace.
        Assert.Null(Activity.Current);

        await ReceiveAsync();

        Assert.Empty(Recorded.To(Endpoint.BaseAddress.Port));
    }

    [Theory]
    [InlineData("SweepTimer")]
    [InlineData("GetHealth")]
    public async Task HousekeepingInvocation_AndItsCalls_AreNotRecorded(string function)
    {
        using (var invocation = Invoke(function))
        {
            // OpenTelemetry keeps a dropped span under a remote parent as a propagation-only activity: there, not recorded.
            Assert.False(invocation?.Recorded);
            await ReceiveAsync();
        }

        Assert.Empty(Recorded.To(Endpoint.BaseAddress.Port));
    }

    [Theory]
    [InlineData("RunQueueTrigger")]
    [InlineData("ExecuteAttempt")]
    [InlineData("CreateJob")]
    public async Task WorkInvocation_AndItsCalls_AreRecorded(string function)
    {
        ActivityTraceId trace;
        using (var invocation = Invoke(function))
        {
            Assert.True(invocation?.Recorded);
            trace = invocation!.TraceId;
            await ReceiveAsync();
        }

        var call = Assert.Single(Recorded.To(Endpoint.BaseAddress.Port));
        Assert.Equal(trace, call.TraceId);
        Assert.Contains(Recorded.All, a => a.TraceId == trace && a.Source.Name == WorkerSource);
    }

    [Theory]
    [InlineData(SchedulerTelemetry.SweepSpan)]
    [InlineData(SchedulerTelemetry.AttemptSpan)]
    public async Task SchedulerSpan_UnderADroppedInvocation_IsRecordedWithItsCalls(string span)
    {
        ActivityTraceId trace;
        using (Invoke("SweepTimer"))
        using (var scheduler = SchedulerTelemetry.Source.StartActivity(span))
        {
            Assert.True(scheduler?.Recorded);
            trace = scheduler!.TraceId;
            await ReceiveAsync();
        }

        var call = Assert.Single(Recorded.To(Endpoint.BaseAddress.Port));
        Assert.Equal(trace, call.TraceId);
    }

    /// <summary>Starts an invocation's span as the worker does for a call from the host.</summary>
    private static Activity? Invoke(string function)
    {
        var host = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        return Worker.StartActivity($"function {function}", ActivityKind.Internal, host, [new("faas.name", function)]);
    }

    /// <summary>A real Azure SDK queue receive against the local Endpoint (it answers 404: the call is what counts).</summary>
    private async Task ReceiveAsync()
    {
        var queue = new QueueClient($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.AccountKey};QueueEndpoint={Endpoint.BaseAddress}devstoreaccount1;", "control-00",
            new QueueClientOptions { Retry = { MaxRetries = 0 } });
        await Assert.ThrowsAsync<RequestFailedException>(() => queue.ReceiveMessagesAsync());
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await Endpoint.DisposeAsync();
    }

    /// <summary>The spans the pipeline records and would export.</summary>
    private sealed class Recorder : BaseProcessor<Activity>
    {
        private readonly ConcurrentQueue<Activity> ended = new();

        public IReadOnlyList<Activity> All => ended.ToList();

        /// <summary>Outgoing HTTP calls to a port (other tests' calls, made meanwhile, go elsewhere).</summary>
        public List<Activity> To(int port) =>
            ended.Where(a => a.Kind == ActivityKind.Client && Equals(a.GetTagItem("server.port"), port)).ToList();

        public override void OnEnd(Activity data)
        {
            if (data.Recorded)
            {
                ended.Enqueue(data);
            }
        }
    }
}

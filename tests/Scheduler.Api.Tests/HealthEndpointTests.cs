using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Health;
using Scheduler.Core.Config;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;

namespace Scheduler.Api.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task GetAsync_StorageThrows_Returns503Problem()
    {
        var context = NewContext();

        var result = await HealthEndpoints.GetAsync(new BrokenConfigStore(), new SweepOptions(), TimeProvider.System, CancellationToken.None);
        await result.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        context.Response.Body.Position = 0;
        var problem = JsonNode.Parse(context.Response.Body)!;
        Assert.False(problem["storageReachable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GetWithStatusAsync_StorageNeverReached_Returns503WithTheReasonAtOnce()
    {
        var context = NewContext();
        var status = new StorageStatus(TimeProvider.System);
        status.Failed("Connection refused (127.0.0.1:10002)");
        var clock = Stopwatch.StartNew();

        var result = await HealthEndpoints.GetWithStatusAsync(new HangingConfigStore(), new SweepOptions(), status, TimeProvider.System, CancellationToken.None);
        await result.ExecuteAsync(context);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        var problem = Problem(context);
        Assert.Equal("Unhealthy", problem["health"]!.GetValue<string>());
        Assert.Equal("Connection refused (127.0.0.1:10002)", problem["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetWithStatusAsync_StorageHangsIgnoringCancellation_Returns503WithinTheTimeout()
    {
        var context = NewContext();
        var status = new StorageStatus(TimeProvider.System);
        status.MarkReady();
        var clock = Stopwatch.StartNew();

        var result = await HealthEndpoints.GetWithStatusAsync(new HangingConfigStore(), new SweepOptions(), status, TimeProvider.System, CancellationToken.None);
        await result.ExecuteAsync(context);

        Assert.InRange(clock.Elapsed, HealthEndpoints.StorageTimeout, HealthEndpoints.StorageTimeout + TimeSpan.FromSeconds(2));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("no answer within 2 s", Problem(context)["error"]!.GetValue<string>());
    }

    private static JsonNode Problem(DefaultHttpContext context)
    {
        context.Response.Body.Position = 0;
        return JsonNode.Parse(context.Response.Body)!;
    }

    private static DefaultHttpContext NewContext()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
    }

    /// <summary>A frozen store: calls never complete and ignore their token, as a stopped storage process can behave.</summary>
    private sealed class HangingConfigStore : IConfigStore
    {
        private static readonly Task Never = new TaskCompletionSource().Task;
        public async Task<SchedulerConfig> GetAsync(CancellationToken cancellationToken) { await Never; return new SchedulerConfig(); }
        public async Task<Written> PutAsync(SchedulerConfig config, CancellationToken cancellationToken) { await Never; throw new InvalidOperationException(); }
        public async Task<SweepState> GetSweepStateAsync(CancellationToken cancellationToken) { await Never; throw new InvalidOperationException(); }
        public Task SetSweepStateAsync(SweepState state, CancellationToken cancellationToken) => Never;
    }

    private sealed class BrokenConfigStore : IConfigStore
    {
        public Task<SchedulerConfig> GetAsync(CancellationToken cancellationToken) => throw new IOException("storage down");
        public Task<Written> PutAsync(SchedulerConfig config, CancellationToken cancellationToken) => throw new IOException("storage down");
        public Task<SweepState> GetSweepStateAsync(CancellationToken cancellationToken) => throw new IOException("storage down");
        public Task SetSweepStateAsync(SweepState state, CancellationToken cancellationToken) => throw new IOException("storage down");
    }
}

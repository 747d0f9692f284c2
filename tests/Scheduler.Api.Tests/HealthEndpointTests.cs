using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Api.Endpoints;
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

    private static DefaultHttpContext NewContext()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
    }

    private sealed class BrokenConfigStore : IConfigStore
    {
        public Task<SchedulerConfig> GetAsync(CancellationToken cancellationToken) => throw new IOException("storage down");
        public Task<Written> PutAsync(SchedulerConfig config, CancellationToken cancellationToken) => throw new IOException("storage down");
        public Task<SweepState> GetSweepStateAsync(CancellationToken cancellationToken) => throw new IOException("storage down");
        public Task SetSweepStateAsync(SweepState state, CancellationToken cancellationToken) => throw new IOException("storage down");
    }
}

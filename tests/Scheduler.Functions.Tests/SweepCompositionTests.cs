using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Xunit;

namespace Scheduler.Functions.Tests;

/// <summary>The Functions host's sweep signal and its sweeper resolve from one container, though the sweeper is built from handlers
/// that kick sweeps through that signal (a run's end starting its children's runs).</summary>
public sealed class SweepCompositionTests
{
    [Fact]
    public async Task SignalAndSweeper_Resolve_TheSignalIsTheHostsSweeps()
    {
        var settings = new Dictionary<string, string?> { ["Scheduler:Storage:ConnectionString"] = "UseDevelopmentStorage=true" };
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSchedulerFunctions(builder.Configuration);
        await using var provider = builder.Services.BuildServiceProvider();

        // A container that built each from the other would never answer: bounded, so the test fails instead of hanging.
        var resolved = await Task.Run(() => (provider.GetRequiredService<ISweepSignal>(), provider.GetRequiredService<Sweeper>()))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Same(provider.GetRequiredService<FunctionsSweeps>(), resolved.Item1);
        Assert.NotNull(resolved.Item2);
    }
}

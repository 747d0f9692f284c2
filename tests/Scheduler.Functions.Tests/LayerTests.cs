using System.Reflection;
using Scheduler.Hosting;
using Xunit;

namespace Scheduler.Functions.Tests;

/// <summary>The arrows of docs/ARCHITECTURE.md "Layers", read from the compiled assemblies' references.</summary>
public sealed class LayerTests
{
    [Fact]
    public void Hosting_ComposesTheEngine_WithoutTheApi()
    {
        var references = SchedulerReferences(typeof(EngineServiceCollectionExtensions).Assembly);

        Assert.Equal(["Scheduler.Core", "Scheduler.Storage", "Scheduler.Targets"], references);
    }

    [Fact]
    public void Api_PointsOnlyAtCore()
    {
        var references = SchedulerReferences(typeof(Api.ApiRoutes).Assembly);

        Assert.Equal(["Scheduler.Core"], references);
    }

    [Fact]
    public void Dashboard_PointsAtNoOtherProject()
    {
        var references = SchedulerReferences(typeof(Dashboard.DashboardFiles).Assembly);

        Assert.Empty(references);
    }

    private static string[] SchedulerReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Scheduler.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
}

using Scheduler.Api;

namespace Scheduler.Functions.Tests;

/// <summary>One contract, two hosts: every route the Server serves is bound by exactly one Functions HTTP trigger with the same method.</summary>
public sealed class RouteContractTests
{
    [Fact]
    public void EveryServerRoute_IsBoundByExactlyOneFunctionsTrigger_WithTheSameMethod()
    {
        var server = ServerRoutes.All().Select(r => (r.Method, r.Route)).ToList();
        var functions = FunctionsSource.HttpTriggers().Select(t => (t.Method, t.Route)).ToList();

        Assert.NotEmpty(server);
        foreach (var route in server)
        {
            Assert.True(functions.Count(f => f == route) == 1, $"{route.Method} {route.Route}: bound {functions.Count(f => f == route)} times in src/Scheduler.Functions");
        }

        Assert.Empty(functions.Except(server));
    }

    [Fact]
    public void EveryApiRouteConstant_IsServedByBothHosts()
    {
        var constants = typeof(ApiRoutes).GetFields().Where(f => f.IsLiteral && f.Name is not (nameof(ApiRoutes.Prefix) or nameof(ApiRoutes.Reference)))
            .Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(constants.Order(), ServerRoutes.All().Select(r => r.Route).Distinct().Order());
        Assert.Equal(constants.Order(), FunctionsSource.HttpTriggers().Select(t => t.Route).Distinct().Order());
    }

    [Fact]
    public void OnlyHealth_IsAnonymous_OnBothHosts()
    {
        var anonymousOnServer = ServerRoutes.All().Where(r => r.Anonymous).Select(r => r.Route).Distinct();
        var triggers = FunctionsSource.HttpTriggers();

        Assert.Equal([ApiRoutes.Health], anonymousOnServer);
        Assert.All(triggers, t => Assert.Equal(t.Route == ApiRoutes.Health ? "Anonymous" : "Function", t.Level));
        // The dashboard's files are the one other anonymous trigger (the page then calls the API with a key).
        Assert.Contains("AuthorizationLevel.Anonymous, \"get\", Route = \"dashboard/{*path}\"", FunctionsSource.ReadAll(), StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionNames_AreUnique()
    {
        var names = FunctionsSource.FunctionNames();

        Assert.True(names.Count >= 25, $"only {names.Count} functions found");
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}

using Scheduler.Api;
using Scheduler.Functions.Tests.Build;

namespace Scheduler.Functions.Tests;

/// <summary>One contract, two hosts: every route the Server serves is bound by exactly one Functions HTTP trigger with the
/// same method, as the Worker SDK wrote them into functions.metadata.</summary>
public sealed class RouteContractTests
{
    private static List<(string Method, string Route, string Level)> HttpTriggers() =>
        FunctionsBuild.Functions().Select(f => f.Trigger).Where(t => t.Type == "httpTrigger")
            .SelectMany(t => t.Methods.Select(m => (m, t.Route!, t.AuthLevel!))).ToList();

    [Fact]
    public void EveryServerRoute_IsBoundByExactlyOneFunctionsTrigger_WithTheSameMethod()
    {
        var server = ServerRoutes.All().Select(r => (r.Method, r.Route)).ToList();
        var functions = HttpTriggers().Where(t => t.Route != DashboardRoute).Select(t => (t.Method, t.Route)).ToList();

        Assert.NotEmpty(server);
        foreach (var route in server)
        {
            Assert.True(functions.Count(f => f == route) == 1, $"{route.Method} {route.Route}: bound {functions.Count(f => f == route)} times in functions.metadata");
        }

        Assert.Empty(functions.Except(server));
    }

    [Fact]
    public void EveryApiRouteConstant_IsServedByBothHosts()
    {
        var constants = typeof(ApiRoutes).GetFields().Where(f => f.IsLiteral && f.Name is not (nameof(ApiRoutes.Prefix) or nameof(ApiRoutes.Reference)))
            .Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(constants.Order(), ServerRoutes.All().Select(r => r.Route).Distinct().Order());
        Assert.Equal(constants.Order(), HttpTriggers().Select(t => t.Route).Where(r => r != DashboardRoute).Distinct().Order());
    }

    [Fact]
    public void OnlyHealthAndTheDashboardFiles_AreAnonymous()
    {
        var anonymousOnServer = ServerRoutes.All().Where(r => r.Anonymous).Select(r => r.Route).Distinct();
        var anonymousFunctions = HttpTriggers().Where(t => t.Level == "Anonymous").Select(t => t.Route).Order();

        Assert.Equal([ApiRoutes.Health], anonymousOnServer);
        // The dashboard's files are the one other anonymous trigger (the page then calls the API with a key).
        Assert.Equal([DashboardRoute, ApiRoutes.Health], anonymousFunctions);
        Assert.All(HttpTriggers().Where(t => t.Level != "Anonymous"), t => Assert.Equal("Function", t.Level));
    }

    [Fact]
    public void FunctionNames_AreUnique()
    {
        var names = FunctionsBuild.Functions().Select(f => f.Name).ToList();

        Assert.True(names.Count >= 25, $"only {names.Count} functions in functions.metadata");
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    private const string DashboardRoute = "dashboard/{*path}";
}

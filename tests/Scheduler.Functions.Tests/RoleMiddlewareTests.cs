using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Api.Auth;
using Scheduler.Api.Hosting;
using Scheduler.Functions.Http;
using Scheduler.Functions.Tests.Build;

namespace Scheduler.Functions.Tests;

/// <summary>Roles on top of function keys: the Functions host's worker middleware, run with the API's real services over a real
/// request as the ASP.NET Core integration hands it over, lets a function run only when the key's role covers it, and puts the
/// security headers on every answer.</summary>
public sealed class RoleMiddlewareTests
{
    private const string ReaderKey = "fn-reader-key-4b7d1e9c";
    private const string OperatorKey = "fn-operator-key-2c8a5f0e";

    [Theory]
    [InlineData("ListJobs", ReaderKey, true)]
    [InlineData("GetRun", ReaderKey, true)]
    [InlineData("TriggerJob", ReaderKey, false)]
    [InlineData("DeleteJob", ReaderKey, false)]
    [InlineData("TriggerJob", OperatorKey, true)]
    [InlineData("CancelRun", OperatorKey, true)]
    [InlineData("PutConfig", OperatorKey, false)]
    [InlineData("CreateConnection", OperatorKey, false)]
    [InlineData("GetHealth", null, true)]
    [InlineData("Dashboard", null, true)]
    [InlineData("ListJobs", "a-function-key-not-listed", false)]
    public async Task HttpFunction_RunsOnlyWhenTheKeyRoleCoversIt(string function, string? functionKey, bool runs)
    {
        var (status, body, ran) = await InvokeAsync(Keyed(), function, functionKey);

        Assert.Equal(runs, ran);
        if (!runs)
        {
            Assert.Equal(StatusCodes.Status403Forbidden, status);
            Assert.Equal(OperationRoles.Name(OperationRoles.For(function)), body!["requiredRole"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task NoApiKeysConfigured_EveryFunctionKeyIsAdmin()
    {
        var (_, _, ran) = await InvokeAsync(new Dictionary<string, string?>(), "DeleteJob", "the-only-function-key-1a2b3c4d");

        Assert.True(ran);
    }

    [Fact]
    public async Task FunctionKeyInTheCodeQuery_GetsItsRole()
    {
        var (status, _, ran) = await InvokeAsync(Keyed(), "DeleteJob", null, query: $"?code={ReaderKey}");

        Assert.False(ran);
        Assert.Equal(StatusCodes.Status403Forbidden, status);
    }

    [Fact]
    public void EveryHttpFunction_HasARoleInTheTable()
    {
        var http = FunctionsBuild.Functions().Where(f => f.Trigger.Type == "httpTrigger").Select(f => f.Name).ToList();

        Assert.NotEmpty(http);
        Assert.Empty(http.Except(OperationRoles.Classified));
    }

    [Fact]
    public async Task Answer_CarriesTheSecurityHeaders_RefusalsToo()
    {
        foreach (var function in new[] { "Dashboard", "DeleteJob" })
        {
            var context = Context(Keyed(), ReaderKey, "");
            await new SecurityHeadersMiddleware().Invoke(new HttpInvocation(function, context), c => new ApiRoleMiddleware().Invoke(c, _ => Task.CompletedTask));

            Assert.Contains("frame-ancestors 'none'", context.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
            Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
            Assert.Equal("no-referrer", context.Response.Headers["Referrer-Policy"].ToString());
        }
    }

    private static Dictionary<string, string?> Keyed() => new()
    {
        ["Scheduler:Api:NamedKeys:0:Name"] = "viewer",
        ["Scheduler:Api:NamedKeys:0:Key"] = ReaderKey,
        ["Scheduler:Api:NamedKeys:0:Role"] = "Reader",
        ["Scheduler:Api:NamedKeys:1:Name"] = "on-call",
        ["Scheduler:Api:NamedKeys:1:Key"] = OperatorKey,
        ["Scheduler:Api:NamedKeys:1:Role"] = "Operator",
    };

    private static async Task<(int Status, JsonNode? Body, bool Ran)> InvokeAsync(Dictionary<string, string?> settings, string function, string? functionKey, string query = "")
    {
        var context = Context(settings, functionKey, query);
        var ran = false;
        await new ApiRoleMiddleware().Invoke(new HttpInvocation(function, context), _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        var body = ((MemoryStream)context.Response.Body).ToArray();
        return (context.Response.StatusCode, body.Length == 0 ? null : JsonNode.Parse(body), ran);
    }

    private static DefaultHttpContext Context(Dictionary<string, string?> settings, string? functionKey, string query)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSchedulerApi();
        var context = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        context.Request.Method = "POST";
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        if (functionKey is not null)
        {
            // As the dashboard sends it: the host reads x-functions-key, the worker then finds the same key's role.
            context.Request.Headers[ApiKeyVerifier.FunctionKeyHeader] = functionKey;
        }

        return context;
    }
}

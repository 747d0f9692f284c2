using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Scheduler.Bench.Peers;

/// <summary>The child process of a peer (Quartz.NET, Hangfire): <c>GET /ready</c>, and <c>POST /submit</c> with a JSON array of
/// <see cref="PeerJob"/> that the peer schedules through its own client API, 16 at a time. Settings come from the environment.</summary>
internal static class PeerHost
{
    public static readonly HttpClient Sink = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task RunAsync(string[] args, Func<PeerJob, Task> schedule, Func<Task> stop)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/ready", () => Results.Ok());
        app.MapPost("/submit", async (HttpRequest request) =>
        {
            var jobs = await request.ReadFromJsonAsync<PeerJob[]>() ?? [];
            try
            {
                await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (job, _) => await schedule(job));
                return Results.Ok(jobs.Length);
            }
            catch (Exception ex)
            {
                return Results.Problem(ex.ToString());
            }
        });
        app.Lifetime.ApplicationStopping.Register(() => stop().GetAwaiter().GetResult());
        await app.RunAsync();
    }

    public static string Setting(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set.");
}

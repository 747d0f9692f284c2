using Scheduler.Server.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.AddSchedulerServer();

var app = builder.Build();
app.UseSchedulerServer();
await app.RunAsync().ConfigureAwait(false);

/// <summary>The Server host's entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;

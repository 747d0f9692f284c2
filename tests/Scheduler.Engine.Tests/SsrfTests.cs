using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Engine.Tests.Support;

namespace Scheduler.Engine.Tests;

/// <summary>The SSRF guard, end to end, on a host that does not allow loopback.</summary>
[Collection("engine")]
public sealed class SsrfTests(EngineFixture fixture)
{
    private static readonly Dictionary<string, string?> Guarded = new() { ["Scheduler:Targets:Http:AllowLoopback"] = "false" };

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    public async Task LiteralRefusedAddress_IsRefusedAtSubmission(string url)
    {
        await using var host = await new SchedulerApp(fixture.Azurite.NewOptions(), Guarded).StartedAsync();

        var created = await host.Get<JobService>().CreateAsync(Jobs.Webhook("ssrf-literal", url, DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal(ServiceStatus.Invalid, created.Status);
        Assert.Contains(created.Errors!.All, e => e.Field == "target.url");
        Assert.Null(await host.Get<IJobStore>().GetAsync("ssrf-literal", CancellationToken.None));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    public async Task RefusedAddress_ThatSlipsPastSubmission_IsRefusedAtConnectTime(string address)
    {
        await using var host = await new SchedulerApp(fixture.Azurite.NewOptions(), Guarded).StartedAsync();
        // Written straight to storage, as a job stored before the policy changed would be: only the connect-time guard stands.
        var url = $"http://{address}:{fixture.Sink.BaseAddress.Port}/ok/ssrf-{address}";
        var now = DateTimeOffset.UtcNow;
        var job = new Job { Definition = Jobs.Webhook("ssrf", url, now), NextDueUtc = now, ScheduleVersion = 1, CreatedUtc = now, UpdatedUtc = now };
        await host.Get<IDueIndex>().AddAsync(Core.Dispatch.DueEntryFactory.Scheduled(job, now, 1, now), CancellationToken.None);
        await host.Get<IJobStore>().InsertAsync(job, CancellationToken.None);

        var run = await Jobs.FinishedRunAsync(host.Get<IRunStore>(), "ssrf", TimeSpan.FromSeconds(60));

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(1, run.AttemptCount);
        Assert.Contains(address, run.LastError, StringComparison.Ordinal);
        Assert.Contains("not allowed", run.LastError, StringComparison.Ordinal);
        Assert.Empty(fixture.Sink.For($"ok/ssrf-{address}"));
    }
}

using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Scheduler.Api.Client;
using Scheduler.Api.Client.Models;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests.Contract;

/// <summary>The README's Try-it flow through the C# client Kiota generates from the committed document (tests/Scheduler.Api.Client),
/// against a real Server over real sockets: what a team that adopts the API by generating a client does first. Every answer is
/// also held to the document.</summary>
[Collection(ApiDefinition.Name)]
public sealed class GeneratedClientTests(ApiFixture fixture)
{
    [Fact]
    public async Task TryIt_ThroughTheGeneratedClient_CreatesTriggersListsReadsCancelsAndDeletes()
    {
        await using var server = await ServerProcess.StartAsync(fixture.Azurite.NewOptions());
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        using var recorder = new ContractRecorder(OpenApiContract.Committed());
        using var http = recorder.Client(server.BaseAddress, SchedulerApp.ApiKey);
        using var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = server.BaseAddress.GetLeftPart(UriPartial.Authority),
        };
        var client = new SchedulerClient(adapter);
        var id = JobBodies.Unique("tryit");

        // The README's job, its webhook pointed at a sink that fails, so that the run waits for its retry and can be cancelled.
        var job = await client.Api.Jobs.PostAsync(new JobDefinition
        {
            Id = id,
            Target = new TargetSpec
            {
                TargetSpecHttpTargetSpec = new TargetSpecHttpTargetSpec
                {
                    Type = TargetSpecHttpTargetSpec_type.Http, Url = fixture.Sink.Url($"fail/{id}"), Method = "POST", Body = "{\"report\":\"daily\"}",
                },
            },
            Schedule = new ScheduleSpec { Kind = ScheduleKind.Cron, Cron = "0 9 * * 1-5", TimeZone = "Europe/Paris" },
            Retry = new RetryPolicy { MaxAttempts = 3, FirstInterval = "00:01:00", Coefficient = 2, MaxInterval = "00:05:00", Jitter = 0 },
            Timeout = "00:00:30",
        });
        var trigger = await client.Api.Jobs[id].Trigger.PostAsync(new TriggerBody());
        var runs = await Eventually.GetAsync(() => client.Api.Jobs[id].Runs.GetAsync(), r => r?.Items is [{ Status: RunStatus.Retrying }], RunPolling.Timeout);
        var run = await client.Api.Runs[id][trigger!.RunId!].GetAsync();
        var canceled = await client.Api.Runs[id][trigger.RunId!].Cancel.PostAsync();
        await client.Api.Jobs[id].DeleteAsync();
        var gone = await Assert.ThrowsAsync<ProblemDetails>(() => client.Api.Jobs[id].GetAsync());

        Assert.Equal(JobStatus.Active, job!.Status);
        Assert.Null(job.LastRun);
        Assert.Equal(trigger.RunId, Assert.Single(runs!.Items!).RunId);
        Assert.Equal(RunStatus.Retrying, run!.Status);
        Assert.Equal(500, Assert.Single(run.Attempts!).StatusCode);
        Assert.NotNull(run.LastError);
        Assert.Equal(RunStatus.Canceled, canceled!.Status);
        Assert.Equal(404, gone.Status);
        Assert.True(recorder.Violations.Count == 0, string.Join("\n", recorder.Violations));
    }
}

using System.Net.Http.Headers;
using System.Text;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Schedules;
using Scheduler.Core.Serialization;
using Scheduler.Engine.Tests.Support;
using Scheduler.Testing;

namespace Scheduler.Engine.Tests.Dependencies;

/// <summary>A parent job and its child over the API of a running Server, and the runs they leave in storage.</summary>
internal static class ParentJobs
{
    public static JobDefinition Child(string id, string url, string parent, NotifyOn on) =>
        Jobs.Webhook(id, url, DateTimeOffset.UtcNow) with
        {
            Schedule = new ScheduleSpec { Kind = ScheduleKind.None },
            After = [new ParentRule { Job = parent, On = on }],
        };

    public static async Task CreateAsync(HttpClient api, JobDefinition job)
    {
        using var content = new StringContent(SchedulerJson.Serialize(job), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await api.PostAsync(new Uri("api/jobs", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, $"create {job.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The job's runs once the parent's run has ended and carried out all its follow-ups (so no child run can still come)
    /// and the child has a finished run.</summary>
    public static async Task<(Run Parent, IReadOnlyList<Run> Children)> SettledAsync(IRunStore runs, string parent, string child, TimeSpan within)
    {
        var parentRun = await Eventually.GetAsync(
            async () => (await runs.ListByJobAsync(parent, 10, null, CancellationToken.None)).Items.SingleOrDefault(),
            r => r is not null && r.Status.IsTerminal() && !r.FollowUpsPending,
            within,
            TimeSpan.FromMilliseconds(100),
            $"the run of {parent} ended with its follow-ups done");
        var children = await Eventually.GetAsync(
            async () => (await runs.ListByJobAsync(child, 10, null, CancellationToken.None)).Items,
            items => items.Count > 0 && items.All(r => r.Status.IsTerminal()),
            within,
            TimeSpan.FromMilliseconds(100),
            $"a finished run of {child}");
        return (parentRun!, children);
    }
}

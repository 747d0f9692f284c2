using System.Net.Http.Headers;
using System.Text;
using Scheduler.Testing;
using Scheduler.Core.Jobs;
using Scheduler.Core.Serialization;
using Scheduler.Engine.Tests.Support;

namespace Scheduler.Engine.Tests.Faults;

/// <summary>A stream of once-jobs due one after another, created over HTTP, and what the sink saw of them: lost runs,
/// early starts, deliveries per run, and the start lateness of each run (first delivery minus due time).</summary>
public sealed class RunSeries(ScriptedSink sink, string prefix, IReadOnlyList<DateTimeOffset> dues)
{
    public static RunSeries Every(ScriptedSink sink, string prefix, int count, DateTimeOffset first, TimeSpan spacing) =>
        new(sink, prefix, Enumerable.Range(0, count).Select(i => first + (spacing * i)).ToList());

    public IReadOnlyList<DateTimeOffset> Dues => dues;

    private string route = "ok";

    public string Path(int i) => $"{route}/{prefix}-{i:D3}";

    /// <summary>Creates the jobs; <paramref name="route"/> is the sink's behaviour (<c>ok</c>, <c>slow/600</c>...).</summary>
    public async Task CreateAsync(HttpClient api, TimeSpan jobTimeout, string route = "ok")
    {
        this.route = route;
        for (var i = 0; i < dues.Count; i++)
        {
            var job = Jobs.Webhook($"{prefix}-{i:D3}", sink.Url(Path(i)), dues[i], timeout: jobTimeout);
            using var content = new StringContent(SchedulerJson.Serialize<JobDefinition>(job), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await api.PostAsync(new Uri("api/jobs", UriKind.Relative), content);
            Assert.True(response.IsSuccessStatusCode, $"create {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public int Delivered => Enumerable.Range(0, dues.Count).Count(i => sink.For(Path(i)).Count > 0);

    /// <summary>Waits until every run reached the sink at least once.</summary>
    public Task AllDeliveredAsync(TimeSpan timeout) =>
        Scheduler.Testing.Eventually.GetAsync(() => Task.FromResult(Delivered), n => n == dues.Count, timeout, TimeSpan.FromMilliseconds(100));

    /// <summary>Start lateness of run <paramref name="i"/>: its first delivery minus its due time.</summary>
    public TimeSpan Lateness(int i) => sink.For(Path(i)).Min(h => h.ReceivedUtc) - dues[i];

    /// <summary>Runs delivered more than once (at least once is the promise; each repeat must carry the same Idempotency-Key).</summary>
    public int Repeated => Enumerable.Range(0, dues.Count).Count(i => sink.For(Path(i)).Count > 1);

    public void AssertNoneEarlyAndKeysStable()
    {
        for (var i = 0; i < dues.Count; i++)
        {
            var hits = sink.For(Path(i));
            Assert.True(hits.Min(h => h.ReceivedUtc) >= dues[i], $"run {i} started {dues[i] - hits.Min(h => h.ReceivedUtc)} early");
            Assert.Single(hits.Select(h => h.IdempotencyKey).Distinct());
        }
    }

    public static TimeSpan Percentile(IEnumerable<TimeSpan> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

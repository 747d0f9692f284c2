using Scheduler.Core.Jobs;
using Scheduler.Core.Targets;
using Scheduler.Core.Tests.Fakes;
using Scheduler.Core.Tests.Support;
using Scheduler.Core.Validation;

namespace Scheduler.Core.Tests.Validation;

public sealed class JobValidatorTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private readonly JobValidator validator = new EngineHarness().Validator;

    [Fact]
    public async Task Validate_ValidHttpJob_HasNoErrors()
    {
        var errors = await validator.ValidateAsync(Valid(), CancellationToken.None);

        Assert.True(errors.IsValid, string.Join("; ", errors.All.Select(e => e.Field)));
    }

    [Fact]
    public async Task Validate_CronWithSevenFields_NamesScheduleCron()
    {
        var job = Valid() with { Schedule = TestJobs.Cron("0 0 9 * * 1 2025") };

        Assert.Equal(["schedule.cron"], await FieldsOf(job));
    }

    [Fact]
    public async Task Validate_UnknownTimeZone_NamesScheduleTimeZone()
    {
        var job = Valid() with { Schedule = TestJobs.Cron("0 9 * * *", "Mars/Olympus_Mons") };

        Assert.Equal(["schedule.timeZone"], await FieldsOf(job));
    }

    [Theory]
    [InlineData("/hooks/relative")]
    [InlineData("example.com/hook")]
    [InlineData("ftp://example.com/file")]
    [InlineData("https://user:secret@example.com/hook")]
    public async Task Validate_UrlNotAbsoluteHttp_NamesTargetUrl(string url)
    {
        var job = Valid() with { Target = new HttpTargetSpec { Url = url } };

        Assert.Equal(["target.url"], await FieldsOf(job));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(6 * 3600 + 1)]
    public async Task Validate_TimeoutOutOfRange_NamesTimeout(int seconds)
    {
        var job = Valid() with { Timeout = TimeSpan.FromSeconds(seconds) };

        Assert.Equal(["timeout"], await FieldsOf(job));
    }

    [Fact]
    public async Task Validate_TimeoutOfExactlySixHours_IsValid()
    {
        Assert.Empty(await FieldsOf(Valid() with { Timeout = TimeSpan.FromHours(6) }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public async Task Validate_RetryAttemptsOutOfRange_NamesRetryMaxAttempts(int attempts)
    {
        var job = Valid() with { Retry = RetryPolicy.Default with { MaxAttempts = attempts } };

        Assert.Equal(["retry.maxAttempts"], await FieldsOf(job));
    }

    [Fact]
    public async Task Validate_BodyOver16KiB_NamesTargetBody()
    {
        var atLimit = Valid() with { Target = new HttpTargetSpec { Url = "https://example.com/", Body = new string('x', 16 * 1024) } };
        var over = Valid() with { Target = new HttpTargetSpec { Url = "https://example.com/", Body = new string('x', 16 * 1024 + 1) } };

        Assert.Empty(await FieldsOf(atLimit));
        Assert.Equal(["target.body"], await FieldsOf(over));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a:b")]
    [InlineData("")]
    public async Task Validate_IdWithForbiddenCharacter_NamesId(string id)
    {
        Assert.Equal(["id"], await FieldsOf(Valid() with { Id = id }));
    }

    [Theory]
    [InlineData("value\r\nX-Injected: 1")]
    [InlineData("value\n")]
    [InlineData("\rvalue")]
    public async Task Validate_HeaderValueWithCrOrLf_NamesThatHeader(string value)
    {
        var headers = new Dictionary<string, string> { ["X-Trace"] = value };
        var job = Valid() with { Target = new HttpTargetSpec { Url = "https://example.com/", Headers = headers } };

        Assert.Equal(["target.headers.X-Trace"], await FieldsOf(job));
    }

    [Fact]
    public async Task Validate_CommandTargetNotEnabled_NamesTargetType()
    {
        var job = Valid() with { Target = new CommandTargetSpec { Program = "/bin/true" } };

        Assert.Equal(["target.type"], await FieldsOf(job));
    }

    [Fact]
    public async Task Validate_KindTheRegistryDoesNotRun_GivesTheRegistrysReason()
    {
        var job = Valid() with { Target = new CommandTargetSpec { Program = "/bin/true" } };

        var errors = await validator.ValidateAsync(job, CancellationToken.None);

        Assert.Equal("'command' is not enabled in this test", Assert.Single(errors.All).Message);
    }

    [Fact]
    public async Task Validate_CommandTargetWhenEnabled_IsValid()
    {
        var enabled = new JobValidator(new FakeTargetExecutorRegistry(new FakeExecutor(TimeProvider.System, TargetKinds.Command)), []);

        var errors = await enabled.ValidateAsync(Valid() with { Target = new CommandTargetSpec { Program = "/bin/true" } }, CancellationToken.None);

        Assert.True(errors.IsValid);
    }

    [Fact]
    public async Task Validate_SeveralMistakes_NamesEachField()
    {
        var job = Valid() with
        {
            Id = "bad/id",
            Timeout = TimeSpan.FromSeconds(-5),
            Schedule = TestJobs.Cron("* * *", "Nowhere/City"),
        };

        Assert.Equal(["id", "schedule.cron", "schedule.timeZone", "timeout"], (await FieldsOf(job)).Order(StringComparer.Ordinal));
    }

    private static JobDefinition Valid() => TestJobs.Http("job-1", TestJobs.Once(T.AddMinutes(5)));

    private async Task<IReadOnlyList<string>> FieldsOf(JobDefinition job) =>
        (await validator.ValidateAsync(job, CancellationToken.None)).All.Select(e => e.Field).Distinct().ToList();
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SigningService.Jobs;
using SigningService.Storage;

namespace SigningService.Tests.Jobs;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

public sealed class JobUnitTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ss-jobs-").FullName;
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private Job NewJob() => new(JobIds.New(), "sign-blob", new object(), JobWorkspace.Create(_root, JobIds.New()), _time.GetUtcNow());

    [Fact]
    public void RequestCancel_Queued_FinishesAtOnceAndWorkerSkipsIt()
    {
        var job = NewJob();

        Assert.True(job.RequestCancel(_time.GetUtcNow()));

        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.True(job.Finished.IsCompleted);
        Assert.False(job.TryStart(_time.GetUtcNow()));
    }

    [Fact]
    public void RequestCancel_Running_SignalsTokenAndKeepsRunningUntilWorkerEnds()
    {
        var job = NewJob();
        job.TryStart(_time.GetUtcNow());

        Assert.True(job.RequestCancel(_time.GetUtcNow()));

        Assert.True(job.Cancellation.IsCancellationRequested);
        Assert.Equal(JobStatus.Running, job.Status);
        job.MarkCancelled(_time.GetUtcNow());
        Assert.Equal(JobStatus.Cancelled, job.Status);
    }

    [Fact]
    public void Finish_Twice_FirstFinalStateWins()
    {
        var job = NewJob();
        job.TryStart(_time.GetUtcNow());
        job.Succeed(new JsonObject { ["ok"] = true }, _time.GetUtcNow());

        job.Fail(new JobError("/problems/internal", "x", 500, null), _time.GetUtcNow());

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.False(job.RequestCancel(_time.GetUtcNow()));
    }

    [Fact]
    public void Sweep_RemovesOnlyJobsFinishedBeforeRetention()
    {
        var store = new InMemoryJobStore();
        var options = Options.Create(new JobOptions { Retention = TimeSpan.FromMinutes(10) });
        var sweeper = new JobExpiryService(store, options, _time, NullLogger<JobExpiryService>.Instance);
        var old = NewJob();
        var recent = NewJob();
        var running = NewJob();
        foreach (var j in new[] { old, recent, running })
        {
            store.Add(j);
            j.TryStart(_time.GetUtcNow());
        }
        old.Succeed([], _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(6));
        recent.Succeed([], _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, sweeper.Sweep());

        Assert.Null(store.Find(old.Id));
        Assert.False(Directory.Exists(old.Workspace.Root));
        Assert.NotNull(store.Find(recent.Id));
        Assert.NotNull(store.Find(running.Id));
    }

    [Fact]
    public void JobIds_UnguessableAndValidated()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => JobIds.New()).ToHashSet();

        Assert.Equal(1000, ids.Count);
        Assert.All(ids, id => Assert.True(JobIds.LooksValid(id)));
        Assert.False(JobIds.LooksValid("../../etc/passwd"));
    }

    [Theory]
    [InlineData("wait=5", 5)]
    [InlineData("respond-async, wait=10", 10)]
    [InlineData("wait=600", 60)]
    [InlineData("WAIT = 3", 3)]
    [InlineData("wait=-1", null)]
    [InlineData("wait=abc", null)]
    [InlineData("return=minimal", null)]
    public void PreferWait_Parse(string header, int? expected)
    {
        var wait = PreferWait.Parse([header], 60);

        Assert.Equal(expected is null ? null : TimeSpan.FromSeconds(expected.Value), wait);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

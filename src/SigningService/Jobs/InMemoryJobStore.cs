using System.Collections.Concurrent;

namespace SigningService.Jobs;

public sealed class InMemoryJobStore : IJobStore
{
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);

    public int Count => _jobs.Count;

    public void Add(Job job)
    {
        if (!_jobs.TryAdd(job.Id, job))
        {
            throw new InvalidOperationException("duplicate job id");
        }
    }

    public Job? Find(string id) => _jobs.GetValueOrDefault(id);

    public bool Remove(string id) => _jobs.TryRemove(id, out _);

    public IReadOnlyList<Job> FinishedBefore(DateTimeOffset cutoff) =>
        [.. _jobs.Values.Where(j => j.IsFinished && j.FinishedAt <= cutoff)];
}

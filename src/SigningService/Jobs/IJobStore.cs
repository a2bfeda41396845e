namespace SigningService.Jobs;

/// <summary>Where jobs live between submission and expiry. In memory by default.</summary>
public interface IJobStore
{
    void Add(Job job);
    Job? Find(string id);
    bool Remove(string id);

    /// <summary>Finished jobs whose FinishedAt is at or before <paramref name="cutoff"/>.</summary>
    IReadOnlyList<Job> FinishedBefore(DateTimeOffset cutoff);

    int Count { get; }
}

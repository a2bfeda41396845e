namespace SigningService.Registry;

/// <summary>
/// One async lock per signature target (repository + digest). cosign appends signatures to an image
/// read-modify-write, so two writers racing on one digest lose a signature; the service makes them
/// take turns. In-process only: several service instances need a shared lock.
/// </summary>
public sealed class ImageWriteLocks
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Targets currently locked or awaited (entries go away with their last user).</summary>
    public int ActiveKeys
    {
        get { lock (_gate) { return _entries.Count; } }
    }

    /// <summary>The key for writes of signatures for <paramref name="digest"/> into <paramref name="repository"/>.</summary>
    public static string KeyFor(ImageReference repository, string digest) =>
        $"{repository.Registry.ToLowerInvariant()}/{repository.Repository}@{digest}";

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }
            entry.Users++;
        }
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, entry);
            throw;
        }
        return new Holder(this, key, entry);
    }

    private void Leave(string key, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Holder(ImageWriteLocks owner, string key, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Leave(key, entry);
            }
        }
    }
}

using System.Collections.Concurrent;

namespace SigningService.Keys;

/// <summary>Every key the service can use, by name. Filled at start by <see cref="KeyRegistryLoader"/>.</summary>
public sealed class KeyRegistry
{
    public static readonly System.Diagnostics.ActivitySource Activity = new("SigningService.Keys");

    private readonly ConcurrentDictionary<string, SigningKey> _keys = new(StringComparer.Ordinal);

    public string? DefaultKey { get; internal set; }

    public bool Loaded { get; internal set; }

    public IEnumerable<SigningKey> All => _keys.Values.OrderBy(k => k.Name, StringComparer.Ordinal);

    public SigningKey? Find(string name) => _keys.GetValueOrDefault(name);

    /// <summary>The key as cosign needs it for one job (a span records the step); fails the job if it is gone.</summary>
    public async Task<CosignKeyReference> ResolveForCosignAsync(string name, string jobId, CancellationToken cancellationToken)
    {
        using var activity = Activity.StartActivity("key.resolve");
        activity?.SetTag("key.name", name);
        var key = Find(name) ?? throw new Jobs.JobFailedException(Errors.Problems.KeyUnavailable, "The key is no longer configured.");
        activity?.SetTag("key.kind", key.Kind);
        try
        {
            return await key.ForCosignAsync(jobId, cancellationToken);
        }
        catch (IOException)
        {
            throw new Jobs.JobFailedException(Errors.Problems.KeyUnavailable, $"The key '{name}' could not be read.");
        }
    }

    public void Add(SigningKey key)
    {
        if (!_keys.TryAdd(key.Name, key))
        {
            throw new InvalidOperationException($"Two keys are named '{key.Name}'.");
        }
    }
}

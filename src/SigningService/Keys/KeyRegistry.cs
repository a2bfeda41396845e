using System.Collections.Concurrent;

namespace SigningService.Keys;

/// <summary>Every key the service can use, by name. Filled at start by <see cref="KeyRegistryLoader"/>.</summary>
public sealed class KeyRegistry
{
    private readonly ConcurrentDictionary<string, SigningKey> _keys = new(StringComparer.Ordinal);

    public string? DefaultKey { get; internal set; }

    public bool Loaded { get; internal set; }

    public IEnumerable<SigningKey> All => _keys.Values.OrderBy(k => k.Name, StringComparer.Ordinal);

    public SigningKey? Find(string name) => _keys.GetValueOrDefault(name);

    public void Add(SigningKey key)
    {
        if (!_keys.TryAdd(key.Name, key))
        {
            throw new InvalidOperationException($"Two keys are named '{key.Name}'.");
        }
    }
}

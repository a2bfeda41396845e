using Microsoft.Extensions.Options;

namespace SigningService.Tests.Registry;

/// <summary>Fixed options for unit tests; change notifications are not needed here.</summary>
public sealed class TestOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SigningService.Tests.Infrastructure;

/// <summary>
/// Keeps every log entry at every level — formatted message, structured values, scopes and exception —
/// so tests can search all of it for secrets.
/// </summary>
public sealed class InMemoryLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public string AllText => string.Join('\n', _entries);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(InMemoryLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new System.Text.StringBuilder($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append($" {key}={value}");
                }
            }
            owner._scopes.ForEachScope((scope, builder) => builder.Append($" scope={Flatten(scope)}"), text);
            text.Append(' ').Append(exception);
            owner._entries.Enqueue(text.ToString());
        }

        private static string? Flatten(object? scope) => scope is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(',', pairs.Select(p => $"{p.Key}={p.Value}"))
            : scope is IEnumerable<KeyValuePair<string, object>> objects ? string.Join(',', objects.Select(p => $"{p.Key}={p.Value}")) : scope?.ToString();
    }
}

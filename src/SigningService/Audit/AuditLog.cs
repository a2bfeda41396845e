using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SigningService.Storage;

namespace SigningService.Audit;

/// <summary>
/// Append-only JSON Lines with a hash chain. One writer: appends are serialized by a lock, each
/// line is flushed to disk before Append returns, and a failure throws (callers fail closed).
/// </summary>
public sealed partial class AuditLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger<AuditLog> _logger;
    private FileStream? _file;
    private string _prev = AuditChain.Genesis;
    private long _seq;

    public AuditLog(IOptions<AuditOptions> options, IOptions<StorageOptions> storage, TimeProvider time, ILogger<AuditLog> logger)
    {
        _time = time;
        _logger = logger;
        FilePath = Path.GetFullPath(options.Value.Path ?? Path.Combine(storage.Value.Root, "audit.jsonl"));
    }

    public string FilePath { get; }

    public void Append(AuditEntry entry)
    {
        lock (_gate)
        {
            var file = _file ??= Open();
            var line = Serialize(entry, _seq + 1, _time.GetUtcNow(), _prev);
            file.Write(Encoding.UTF8.GetBytes(line + "\n"));
            file.Flush(flushToDisk: true);
            _seq++;
            _prev = AuditChain.HashLine(line);
            // The head hash in the service's own log is an anchor outside the file: an edit of the
            // last line (which no later record covers) shows up against it.
            LogAppended(_logger, _seq, entry.Event, entry.Result, _prev);
        }
    }

    private FileStream Open()
    {
        var folder = Path.GetDirectoryName(FilePath)!;
        if (!Directory.Exists(folder))
        {
            PrivateFiles.CreateFolder(folder);
        }
        if (File.Exists(FilePath))
        {
            (_seq, _prev) = ReadHead(FilePath);
        }
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        var stream = new FileStream(FilePath, options);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return stream;
    }

    /// <summary>Continues an existing log: the sequence number and hash of its last line.</summary>
    private static (long Seq, string Prev) ReadHead(string path)
    {
        string? last = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0)
            {
                last = line;
            }
        }
        if (last is null)
        {
            return (0, AuditChain.Genesis);
        }
        using var doc = JsonDocument.Parse(last);
        return (doc.RootElement.GetProperty("seq").GetInt64(), AuditChain.HashLine(last));
    }

    internal static string Serialize(AuditEntry e, long seq, DateTimeOffset time, string prev)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("seq", seq);
            w.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("event", e.Event);
            w.WriteString("principal", e.Principal);
            w.WriteString("operation", e.Operation);
            w.WriteString("key", e.Key);
            w.WriteString("artifact", e.Artifact);
            w.WriteString("digest", e.Digest);
            w.WriteString("result", e.Result);
            w.WriteString("reason", e.Reason);
            w.WriteString("jobId", e.JobId);
            w.WriteString("traceId", e.TraceId ?? CurrentTraceId());
            if (e.TlogIndex is { } index)
            {
                w.WriteNumber("tlogIndex", index);
            }
            else
            {
                w.WriteNull("tlogIndex");
            }
            w.WriteString("prev", prev);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string? CurrentTraceId() => Activity.Current?.TraceId.ToHexString();

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Audit record {Seq} ({Event}, {Result}) appended; chain head {Head}")]
    private static partial void LogAppended(ILogger logger, long seq, string @event, string result, string head);
}

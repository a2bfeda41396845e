using System.Diagnostics;
using OpenTelemetry;

namespace SigningService.Telemetry;

/// <summary>
/// Writes finished spans to stdout, one line each, for development (OTEL_TRACES_EXPORTER=console).
/// The OpenTelemetry console exporter package is not available here, and one line per span is enough.
/// </summary>
internal sealed class ConsoleActivityExporter : BaseExporter<Activity>
{
    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var activity in batch)
        {
            var tags = string.Join(' ', activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            Console.Out.WriteLine(
                $"span {activity.TraceId}/{activity.SpanId} parent={activity.ParentSpanId} {activity.Source.Name} \"{activity.DisplayName}\" " +
                $"{activity.Duration.TotalMilliseconds:F1}ms status={activity.Status} {tags}");
        }
        return ExportResult.Success;
    }
}

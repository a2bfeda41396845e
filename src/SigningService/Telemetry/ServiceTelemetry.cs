using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SigningService.Telemetry;

/// <summary>
/// Registers the OpenTelemetry SDK by hand (OpenTelemetry.Extensions.Hosting is not available):
/// providers are built at start and disposed on shutdown, which flushes their exporters.
/// Exporters follow the standard variables: OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER
/// (otlp, console, none; otlp by default when OTEL_EXPORTER_OTLP_ENDPOINT is set), OTEL_SERVICE_NAME,
/// OTEL_RESOURCE_ATTRIBUTES and the OTLP exporter's own OTEL_EXPORTER_OTLP_* settings.
/// </summary>
public static class ServiceTelemetry
{
    /// <summary>Every ActivitySource of the service: one per component.</summary>
    public static readonly string[] Sources =
    [
        "Microsoft.AspNetCore", "SigningService.Jobs", "SigningService.Cosign", "SigningService.Registry",
        "SigningService.Keys", "SigningService.Hsm", "SigningService.KmsRelay",
    ];

    public static IServiceCollection AddServiceTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => BuildTracerProvider(configuration));
        services.AddSingleton(_ => BuildMeterProvider(configuration));
        services.AddHostedService<TelemetryLifetime>();
        return services;
    }

    private static string Exporter(IConfiguration configuration, string variable) =>
        configuration[variable] ?? (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } ? "otlp" : "none");

    private static ResourceBuilder Resource() => ResourceBuilder.CreateDefault().AddService("signingservice");

    private static TracerProvider BuildTracerProvider(IConfiguration configuration)
    {
        // Always sample: job views show trace ids, and incoming traceparent headers are honoured.
        var builder = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(Resource())
            .AddSource(Sources)
            .SetSampler(new ParentBasedSampler(new AlwaysOnSampler()));
        foreach (var exporter in Exporter(configuration, "OTEL_TRACES_EXPORTER").Split(',', StringSplitOptions.TrimEntries))
        {
            _ = exporter switch
            {
                "otlp" => builder.AddOtlpExporter(),
                "console" => builder.AddProcessor(new SimpleActivityExportProcessor(new ConsoleActivityExporter())),
                _ => builder,
            };
        }
        return builder.Build()!;
    }

    private static MeterProvider BuildMeterProvider(IConfiguration configuration)
    {
        var builder = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(Resource())
            .AddMeter(ServiceMetrics.MeterName);
        if (Exporter(configuration, "OTEL_METRICS_EXPORTER").Split(',', StringSplitOptions.TrimEntries).Contains("otlp"))
        {
            builder.AddOtlpExporter();
        }
        return builder.Build()!;
    }
}

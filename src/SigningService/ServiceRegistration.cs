using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using SigningService.Auth;
using SigningService.Attestation;
using SigningService.Cosign;
using SigningService.Errors;
using SigningService.Health;
using SigningService.Hsm;
using SigningService.Jobs;
using SigningService.Keys;
using SigningService.Processes;
using SigningService.Registry;
using SigningService.Requests;
using SigningService.Signing;
using SigningService.Storage;
using SigningService.Telemetry;
using SigningService.Uploads;
using SigningService.Verification;

namespace SigningService;

/// <summary>Everything the service registers, in the order hosted services must start.</summary>
public static class ServiceRegistration
{
    public static WebApplicationBuilder AddSigningService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Answers the framework makes itself (404 from routing, 415 from content-type matching) get our types too.
            var details = ctx.ProblemDetails;
            if (details.Type?.StartsWith("/problems/", StringComparison.Ordinal) != true
                && Problems.ForStatus(details.Status ?? 500) is { } kind)
            {
                details.Type = kind.Type;
                details.Title = kind.Title;
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.MaxDepth = 32;
        });
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<OpenApi.DocumentInfoTransformer>();
            o.AddDocumentTransformer<OpenApi.BearerSecurityTransformer>();
            o.AddOperationTransformer<OpenApi.BearerSecurityTransformer>();
        });

        AddValidatedOptions<CosignOptions>(services, CosignOptions.Section);
        AddValidatedOptions<StorageOptions>(services, StorageOptions.Section);
        AddValidatedOptions<UploadOptions>(services, UploadOptions.Section);
        AddValidatedOptions<JobOptions>(services, JobOptions.Section);
        AddValidatedOptions<Resilience.ResilienceOptions>(services, Resilience.ResilienceOptions.Section);
        AddValidatedOptions<JsonBodyOptions>(services, JsonBodyOptions.Section);
        services.AddOptions<KeysOptions>().BindConfiguration(KeysOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<KeysOptions>, KeysOptionsValidator>();

        var maxFile = builder.Configuration.GetValue<long?>($"{UploadOptions.Section}:{nameof(UploadOptions.MaxFileBytes)}")
            ?? new UploadOptions().MaxFileBytes;
        // Kestrel's own cap sits just above ours, so our 413 (with its problem type) normally answers first.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxFile + (8L << 20));
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = maxFile + (8L << 20));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IProcessRunner, ProcessRunner>();
        services.AddSingleton<CosignInfo>();
        services.AddSingleton<Resilience.RemotePipelines>();
        services.AddSingleton<CosignCli>();
        services.AddSingleton<KeyRegistry>();
        services.AddSingleton<IJobStore, InMemoryJobStore>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<JobSubmitter>();
        services.AddSingleton<UploadEndpoint>();
        services.AddSingleton<FormMaterial>();
        services.AddSingleton<IJobHandler, SignBlobHandler>();
        services.AddSingleton<IJobHandler, VerifyBlobHandler>();

        // Telemetry first, so that everything after it is traced; the container disposes the providers.
        services.AddServiceTelemetry(builder.Configuration);
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // Images: registry access (credentials, CA trust) and one write lock per signature target.
        services.AddRegistryServices();
        services.AddSingleton<JsonBody>();
        services.AddSingleton<ImageWriteLocks>();
        services.AddSingleton<RegistryCosign>();
        services.AddSingleton<ImageSigner>();
        services.AddSingleton<IJobHandler, SignImageHandler>();
        services.AddSingleton<IJobHandler, Signing.BuildReports.SignBuildReportHandler>();
        services.AddSingleton<IJobHandler, AttestImageHandler>();
        services.AddSingleton<IJobHandler, AttestBlobHandler>();
        services.AddSingleton<IJobHandler, VerifyImageHandler>();
        services.AddSingleton<IJobHandler, VerifyAttestationHandler>();
        services.AddSingleton<IJobHandler, VerifyBlobAttestationHandler>();

        // Start order matters: cosign must be probed before keys are generated, keys before workers.
        services.AddHostedService<CosignProbe>();
        services.AddHsm(); // token pools, HSM keys, KMS relay: before the key loader and workers
        services.AddHostedService<KeyRegistryLoader>();
        services.AddSingleton<JobWorkerPool>();
        services.AddHostedService(sp => sp.GetRequiredService<JobWorkerPool>());
        services.AddSingleton<JobExpiryService>();
        services.AddHostedService(sp => sp.GetRequiredService<JobExpiryService>());

        // Last, so the audit listener replaces any IKmsSignatureListener registered above.
        builder.AddSecurity();

        services.AddHealthChecks().AddCheck<ReadinessCheck>("service", tags: [HealthApi.ReadyTag]);
        return builder;
    }

    private static void AddValidatedOptions<T>(IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}

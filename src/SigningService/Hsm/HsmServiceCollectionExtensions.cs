using Microsoft.Extensions.Options;
using SigningService.Health;
using SigningService.Keys;
using SigningService.KmsRelay;

namespace SigningService.Hsm;

public static class HsmServiceCollectionExtensions
{
    /// <summary>
    /// Token pools, HSM keys and the KMS relay cosign signs through. Register before the key registry
    /// loader and the workers: hosted services start in registration order.
    /// Registered whether or not tokens are configured: test hosts add their settings only when the host is built.
    /// </summary>
    public static IServiceCollection AddHsm(this IServiceCollection services)
    {
        services.AddOptions<HsmOptions>().BindConfiguration(HsmOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HsmOptions>, HsmOptionsValidator>();
        services.AddSingleton<IValidateOptions<KeysOptions>, HsmKeyOptionsValidator>();
        services.AddSingleton<HsmTokenPools>();
        services.AddSingleton<IKmsSignatureListener, LoggingKmsSignatureListener>();
        services.AddKmsRelay<HsmKmsKeySigner>();
        services.AddHostedService<HsmConnector>();
        services.AddSingleton<HsmKeyLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<HsmKeyLoader>());
        services.AddHealthChecks().AddCheck<HsmHealthCheck>("hsm", tags: [HealthApi.ReadyTag]);
        return services;
    }
}

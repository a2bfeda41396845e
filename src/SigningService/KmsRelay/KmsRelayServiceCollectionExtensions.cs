using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SigningService.KmsRelay;

public static class KmsRelayServiceCollectionExtensions
{
    // Registers the relay (options from "KmsRelay", token store, socket server, environment
    // factory). An IKmsKeySigner must be registered as well; IKmsSignatureListener is optional.
    public static IServiceCollection AddKmsRelay(this IServiceCollection services)
    {
        services.AddOptions<KmsRelayOptions>().BindConfiguration(KmsRelayOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KmsRelayOptions>, KmsRelayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CapabilityTokenStore>();
        services.TryAddSingleton<KmsRelayEndpoint>();
        services.TryAddSingleton<KmsRelayRequestHandler>();
        services.TryAddSingleton<KmsRelayEnvironmentFactory>();
        services.AddHostedService<KmsRelayServer>();
        return services;
    }

    public static IServiceCollection AddKmsRelay<TSigner>(this IServiceCollection services)
        where TSigner : class, IKmsKeySigner
    {
        services.TryAddSingleton<IKmsKeySigner, TSigner>();
        return services.AddKmsRelay();
    }
}

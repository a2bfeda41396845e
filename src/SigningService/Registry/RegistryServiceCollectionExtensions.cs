using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SigningService.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>Binds and validates "Registries" at start and registers the registry client and DOCKER_CONFIG writer.</summary>
    public static IServiceCollection AddRegistryServices(this IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RegistryOptions>, RegistryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RegistryHttpClients>();
        services.TryAddSingleton<RegistryAuthenticator>();
        services.TryAddSingleton<RegistryClient>();
        services.TryAddSingleton<DockerConfigWriter>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SigningService.Auth.ApiKeys;
using SigningService.Auth.Jwt;

namespace SigningService.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Binds <c>Auth:Oidc</c> (validated at start) and registers <see cref="JwtValidator"/> as a singleton.</summary>
    public static IServiceCollection AddOidcJwtValidation(this IServiceCollection services, string sectionName = JwtValidationOptions.SectionName)
    {
        services.AddOptions<JwtValidationOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JwtValidationOptions>, JwtValidationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(JwksProviderRegistry.HttpClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("SigningService-JWKS/1"))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                UseCookies = false,
                UseProxy = true,
                MaxAutomaticRedirections = 3,
                ConnectTimeout = TimeSpan.FromSeconds(10),
            });
        services.TryAddSingleton<JwksProviderRegistry>();
        services.TryAddSingleton<JwtValidator>();
        return services;
    }

    /// <summary>Binds <c>Auth:ApiKeys</c> (validated at start) and registers <see cref="ApiKeyHasher"/> as a singleton.</summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services, string sectionName = ApiKeyOptions.SectionName)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>());
        services.TryAddSingleton<ApiKeyHasher>();
        return services;
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SigningService.Audit;
using SigningService.Auth.Access;
using SigningService.KmsRelay;
using SigningService.Limits;

namespace SigningService.Auth;

/// <summary>Authentication, authorization policies, audit log and limits, registered and wired in one place.</summary>
public static class SecurityRegistration
{
    public const int MaxRequestHeadersTotalBytes = 32 * 1024;
    public const int MaxRequestHeaderCount = 64;

    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddApiKeyAuthentication();
        services.AddOidcJwtValidation();
        services.AddSingleton<IAccessPolicy, ConfiguredAccessPolicy>();
        services.AddSingleton<AccessGate>();

        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddSingleton<AuditLog>();
        services.AddSingleton<JobAuditRecorder>();
        // The audit listener replaces any default (e.g. a logging one): every HSM signature must be audited.
        services.RemoveAll<IKmsSignatureListener>();
        services.AddSingleton<IKmsSignatureListener, AuditKmsSignatureListener>();

        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        // Default deny: every endpoint needs an authenticated caller unless it is marked AllowAnonymous.
        services.AddAuthorizationBuilder().SetFallbackPolicy(
            new AuthorizationPolicyBuilder(BearerAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
        services.AddPrincipalRateLimits();

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalBytes;
            k.Limits.MaxRequestHeaderCount = MaxRequestHeaderCount;
        });
        return builder;
    }

    /// <summary>Call after the exception handler and before endpoints: header rules, authentication, rate limits, authorization.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseHeaderRules();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}

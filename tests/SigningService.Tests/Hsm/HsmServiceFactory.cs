using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using SigningService.Hsm;
using SigningService.KmsRelay;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.KmsRelay;

namespace SigningService.Tests.Hsm;

/// <summary>The service with HSM settings, a listener that counts released signatures, and captured logs.</summary>
public sealed class HsmServiceFactory(IDictionary<string, string?> settings) : ServiceFactory(settings)
{
    internal RecordingListener Signatures { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public HsmTokenPools Pools => Services.GetRequiredService<HsmTokenPools>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureTestServices(s => s.AddSingleton<IKmsSignatureListener>(Signatures));
    }
}

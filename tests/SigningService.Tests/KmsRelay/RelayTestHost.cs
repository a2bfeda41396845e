using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SigningService.KmsRelay;

namespace SigningService.Tests.KmsRelay;

// Starts the real relay (DI registration, hosted service, Unix socket) in a private temp folder.
internal sealed class RelayTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IHostedService[] _hosted;
    private readonly DirectoryInfo _socketParent;

    private RelayTestHost(ServiceProvider provider, IHostedService[] hosted, DirectoryInfo socketParent)
    {
        (_provider, _hosted, _socketParent) = (provider, hosted, socketParent);
    }

    public KmsRelayEnvironmentFactory Environments => _provider.GetRequiredService<KmsRelayEnvironmentFactory>();
    public CapabilityTokenStore Tokens => _provider.GetRequiredService<CapabilityTokenStore>();
    public KmsRelayEndpoint Endpoint => _provider.GetRequiredService<KmsRelayEndpoint>();

    public static async Task<RelayTestHost> StartAsync(IKmsKeySigner signer, IKmsSignatureListener? listener = null, TimeProvider? clock = null)
    {
        var socketParent = Directory.CreateTempSubdirectory("kmsrelay-");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(signer);
        if (listener is not null)
        {
            services.AddSingleton(listener);
        }
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }
        services.AddKmsRelay();
        services.Configure<KmsRelayOptions>(o => o.SocketDirectory = socketParent.FullName);
        var provider = services.BuildServiceProvider(validateScopes: true);
        var hosted = provider.GetServices<IHostedService>().ToArray();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
        return new RelayTestHost(provider, hosted, socketParent);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }
        await _provider.DisposeAsync();
        _socketParent.Delete(recursive: true);
    }
}

using SigningService.Tests.Infrastructure.Registry;

namespace SigningService.Tests.Hsm;

/// <summary>Every test that loads the PKCS#11 module runs in this collection: one token store, one C_Initialize.</summary>
[CollectionDefinition(Name)]
public sealed class HsmCollection : ICollectionFixture<HsmCollectionFixture>
{
    public const string Name = "hsm";
}

/// <summary>
/// The token store, a plain registry, and one running service with HSM keys that may use that
/// registry, shared by the HSM test classes. The registry is the fixture's own (a collection
/// fixture cannot see another collection's fixtures), started before the service is made.
/// </summary>
public sealed class HsmCollectionFixture : IAsyncLifetime
{
    private readonly Lazy<HsmServiceFactory> _service;

    public HsmCollectionFixture()
    {
        Tokens = new SoftHsmTokens();
        _service = new(() =>
        {
            var settings = Tokens.ServiceSettings(maxSessions: 4);
            settings["Jobs:Workers"] = "8";
            settings["Registries:Hosts:0:Host"] = Registry.Host;
            settings["Registries:Hosts:0:Insecure"] = "true"; // loopback only
            return new HsmServiceFactory(settings);
        });
    }

    public SoftHsmTokens Tokens { get; }

    /// <summary>A plain-HTTP registry on 127.0.0.1 that the shared service is configured for.</summary>
    public RegistryServer Registry { get; private set; } = null!;

    public HsmServiceFactory Service => _service.Value;

    public async Task InitializeAsync() => Registry = await RegistryServer.StartPlainAsync();

    public async Task DisposeAsync()
    {
        if (_service.IsValueCreated)
        {
            _service.Value.Dispose();
        }
        if (Registry is not null)
        {
            await Registry.DisposeAsync();
        }
        Tokens.Dispose();
    }
}

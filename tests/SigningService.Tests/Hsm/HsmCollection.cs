namespace SigningService.Tests.Hsm;

/// <summary>Every test that loads the PKCS#11 module runs in this collection: one token store, one C_Initialize.</summary>
[CollectionDefinition(Name)]
public sealed class HsmCollection : ICollectionFixture<HsmCollectionFixture>
{
    public const string Name = "hsm";
}

/// <summary>The token store and one running service with HSM keys, shared by the HSM test classes.</summary>
public sealed class HsmCollectionFixture : IDisposable
{
    private readonly Lazy<HsmServiceFactory> _service;

    public HsmCollectionFixture()
    {
        Tokens = new SoftHsmTokens();
        _service = new(() =>
        {
            var settings = Tokens.ServiceSettings(maxSessions: 4);
            settings["Jobs:Workers"] = "8";
            return new HsmServiceFactory(settings);
        });
    }

    public SoftHsmTokens Tokens { get; }

    public HsmServiceFactory Service => _service.Value;

    public void Dispose()
    {
        if (_service.IsValueCreated)
        {
            _service.Value.Dispose();
        }
        Tokens.Dispose();
    }
}

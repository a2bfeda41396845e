namespace SigningService.Tests.Infrastructure.Registry;

/// <summary>One plain, one htpasswd and one TLS registry shared by a test collection.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    public RegistryServer Plain { get; private set; } = null!;

    public RegistryServer Authenticated { get; private set; } = null!;

    public RegistryServer Tls { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Plain = await RegistryServer.StartPlainAsync();
        Authenticated = await RegistryServer.StartBasicAuthAsync();
        Tls = await RegistryServer.StartTlsAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { Plain, Authenticated, Tls })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>A fresh repository name so tests sharing a registry never see each other's images.</summary>
    public static string UniqueRepository(string prefix = "test") => $"{prefix}/app-{Guid.NewGuid().ToString("N")[..12]}";
}

[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<RegistryFixture>
{
    public const string Name = "registries";
}

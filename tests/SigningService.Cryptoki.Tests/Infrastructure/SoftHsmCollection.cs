namespace SigningService.Cryptoki.Tests.Infrastructure;

[CollectionDefinition("softhsm")]
public sealed class SoftHsmCollection : ICollectionFixture<SoftHsmFixture>;

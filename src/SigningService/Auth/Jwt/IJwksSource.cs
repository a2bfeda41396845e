namespace SigningService.Auth.Jwt;

/// <summary>Where an issuer's JWKS document comes from; returns the raw bytes, bounded in size.</summary>
public interface IJwksSource
{
    Task<byte[]> FetchAsync(CancellationToken cancellationToken);
}

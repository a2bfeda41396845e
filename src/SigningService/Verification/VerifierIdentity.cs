namespace SigningService.Verification;

/// <summary>Whom a signature must come from: a key (configured or uploaded PEM) or a certificate identity.</summary>
public sealed record VerifierIdentity(
    string? PublicKeyPath,
    string? KeyName,
    string? CertificateIdentity,
    string? CertificateIdentityRegexp,
    string? CertificateOidcIssuer,
    string? CertificateOidcIssuerRegexp)
{
    public IEnumerable<string> Arguments()
    {
        if (PublicKeyPath is not null)
        {
            yield return "--key=" + PublicKeyPath;
            yield break;
        }
        // Values travel as --flag=value so that no value can be read as a flag of its own.
        if (CertificateIdentity is not null) yield return "--certificate-identity=" + CertificateIdentity;
        if (CertificateIdentityRegexp is not null) yield return "--certificate-identity-regexp=" + CertificateIdentityRegexp;
        if (CertificateOidcIssuer is not null) yield return "--certificate-oidc-issuer=" + CertificateOidcIssuer;
        if (CertificateOidcIssuerRegexp is not null) yield return "--certificate-oidc-issuer-regexp=" + CertificateOidcIssuerRegexp;
    }
}

using SigningService.Cryptoki.Keys;
using SigningService.Cryptoki.Pooling;
using SigningService.KmsRelay;

namespace SigningService.Keys;

/// <summary>
/// A key pair in a PKCS#11 token. cosign signs with it as `--key hsm://NAME` through the KMS plugin,
/// which relays to this service's session pool; the job's capability token lives only in cosign's environment.
/// </summary>
public sealed class HsmSigningKey(
    string name, string tokenName, HsmTokenPool pool, HsmKeySelector selector, HsmPublicKey publicKey, KmsRelayEnvironmentFactory relay)
    : SigningKey(name, "hsm", publicKey.Pem)
{
    public string TokenName { get; } = tokenName;
    public HsmTokenPool Pool { get; } = pool;
    public HsmKeySelector Selector { get; } = selector;
    public HsmPublicKey PublicKey { get; } = publicKey;

    public override Task<CosignKeyReference> ForCosignAsync(string jobId, CancellationToken cancellationToken)
    {
        var env = relay.For(jobId, Name);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (variable, value) in env.Variables)
        {
            (variable == KmsRelayEnvironmentFactory.TokenVariable ? secrets : environment)[variable] = value;
        }
        // Disposing the reference (when the job's cosign run is over) revokes the token.
        return Task.FromResult(new CosignKeyReference(env.KeyReference, secrets, env) { Environment = environment });
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SigningService.Tests.Infrastructure.Registry;

/// <summary>A throwaway CA and one server certificate for 127.0.0.1/localhost, written as PEM files.</summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private TestCertificateAuthority(string directory, X509Certificate2 ca)
    {
        Directory = directory;
        Certificate = ca;
    }

    public string Directory { get; }

    public X509Certificate2 Certificate { get; }

    public string CaPemPath => Path.Combine(Directory, "ca.pem");

    public string ServerCertPath => Path.Combine(Directory, "server.pem");

    public string ServerKeyPath => Path.Combine(Directory, "server.key");

    public static TestCertificateAuthority Create(string commonName = "SigningService test CA")
    {
        var directory = Path.Combine(Path.GetTempPath(), "test-ca-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the registry tests run on Linux");
        }
        System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var now = DateTimeOffset.UtcNow;

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={commonName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var server = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(12));

        var authority = new TestCertificateAuthority(directory, ca);
        File.WriteAllText(authority.CaPemPath, ca.ExportCertificatePem() + "\n");
        File.WriteAllText(authority.ServerCertPath, server.ExportCertificatePem() + "\n");
        File.WriteAllText(authority.ServerKeyPath, serverKey.ExportPkcs8PrivateKeyPem() + "\n",
            new System.Text.UTF8Encoding(false));
        File.SetUnixFileMode(authority.ServerKeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return authority;
    }

    public void Dispose()
    {
        Certificate.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

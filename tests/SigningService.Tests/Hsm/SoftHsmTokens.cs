using System.Diagnostics;
using SigningService.Cryptoki;
using SigningService.Cryptoki.Keys;
using SigningService.Cryptoki.Pooling;

namespace SigningService.Tests.Hsm;

/// <summary>
/// A private SoftHSM2 token store for this test run, with every token and key the HSM tests use.
/// SoftHSM reads SOFTHSM2_CONF and sees only the tokens that exist at C_Initialize (once per process),
/// so everything is created here, before the first module load; all HSM test classes share it.
/// </summary>
public sealed class SoftHsmTokens : IDisposable
{
    public const string ModulePath = "/usr/lib/softhsm/libsofthsm2.so";
    public const string MainToken = "svc-main";
    public const string WrongPinToken = "svc-wrongpin";

    // Test-only PINs, random per run: the wrong-PIN test searches responses and logs for them.
    public string UserPin { get; } = "pin-" + Guid.NewGuid().ToString("N")[..12];
    public string WrongPin { get; } = "wrong-" + Guid.NewGuid().ToString("N")[..12];

    private readonly Pkcs11Library _library;

    public SoftHsmTokens()
    {
        Root = Directory.CreateTempSubdirectory("ss-softhsm-").FullName; // 0700
        var tokens = Directory.CreateDirectory(Path.Combine(Root, "tokens")).FullName;
        var conf = Path.Combine(Root, "softhsm2.conf");
        File.WriteAllText(conf, $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        NativeEnvironment.SetVariable("SOFTHSM2_CONF", conf);
        InitToken(MainToken);
        InitToken(WrongPinToken);
        PinFile = WriteSecret("pin", UserPin);
        WrongPinFile = WriteSecret("wrong-pin", WrongPin);

        // Held for the whole run so the module is never finalized between test classes.
        _library = Pkcs11Library.Load(ModulePath);
        using (var pool = new HsmTokenPool(PoolOptions(MainToken)))
        {
            pool.Connect();
            foreach (var key in TestHsmKeys.All)
            {
                HsmKeyGenerator.Generate(pool, key.Label, key.Id, key.Kind);
            }
        }
        using (var pool = new HsmTokenPool(PoolOptions(WrongPinToken)))
        {
            pool.Connect();
            HsmKeyGenerator.Generate(pool, "wp", [0x09], HsmKeyKind.EcP256);
        }
    }

    public string Root { get; }
    public string PinFile { get; }
    public string WrongPinFile { get; }

    /// <summary>Settings for a service with the main token ("main") and one key per test key.</summary>
    public Dictionary<string, string?> ServiceSettings(int maxSessions = 4)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hsm:Tokens:main:ModulePath"] = ModulePath,
            ["Hsm:Tokens:main:TokenLabel"] = MainToken,
            ["Hsm:Tokens:main:PinFile"] = PinFile,
            ["Hsm:Tokens:main:MaxSessions"] = maxSessions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var key in TestHsmKeys.All)
        {
            settings[$"Keys:Hsm:{key.Name}:Token"] = "main";
            settings[$"Keys:Hsm:{key.Name}:Uri"] = key.Uri;
        }
        return settings;
    }

    public void Dispose()
    {
        _library.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    private HsmTokenPoolOptions PoolOptions(string label) => new()
    {
        ModulePath = ModulePath,
        TokenLabel = label,
        PinProvider = HsmPinSources.FromFile(PinFile),
    };

    private string WriteSecret(string name, string value)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, value + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private void InitToken(string label)
    {
        var start = new ProcessStartInfo("softhsm2-util") { RedirectStandardOutput = true, RedirectStandardError = true };
        // Test-only PINs in argv (softhsm2-util reads them from a terminal otherwise); the service never does this.
        foreach (var a in new[] { "--init-token", "--free", "--label", label, "--pin", UserPin, "--so-pin", "so-" + UserPin })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(60_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"softhsm2-util --init-token failed: {stdout.Result} {stderr}");
        }
    }
}

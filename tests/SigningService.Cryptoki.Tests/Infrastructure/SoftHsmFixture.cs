using System.Diagnostics;
using System.Text;

namespace SigningService.Cryptoki.Tests.Infrastructure;

// One SoftHSM2 token store per test run, in a private temp folder. SOFTHSM2_CONF must be in the native
// environment before the module's C_Initialize, and there is one C_Initialize per process, so every
// SoftHSM test shares this fixture (collection "softhsm").
public sealed class SoftHsmFixture : IDisposable
{
    public const string ModulePath = "/usr/lib/softhsm/libsofthsm2.so";
    public const string Token = "ci-release";
    public const string WrongPinToken = "wrong-pin";
    public const string UserPin = "user-pin-4711";
    public const string SoPin = "so-pin-0815";

    public SoftHsmFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("softhsm-test-"); // created 0700
        var tokens = System.IO.Directory.CreateDirectory(Path.Combine(Directory.FullName, "tokens"));
        ConfPath = Path.Combine(Directory.FullName, "softhsm2.conf");
        File.WriteAllText(ConfPath, $"directories.tokendir = {tokens.FullName}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        NativeEnvironment.SetVariable("SOFTHSM2_CONF", ConfPath);
        InitToken(Token);
        InitToken(WrongPinToken);
        Library = Pkcs11Library.Load(ModulePath);
    }

    public DirectoryInfo Directory { get; }

    public string ConfPath { get; }

    public Pkcs11Library Library { get; }

    public static byte[] PinBytes => Encoding.UTF8.GetBytes(UserPin);

    public void InitToken(string label)
    {
        var psi = new ProcessStartInfo("softhsm2-util")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Test-only PINs; the service never passes a PIN in argv.
        foreach (var a in new[] { "--init-token", "--free", "--label", label, "--pin", UserPin, "--so-pin", SoPin })
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["SOFTHSM2_CONF"] = ConfPath;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        if (!p.WaitForExit(60_000) || p.ExitCode != 0)
        {
            throw new InvalidOperationException($"softhsm2-util --init-token failed: {stdout.Result} {stderr}");
        }
    }

    public Slot Slot(string label = Token) =>
        Library.FindSlot(label, null) ?? throw new InvalidOperationException($"token {label} not found");

    // A logged-in read/write session on the main token.
    public Session OpenUserSession(string label = Token)
    {
        var session = Slot(label).OpenSession(readWrite: true);
        try
        {
            session.Login(CKU.CKU_USER, PinBytes);
        }
        catch (Pkcs11Exception ex) when (ex.ReturnValue == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
        }
        return session;
    }

    public void Dispose()
    {
        Library.Dispose();
        Directory.Delete(recursive: true);
    }
}

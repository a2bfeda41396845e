using System.Runtime.InteropServices;

namespace SigningService.Cryptoki;

// .NET on Unix keeps its own copy of the environment: Environment.SetEnvironmentVariable is invisible
// to native code's getenv(). Modules read settings (SoftHSM: SOFTHSM2_CONF) with getenv at C_Initialize.
public static partial class NativeEnvironment
{
    public static void SetVariable(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (setenv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}

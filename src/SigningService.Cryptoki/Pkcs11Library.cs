using System.Text;
using SigningService.Cryptoki.Native;

namespace SigningService.Cryptoki;

// A lease on a PKCS#11 module: Load() shares one loaded, C_Initialize'd (OS locking, multi-threaded)
// module per file per process; the last lease disposed calls C_Finalize.
public sealed unsafe class Pkcs11Library : IDisposable
{
    private int _disposed;

    private Pkcs11Library(Pkcs11Module module) => Module = module;

    public string ModulePath => Module.Path;

    internal Pkcs11Module Module { get; }

    public static Pkcs11Library Load(string modulePath) => new(Pkcs11Module.Acquire(modulePath));

    public LibraryInfo GetInfo()
    {
        var buf = stackalloc byte[CkConst.InfoSize];
        Module.Check((CKR)Module.F.C_GetInfo(buf), "C_GetInfo");
        return new LibraryInfo(
            new Version(buf[0], buf[1]),
            Text(buf + 2, 32),
            Text(buf + 48, 32),
            new Version(buf[80], buf[81]));
    }

    public IReadOnlyList<Slot> GetSlotList(bool tokenPresent)
    {
        while (true)
        {
            nuint count = 0;
            Module.Check((CKR)Module.F.C_GetSlotList(tokenPresent ? (byte)1 : (byte)0, null, &count), "C_GetSlotList");
            var ids = new nuint[count];
            fixed (nuint* p = ids)
            {
                var rv = (CKR)Module.F.C_GetSlotList(tokenPresent ? (byte)1 : (byte)0, p, &count);
                if (rv == CKR.CKR_BUFFER_TOO_SMALL)
                {
                    continue; // a slot appeared between the two calls
                }
                Module.Check(rv, "C_GetSlotList");
            }
            return ids.Take((int)count).Select(id => new Slot(Module, id)).ToArray();
        }
    }

    // Finds the slot whose token has this label and/or serial; null when none matches.
    public Slot? FindSlot(string? tokenLabel, string? tokenSerial)
    {
        foreach (var slot in GetSlotList(tokenPresent: true))
        {
            var info = slot.GetTokenInfo();
            if ((tokenLabel is null || info.Label == tokenLabel) && (tokenSerial is null || info.SerialNumber == tokenSerial))
            {
                return slot;
            }
        }
        return null;
    }

    // Test hook: C_Finalize + C_Initialize, so every session and object handle in the process dies.
    public void SimulateDeviceResetForTests() => Module.Reinitialize();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Module.Release();
        }
    }

    // Cryptoki strings are fixed-size, blank-padded UTF-8.
    internal static string Text(byte* p, int length) =>
        Encoding.UTF8.GetString(new ReadOnlySpan<byte>(p, length)).TrimEnd(' ', '\0');
}

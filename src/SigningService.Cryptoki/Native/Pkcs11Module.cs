using System.Runtime.InteropServices;

namespace SigningService.Cryptoki.Native;

// The loaded PKCS#11 module: one per module file per process (Cryptoki allows one C_Initialize per
// application). Generation changes on every (re)initialization: handles from older generations are
// dead, and their numbers may be reused, so nothing may call into the module with them.
internal sealed unsafe class Pkcs11Module
{
    private static readonly Dictionary<string, Pkcs11Module> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock RegistryLock = new();

    private readonly Lock _initLock = new();
    private int _leases;
    private long _generation;

    private Pkcs11Module(string path, CkFunctions functions)
    {
        Path = path;
        F = functions;
    }

    public string Path { get; }

    public CkFunctions F { get; }

    public long Generation => Interlocked.Read(ref _generation);

    public static Pkcs11Module Acquire(string modulePath)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("This PKCS#11 binding assumes the LP64 ABI (Linux, macOS).");
        }
        var key = Canonical(modulePath);
        lock (RegistryLock)
        {
            if (!Loaded.TryGetValue(key, out var module))
            {
                // The native library stays loaded for the process lifetime: unloading a module
                // that registered atexit/thread-local state is a classic source of crashes.
                var handle = NativeLibrary.Load(key);
                var getFunctionList = (delegate* unmanaged<nint*, nuint>)NativeLibrary.GetExport(handle, "C_GetFunctionList");
                nint list;
                var rv = (CKR)getFunctionList(&list);
                if (rv != CKR.CKR_OK)
                {
                    throw new Pkcs11Exception("C_GetFunctionList", rv);
                }
                module = new Pkcs11Module(key, new CkFunctions(list));
                Loaded[key] = module;
            }
            if (module._leases == 0)
            {
                module.Initialize();
            }
            module._leases++;
            return module;
        }
    }

    public void Release()
    {
        lock (RegistryLock)
        {
            if (--_leases == 0)
            {
                lock (_initLock)
                {
                    F.C_Finalize(null);
                    Interlocked.Increment(ref _generation);
                }
            }
        }
    }

    public void Reinitialize()
    {
        lock (_initLock)
        {
            F.C_Finalize(null);
            Initialize();
        }
    }

    // After an outside C_Finalize (or a module that lost its state), bring it back without a finalize.
    public void EnsureInitialized()
    {
        lock (_initLock)
        {
            var info = stackalloc byte[CkConst.InfoSize];
            if ((CKR)F.C_GetInfo(info) == CKR.CKR_CRYPTOKI_NOT_INITIALIZED)
            {
                Initialize();
            }
        }
    }

    public void Check(CKR rv, string method)
    {
        if (rv != CKR.CKR_OK)
        {
            throw new Pkcs11Exception(method, rv);
        }
    }

    private void Initialize()
    {
        lock (_initLock)
        {
            var args = new CkInitializeArgs { Flags = CkConst.OsLockingOk };
            var rv = (CKR)F.C_Initialize(&args);
            if (rv != CKR.CKR_OK && rv != CKR.CKR_CRYPTOKI_ALREADY_INITIALIZED)
            {
                throw new Pkcs11Exception("C_Initialize", rv);
            }
            Interlocked.Increment(ref _generation);
        }
    }

    private static string Canonical(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
        return target?.FullName ?? full;
    }
}

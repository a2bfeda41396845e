using System.Runtime.InteropServices;
using SigningService.Cryptoki.Native;

namespace SigningService.Cryptoki;

// One PKCS#11 session. Not thread-safe: use it from one thread at a time (the pool guarantees that).
public sealed unsafe class Session : IDisposable
{
    private const int SignatureBufferSize = 1024; // fits RSA-8192 and every EC curve
    private readonly Pkcs11Module _module;
    private readonly long _generation;
    private bool _closed;

    internal Session(Pkcs11Module module, Slot slot, nuint handle, long generation)
    {
        _module = module;
        Slot = slot;
        Handle = handle;
        _generation = generation;
    }

    public Slot Slot { get; }

    public nuint Handle { get; }

    // The library was re-initialized since this session was opened: its handle is dead (and may be reused).
    public bool IsStale => _module.Generation != _generation;

    public void Login(CKU userType, ReadOnlySpan<byte> pin)
    {
        ThrowIfStale("C_Login");
        fixed (byte* p = pin)
        {
            Check((CKR)_module.F.C_Login(Handle, (nuint)userType, p, (nuint)pin.Length), "C_Login");
        }
    }

    public void Logout()
    {
        ThrowIfStale("C_Logout");
        Check((CKR)_module.F.C_Logout(Handle), "C_Logout");
    }

    public IReadOnlyList<ObjectHandle> FindObjects(IReadOnlyList<ObjectAttribute> template, int max = int.MaxValue)
    {
        ThrowIfStale("C_FindObjectsInit");
        var found = new List<ObjectHandle>();
        using var t = new CkTemplate(template);
        Check((CKR)_module.F.C_FindObjectsInit(Handle, t.Pointer, (nuint)t.Count), "C_FindObjectsInit");
        try
        {
            var batch = stackalloc nuint[64];
            while (found.Count < max)
            {
                nuint n = 0;
                Check((CKR)_module.F.C_FindObjects(Handle, batch, 64, &n), "C_FindObjects");
                if (n == 0)
                {
                    break;
                }
                for (nuint i = 0; i < n && found.Count < max; i++)
                {
                    found.Add(new ObjectHandle(batch[i]));
                }
            }
        }
        finally
        {
            _module.F.C_FindObjectsFinal(Handle);
        }
        return found;
    }

    public ObjectAttribute GetAttributeValue(ObjectHandle obj, CKA type) => GetAttributeValues(obj, [type])[0];

    // Two calls: lengths first, then values. Unreadable attributes come back with CannotBeRead set.
    public IReadOnlyList<ObjectAttribute> GetAttributeValues(ObjectHandle obj, IReadOnlyList<CKA> types)
    {
        ThrowIfStale("C_GetAttributeValue");
        var attrs = stackalloc CkAttribute[types.Count];
        for (var i = 0; i < types.Count; i++)
        {
            attrs[i] = new CkAttribute { Type = (nuint)types[i] };
        }
        CheckAttributeCall((CKR)_module.F.C_GetAttributeValue(Handle, obj.Value, attrs, (nuint)types.Count));
        var buffers = new byte[types.Count][];
        for (var i = 0; i < types.Count; i++)
        {
            buffers[i] = attrs[i].ValueLen == CkConst.UnavailableInformation ? [] : new byte[attrs[i].ValueLen];
        }
        var pins = buffers.Select(b => GCHandle.Alloc(b, GCHandleType.Pinned)).ToArray();
        try
        {
            for (var i = 0; i < types.Count; i++)
            {
                if (attrs[i].ValueLen != CkConst.UnavailableInformation)
                {
                    attrs[i].Value = (void*)pins[i].AddrOfPinnedObject();
                }
            }
            CheckAttributeCall((CKR)_module.F.C_GetAttributeValue(Handle, obj.Value, attrs, (nuint)types.Count));
        }
        finally
        {
            foreach (var p in pins)
            {
                p.Free();
            }
        }
        var result = new ObjectAttribute[types.Count];
        for (var i = 0; i < types.Count; i++)
        {
            var unavailable = attrs[i].ValueLen == CkConst.UnavailableInformation;
            result[i] = new ObjectAttribute(types[i], unavailable ? [] : buffers[i][..(int)attrs[i].ValueLen], unavailable);
        }
        return result;
    }

    public byte[] Sign(Mechanism mechanism, ObjectHandle key, ReadOnlySpan<byte> data)
    {
        ThrowIfStale("C_SignInit");
        fixed (byte* param = mechanism.Parameter)
        {
            var mech = new CkMechanism
            {
                Mechanism = (nuint)mechanism.Type,
                Parameter = param,
                ParameterLen = (nuint)(mechanism.Parameter?.Length ?? 0),
            };
            Check((CKR)_module.F.C_SignInit(Handle, &mech, key.Value), "C_SignInit");
        }
        var signature = new byte[SignatureBufferSize];
        fixed (byte* d = data)
        {
            while (true)
            {
                var len = (nuint)signature.Length;
                CKR rv;
                fixed (byte* s = signature)
                {
                    rv = (CKR)_module.F.C_Sign(Handle, d, (nuint)data.Length, s, &len);
                }
                if (rv == CKR.CKR_BUFFER_TOO_SMALL)
                {
                    signature = new byte[len]; // the operation stays active: call again
                    continue;
                }
                Check(rv, "C_Sign");
                return signature[..(int)len];
            }
        }
    }

    public (ObjectHandle PublicKey, ObjectHandle PrivateKey) GenerateKeyPair(
        Mechanism mechanism, IReadOnlyList<ObjectAttribute> publicTemplate, IReadOnlyList<ObjectAttribute> privateTemplate)
    {
        ThrowIfStale("C_GenerateKeyPair");
        using var pub = new CkTemplate(publicTemplate);
        using var priv = new CkTemplate(privateTemplate);
        nuint hPub, hPriv;
        fixed (byte* param = mechanism.Parameter)
        {
            var mech = new CkMechanism
            {
                Mechanism = (nuint)mechanism.Type,
                Parameter = param,
                ParameterLen = (nuint)(mechanism.Parameter?.Length ?? 0),
            };
            Check((CKR)_module.F.C_GenerateKeyPair(Handle, &mech, pub.Pointer, (nuint)pub.Count, priv.Pointer, (nuint)priv.Count, &hPub, &hPriv), "C_GenerateKeyPair");
        }
        return (new ObjectHandle(hPub), new ObjectHandle(hPriv));
    }

    public void DestroyObject(ObjectHandle obj)
    {
        ThrowIfStale("C_DestroyObject");
        Check((CKR)_module.F.C_DestroyObject(Handle, obj.Value), "C_DestroyObject");
    }

    // Forget a session whose handle is known to be dead, without C_CloseSession: the number may
    // already belong to a newer session.
    internal void Abandon() => _closed = true;

    public void Dispose()
    {
        if (_closed)
        {
            return;
        }
        _closed = true;
        if (!IsStale)
        {
            _module.F.C_CloseSession(Handle); // a failure here means it is already gone
        }
    }

    private static void Check(CKR rv, string method)
    {
        if (rv != CKR.CKR_OK)
        {
            throw new Pkcs11Exception(method, rv);
        }
    }

    // A handle from before a re-initialization must never reach the module (its number may belong to
    // another session now): report it as the dead handle it is.
    private void ThrowIfStale(string method)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (IsStale)
        {
            throw new Pkcs11Exception(method, CKR.CKR_SESSION_HANDLE_INVALID);
        }
    }

    private static void CheckAttributeCall(CKR rv)
    {
        if (rv is not (CKR.CKR_OK or CKR.CKR_ATTRIBUTE_SENSITIVE or CKR.CKR_ATTRIBUTE_TYPE_INVALID))
        {
            throw new Pkcs11Exception("C_GetAttributeValue", rv);
        }
    }
}

using SigningService.Cryptoki.Native;

namespace SigningService.Cryptoki;

public sealed unsafe class Slot
{
    private readonly Pkcs11Module _module;

    internal Slot(Pkcs11Module module, nuint slotId)
    {
        _module = module;
        SlotId = slotId;
    }

    public nuint SlotId { get; }

    public TokenInfo GetTokenInfo()
    {
        var buf = stackalloc byte[CkConst.TokenInfoSize];
        _module.Check((CKR)_module.F.C_GetTokenInfo(SlotId, buf), "C_GetTokenInfo");
        return new TokenInfo(
            Pkcs11Library.Text(buf, 32),
            Pkcs11Library.Text(buf + 32, 32),
            Pkcs11Library.Text(buf + 64, 16),
            Pkcs11Library.Text(buf + 80, 16),
            (TokenFlags)(*(nuint*)(buf + 96)));
    }

    public IReadOnlySet<CKM> GetMechanismList()
    {
        nuint count = 0;
        _module.Check((CKR)_module.F.C_GetMechanismList(SlotId, null, &count), "C_GetMechanismList");
        var list = new nuint[count];
        fixed (nuint* p = list)
        {
            _module.Check((CKR)_module.F.C_GetMechanismList(SlotId, p, &count), "C_GetMechanismList");
        }
        return list.Take((int)count).Select(m => (CKM)m).ToHashSet();
    }

    public Session OpenSession(bool readWrite)
    {
        var generation = _module.Generation;
        nuint handle;
        var flags = CkConst.SerialSession | (readWrite ? CkConst.RwSession : 0);
        _module.Check((CKR)_module.F.C_OpenSession(SlotId, flags, null, null, &handle), "C_OpenSession");
        return new Session(_module, this, handle, generation);
    }

    // Closes every session this application has with the token (which also logs it out).
    public void CloseAllSessions() =>
        _module.Check((CKR)_module.F.C_CloseAllSessions(SlotId), "C_CloseAllSessions");
}

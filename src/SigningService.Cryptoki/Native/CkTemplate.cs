using System.Runtime.InteropServices;

namespace SigningService.Cryptoki.Native;

// One unmanaged block holding a CK_ATTRIBUTE array followed by the value bytes; freed (and wiped) on dispose.
internal sealed unsafe class CkTemplate : IDisposable
{
    private readonly nuint _size;

    public CkTemplate(IReadOnlyList<ObjectAttribute> attributes)
    {
        Count = attributes.Count;
        var header = (nuint)(Count * sizeof(CkAttribute));
        nuint total = header;
        foreach (var a in attributes)
        {
            total += (nuint)a.Value.Length;
        }
        _size = total == 0 ? 1 : total;
        var block = (byte*)NativeMemory.AllocZeroed(_size);
        Pointer = (CkAttribute*)block;
        var cursor = block + header;
        for (var i = 0; i < Count; i++)
        {
            var value = attributes[i].Value;
            Pointer[i].Type = (nuint)attributes[i].Type;
            Pointer[i].ValueLen = (nuint)value.Length;
            Pointer[i].Value = value.Length == 0 ? null : cursor;
            value.CopyTo(new Span<byte>(cursor, value.Length));
            cursor += value.Length;
        }
    }

    public CkAttribute* Pointer { get; private set; }

    public int Count { get; }

    public void Dispose()
    {
        if (Pointer != null)
        {
            NativeMemory.Clear(Pointer, _size);
            NativeMemory.Free(Pointer);
            Pointer = null;
        }
    }
}

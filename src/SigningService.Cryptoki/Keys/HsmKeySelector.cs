namespace SigningService.Cryptoki.Keys;

// Which key in the token: by CKA_LABEL, CKA_ID or both (RFC 7512 object= / id=).
public sealed record HsmKeySelector
{
    public HsmKeySelector(string? label, byte[]? id = null)
    {
        if (label is null && id is null)
        {
            throw new ArgumentException("a key selector needs a label, an id or both");
        }
        Label = label;
        Id = id;
    }

    public string? Label { get; }

    public byte[]? Id { get; }

    internal string CacheKey => $"{Label}|{(Id is null ? "-" : Convert.ToHexString(Id))}";

    public IReadOnlyList<ObjectAttribute> Template(CKO objectClass)
    {
        var t = new List<ObjectAttribute> { ObjectAttribute.Of(CKA.CKA_CLASS, objectClass) };
        if (Label is not null)
        {
            t.Add(ObjectAttribute.Of(CKA.CKA_LABEL, Label));
        }
        if (Id is not null)
        {
            t.Add(ObjectAttribute.Of(CKA.CKA_ID, Id));
        }
        return t;
    }

    public override string ToString() =>
        Label is not null && Id is not null ? $"label '{Label}' id {Convert.ToHexString(Id)}"
        : Label is not null ? $"label '{Label}'" : $"id {Convert.ToHexString(Id!)}";

    public bool Equals(HsmKeySelector? other) => other is not null && CacheKey == other.CacheKey;

    public override int GetHashCode() => CacheKey.GetHashCode(StringComparison.Ordinal);
}

namespace SigningService.Cryptoki;

// A CK_OBJECT_HANDLE: only meaningful within the library generation that produced it.
public readonly record struct ObjectHandle(nuint Value);

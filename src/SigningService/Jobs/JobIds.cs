using System.Security.Cryptography;

namespace SigningService.Jobs;

/// <summary>Job ids are unguessable: knowing one job's id says nothing of another's.</summary>
public static class JobIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private static readonly System.Buffers.SearchValues<char> AlphabetChars = System.Buffers.SearchValues.Create(Alphabet);

    public static string New() => "j" + RandomNumberGenerator.GetString(Alphabet, 25);

    public static bool LooksValid(string id) =>
        id.Length == 26 && id[0] == 'j' && id.AsSpan(1).IndexOfAnyExcept(AlphabetChars) < 0;
}

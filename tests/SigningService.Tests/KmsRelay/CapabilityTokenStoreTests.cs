using SigningService.KmsRelay;

namespace SigningService.Tests.KmsRelay;

public class CapabilityTokenStoreTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void Issue_Twice_ReturnsDistinct32ByteBase64UrlTokens()
    {
        var store = new CapabilityTokenStore(_clock);
        var a = store.Issue("job-1", "key-a", Lifetime);
        var b = store.Issue("job-1", "key-a", Lifetime);

        Assert.NotEqual(a, b);
        Assert.Equal(43, a.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", a);
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(a).Length);
    }

    [Fact]
    public void TryValidate_LiveTokenForItsKey_ReturnsJobId()
    {
        var store = new CapabilityTokenStore(_clock);
        var token = store.Issue("job-1", "key-a", Lifetime);

        Assert.True(store.TryValidate(token, "key-a", out var jobId));
        Assert.Equal("job-1", jobId);
    }

    [Fact]
    public void TryValidate_OtherKey_Refused()
    {
        var store = new CapabilityTokenStore(_clock);
        var token = store.Issue("job-1", "key-a", Lifetime);

        Assert.False(store.TryValidate(token, "key-b", out var jobId));
        Assert.Null(jobId);
    }

    [Fact]
    public void TryValidate_AtAndAfterExpiry_Refused()
    {
        var store = new CapabilityTokenStore(_clock);
        var token = store.Issue("job-1", "key-a", Lifetime);

        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(store.TryValidate(token, "key-a", out _));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(store.TryValidate(token, "key-a", out _));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Revoke_Job_RefusesItsTokensAndKeepsOthers()
    {
        var store = new CapabilityTokenStore(_clock);
        var first = store.Issue("job-1", "key-a", Lifetime);
        var second = store.Issue("job-1", "key-b", Lifetime);
        var other = store.Issue("job-2", "key-a", Lifetime);

        Assert.Equal(2, store.Revoke("job-1"));

        Assert.False(store.TryValidate(first, "key-a", out _));
        Assert.False(store.TryValidate(second, "key-b", out _));
        Assert.True(store.TryValidate(other, "key-a", out _));
    }

    [Fact]
    public void LeaseDispose_RevokesToken()
    {
        var store = new CapabilityTokenStore(_clock);
        var lease = store.Lease("job-1", "key-a", Lifetime);
        Assert.True(store.TryValidate(lease.Token, "key-a", out _));

        lease.Dispose();
        lease.Dispose();

        Assert.False(store.TryValidate(lease.Token, "key-a", out _));
        Assert.DoesNotContain(lease.Token, lease.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryValidate_UnknownOrMalformedToken_Refused(string? token)
    {
        var store = new CapabilityTokenStore(_clock);
        store.Issue("job-1", "key-a", Lifetime);

        Assert.False(store.TryValidate(token, "key-a", out _));
    }

    [Fact]
    public void TryValidate_ManyTokens_ComparesEveryStoredHashWithoutEarlyExit()
    {
        var calls = 0;
        var store = new CapabilityTokenStore(_clock)
        {
            HashEquals = (a, b) =>
            {
                calls++;
                return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(a, b);
            },
        };
        var first = store.Issue("job-1", "key-a", Lifetime);
        store.Issue("job-2", "key-a", Lifetime);
        store.Issue("job-3", "key-a", Lifetime);

        Assert.True(store.TryValidate(first, "key-a", out var jobId));
        Assert.Equal("job-1", jobId);
        Assert.Equal(3, calls);
    }

    [Fact]
    public void TryValidate_DefaultComparer_IsFixedTime()
    {
        // The default seam must be CryptographicOperations.FixedTimeEquals; check it behaves as such
        // and that the store compares hashes (same length) rather than raw tokens.
        var store = new CapabilityTokenStore(_clock);
        byte[] a = [1, 2, 3], b = [1, 2, 3], c = [1, 2, 4];
        Assert.True(store.HashEquals(a, b));
        Assert.False(store.HashEquals(a, c));
        Assert.Contains("FixedTimeEquals", DescribeDefaultComparer(), StringComparison.Ordinal);
    }

    private static string DescribeDefaultComparer()
    {
        // Names every method the default lambda calls (scanning its IL for `call` opcodes).
        var method = new CapabilityTokenStore(TimeProvider.System).HashEquals.Method;
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var names = new List<string>();
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] == 0x28)
            {
                try
                {
                    names.Add(method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1))?.Name ?? string.Empty);
                }
                catch (ArgumentException)
                {
                }
            }
        }
        return string.Join(",", names);
    }
}

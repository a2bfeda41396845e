using System.Security.Cryptography;
using System.Text;
using SigningService.Cryptoki.Keys;
using SigningService.Cryptoki.Pooling;
using SigningService.Cryptoki.Signing;
using SigningService.Cryptoki.Tests.Infrastructure;

namespace SigningService.Cryptoki.Tests.Pooling;

[Collection("softhsm")]
public sealed class HsmTokenPoolTests(SoftHsmFixture hsm)
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes("release artifact");

    [Fact]
    public void Execute_Success_SessionBackToIdle()
    {
        using var pool = NewPool();
        var (key, publicKey) = NewKey(pool, HsmKeyKind.EcP256);
        var signature = pool.SignData(key, HashAlgorithmName.SHA256, Data);
        Assert.True(TestKeys.Verify(publicKey, Data, signature, HashAlgorithmName.SHA256));
        Assert.Equal(HsmTokenStatus.Ready, pool.State.Status);
        AssertNoLeak(pool);
    }

    [Fact]
    public void Execute_OperationThrows_SessionReturned()
    {
        using var pool = NewPool();
        Assert.Throws<InvalidOperationException>(() => pool.Execute<int>(_ => throw new InvalidOperationException("boom")));
        Assert.Throws<KeyNotFoundException>(() => pool.SignData(new HsmKeySelector("no-such-key"), HashAlgorithmName.SHA256, Data));
        AssertNoLeak(pool);
        Assert.Equal(1, pool.Idle);
    }

    [Fact]
    public async Task ExecuteAsync_CanceledInsideOperation_SessionReturned()
    {
        using var pool = NewPool();
        using var cts = new CancellationTokenSource();
        var task = pool.ExecuteAsync((s, ct) =>
        {
            cts.Cancel();
            ct.ThrowIfCancellationRequested();
            return 0;
        }, cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        AssertNoLeak(pool);
    }

    [Fact]
    public async Task ExecuteAsync_CanceledWhileWaitingForSession_NothingRented()
    {
        using var pool = NewPool(maxSessions: 1);
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var holder = Task.Run(() => pool.Execute(s =>
        {
            started.Set();
            release.Wait(TimeSpan.FromMinutes(1));
            return 0;
        }));
        Assert.True(started.Wait(TimeSpan.FromMinutes(1)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pool.ExecuteAsync(_ => 1, cts.Token));
        Assert.Equal(1, pool.InUse);
        release.Set();
        await holder;
        AssertNoLeak(pool);
        Assert.Equal(1, pool.TotalOpened);
    }

    [Fact]
    public async Task SignDataAsync_50ConcurrentOnFourSessions_AllValidAndNoLeak()
    {
        using var pool = NewPool(maxSessions: 4);
        var (key, publicKey) = NewKey(pool, HsmKeyKind.EcP256);
        var messages = Enumerable.Range(0, 50).Select(i => Encoding.UTF8.GetBytes($"artifact {i}")).ToArray();
        var signatures = await Task.WhenAll(messages.Select(m =>
            Task.Run(() => pool.SignDataAsync(key, HashAlgorithmName.SHA256, m))));
        for (var i = 0; i < messages.Length; i++)
        {
            Assert.True(TestKeys.Verify(publicKey, messages[i], signatures[i], HashAlgorithmName.SHA256), $"signature {i}");
        }
        AssertNoLeak(pool);
        Assert.InRange(pool.TotalOpened, 1, 4);
        Assert.Equal(pool.TotalOpened, pool.Idle);
    }

    [Fact]
    public void SimulateDeviceReset_NextOperationRecovers()
    {
        using var pool = NewPool();
        var (key, publicKey) = NewKey(pool, HsmKeyKind.EcP384);
        pool.SignData(key, HashAlgorithmName.SHA384, Data);
        pool.SimulateDeviceResetForTests();
        var signature = pool.SignData(key, HashAlgorithmName.SHA384, Data);
        Assert.True(TestKeys.Verify(publicKey, Data, signature, HashAlgorithmName.SHA384));
        Assert.Equal(1, pool.Recoveries);
        Assert.True(pool.State.IsReady);
        AssertNoLeak(pool);
    }

    [Fact]
    public void Execute_SessionsClosedUnderPool_RecoversAndRetriesOnce()
    {
        using var pool = NewPool();
        var (key, publicKey) = NewKey(pool, HsmKeyKind.Rsa2048);
        pool.SignData(key, HashAlgorithmName.SHA256, Data);
        hsm.Slot().CloseAllSessions(); // kills the pool's sessions and the login, without re-initializing
        var attempts = 0;
        var signature = pool.Execute(s =>
        {
            attempts++;
            return pool.CreateSigner(s, key).SignData(HashAlgorithmName.SHA256, Data);
        });
        Assert.Equal(2, attempts);
        Assert.True(TestKeys.Verify(publicKey, Data, signature, HashAlgorithmName.SHA256));
        Assert.Equal(1, pool.Recoveries);
        AssertNoLeak(pool);
    }

    [Fact]
    public void Execute_FailsAgainAfterRecovery_ThrowsAndDropsSession()
    {
        using var pool = NewPool();
        var attempts = 0;
        var ex = Assert.Throws<Pkcs11Exception>(() => pool.Execute<int>(_ =>
        {
            attempts++;
            throw new Pkcs11Exception("C_Sign", CKR.CKR_DEVICE_ERROR);
        }));
        Assert.Equal(CKR.CKR_DEVICE_ERROR, ex.ReturnValue);
        Assert.Equal(2, attempts);
        Assert.Equal(0, pool.InUse);
        Assert.Equal(0, pool.Idle);
        Assert.True(pool.State.IsReady);
    }

    [Fact]
    public void Connect_WrongPin_LoginFailedNamingTokenWithoutPin()
    {
        const string wrongPin = "wrong-pin-31337";
        using var pool = NewPool(token: SoftHsmFixture.WrongPinToken, pin: wrongPin);
        var state = pool.Connect();
        Assert.Equal(HsmTokenStatus.LoginFailed, state.Status);
        Assert.Equal("token 'wrong-pin' rejected the PIN (CKR_PIN_INCORRECT)", state.Message);
        var ex = Assert.Throws<HsmTokenUnavailableException>(() => pool.Execute(_ => 0));
        Assert.DoesNotContain(wrongPin, ex.Message, StringComparison.Ordinal);
        Assert.Equal(HsmTokenStatus.LoginFailed, pool.State.Status);
        AssertNoLeak(pool);
    }

    [Fact]
    public void Connect_UnknownToken_Unavailable()
    {
        using var pool = NewPool(token: "no-such-token");
        Assert.Equal(HsmTokenStatus.Unavailable, pool.Connect().Status);
        Assert.Contains("token 'no-such-token'", pool.State.Message, StringComparison.Ordinal);
        Assert.Throws<HsmTokenUnavailableException>(() => pool.Execute(_ => 0));
    }

    [Fact]
    public void Generate_ThroughPool_PublicKeyMatchesAndPoolsShareLibrary()
    {
        using var first = NewPool();
        var (key, publicKey) = NewKey(first, HsmKeyKind.Rsa2048);
        using (var second = NewPool())
        {
            Assert.Equal(publicKey.Pem, second.GetPublicKey(key).Pem);
        }
        var pss = first.SignData(key, HashAlgorithmName.SHA256, Data, HsmSignaturePadding.Pss);
        Assert.True(TestKeys.Verify(publicKey, Data, pss, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        AssertNoLeak(first);
    }

    private HsmTokenPool NewPool(int maxSessions = 4, string token = SoftHsmFixture.Token, string pin = SoftHsmFixture.UserPin) =>
        new(new HsmTokenPoolOptions
        {
            ModulePath = SoftHsmFixture.ModulePath,
            TokenLabel = token,
            PinProvider = () => Encoding.UTF8.GetBytes(pin),
            MaxSessions = maxSessions,
            ReconnectInterval = TimeSpan.Zero,
        });

    private static (HsmKeySelector Key, HsmPublicKey PublicKey) NewKey(HsmTokenPool pool, HsmKeyKind kind)
    {
        var (label, id) = TestKeys.NewName("pool");
        var publicKey = HsmKeyGenerator.Generate(pool, label, id, kind);
        return (new HsmKeySelector(label), publicKey);
    }

    private static void AssertNoLeak(HsmTokenPool pool)
    {
        Assert.Equal(0, pool.InUse);
        Assert.True(pool.Idle <= pool.MaxSessions);
    }
}

using SigningService.Registry;

namespace SigningService.Tests.Registry;

public sealed class ImageWriteLocksTests
{
    [Fact]
    public async Task AcquireAsync_SameKey_OneHolderAtATime()
    {
        var locks = new ImageWriteLocks();
        var inside = 0;
        var maxInside = 0;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using (await locks.AcquireAsync("r/a@sha256:1", CancellationToken.None))
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                await Task.Delay(2);
                Interlocked.Decrement(ref inside);
            }
        }));

        Assert.Equal(1, maxInside);
        Assert.Equal(0, locks.ActiveKeys);
    }

    [Fact]
    public async Task AcquireAsync_DifferentKeys_DoNotWait()
    {
        var locks = new ImageWriteLocks();
        using var first = await locks.AcquireAsync("r/a@sha256:1", CancellationToken.None);

        var second = locks.AcquireAsync("r/a@sha256:2", CancellationToken.None);

        Assert.True(second.IsCompletedSuccessfully);
        (await second).Dispose();
        Assert.Equal(1, locks.ActiveKeys);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_LeavesNoEntryAndLockUsable()
    {
        var locks = new ImageWriteLocks();
        var held = await locks.AcquireAsync("k", CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var waiting = locks.AcquireAsync("k", cts.Token);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        held.Dispose();

        Assert.Equal(0, locks.ActiveKeys);
        using var again = await locks.AcquireAsync("k", CancellationToken.None);
        Assert.Equal(1, locks.ActiveKeys);
    }

    [Fact]
    public void KeyFor_HostCaseAndTag_Ignored()
    {
        var a = ImageReference.Parse("Registry.Example.com/app:v1");
        var b = ImageReference.Parse("registry.example.com/app@sha256:" + new string('0', 64));

        Assert.Equal(ImageWriteLocks.KeyFor(a, "sha256:x"), ImageWriteLocks.KeyFor(b, "sha256:x"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

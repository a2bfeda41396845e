using System.Collections.Concurrent;
using SigningService.Cryptoki.Keys;

namespace SigningService.Cryptoki.Pooling;

// Sessions for one token: a logged-in session keeps the login, a bounded set of operation sessions does
// the work. Every rented session goes back (or is dropped) on every path; recoverable token errors make
// the pool drop its sessions, reconnect, log in again and retry the operation once.
public sealed partial class HsmTokenPool : IDisposable
{
    private readonly HsmTokenPoolOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate;
    private readonly Lock _sync = new();
    private readonly Stack<PooledSession> _idle = new();
    private readonly ConcurrentDictionary<string, HsmKeyEntry> _keys = new(StringComparer.Ordinal);
    private volatile HsmTokenState _state;
    private int _epoch;
    private int _inUse;
    private long _totalOpened;
    private long _recoveries;
    private bool _disposed;

    public HsmTokenPool(HsmTokenPoolOptions options, TimeProvider? timeProvider = null)
    {
        options.Validate();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _gate = new SemaphoreSlim(options.MaxSessions, options.MaxSessions);
        _state = new HsmTokenState(HsmTokenStatus.Unavailable, $"{options.TokenDescription} is not connected yet");
    }

    public HsmTokenState State => _state;

    public string TokenDescription => _options.TokenDescription;

    public int MaxSessions => _options.MaxSessions;

    public int Idle
    {
        get
        {
            lock (_sync)
            {
                return _idle.Count;
            }
        }
    }

    public int InUse => Volatile.Read(ref _inUse);

    public long TotalOpened => Interlocked.Read(ref _totalOpened);

    public long Recoveries => Interlocked.Read(ref _recoveries);

    public T Execute<T>(Func<Session, T> operation, CancellationToken cancellationToken = default)
    {
        _gate.Wait(cancellationToken);
        try
        {
            return RunWithRetry(operation, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Waits for a free session asynchronously; the operation itself runs synchronously (PKCS#11 blocks).
    public async Task<T> ExecuteAsync<T>(Func<Session, CancellationToken, T> operation, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return RunWithRetry(s => operation(s, cancellationToken), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<T> ExecuteAsync<T>(Func<Session, T> operation, CancellationToken cancellationToken = default) =>
        ExecuteAsync((s, _) => operation(s), cancellationToken);

    // Admin work (key generation) on a short-lived read/write session outside the pool.
    public T ExecuteReadWrite<T>(Func<Session, T> operation)
    {
        Slot slot;
        int epoch;
        lock (_sync)
        {
            EnsureReadyLocked();
            slot = _slot!;
            epoch = _epoch;
        }
        try
        {
            using var session = slot.OpenSession(readWrite: true);
            return operation(session);
        }
        catch (Pkcs11Exception ex) when (IsRecoverable(ex.ReturnValue))
        {
            Recover(epoch);
            throw;
        }
    }

    // Test hook: C_Finalize + C_Initialize the module under the pool, so all of its handles die.
    public void SimulateDeviceResetForTests()
    {
        lock (_sync)
        {
            _library?.SimulateDeviceResetForTests();
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            TearDownLocked();
            _library?.Dispose();
            _library = null;
            _state = new HsmTokenState(HsmTokenStatus.Unavailable, $"{TokenDescription}: pool disposed");
        }
        _gate.Dispose();
    }

    private T RunWithRetry<T>(Func<Session, T> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            PooledSession? lease = null;
            var observedEpoch = Volatile.Read(ref _epoch);
            CKR? failure = null;
            try
            {
                lease = Rent();
                observedEpoch = lease.Epoch;
                return operation(lease.Session);
            }
            catch (Pkcs11Exception ex) when (IsRecoverable(ex.ReturnValue))
            {
                failure = ex.ReturnValue;
                if (attempt > 0)
                {
                    throw;
                }
            }
            catch (Pkcs11Exception ex) when (attempt == 0 && ex.ReturnValue is CKR.CKR_KEY_HANDLE_INVALID or CKR.CKR_OBJECT_HANDLE_INVALID)
            {
                _keys.Clear(); // a key was replaced in the token: look it up again
            }
            finally
            {
                if (lease is not null)
                {
                    Return(lease, failure);
                }
            }
            if (failure is not null)
            {
                Recover(observedEpoch);
            }
        }
    }
}

using System.Security.Cryptography;

namespace SigningService.Cryptoki.Pooling;

// Connecting, renting and recovery. Everything that changes sessions runs under _sync.
public sealed partial class HsmTokenPool
{
    private Pkcs11Library? _library;
    private Slot? _slot;
    private Session? _loginSession;
    private IReadOnlySet<CKM>? _mechanisms;
    private long? _lastConnectAttempt;

    // Errors after which the token's sessions (or the whole module state) can no longer be trusted.
    public static bool IsRecoverable(CKR rv) => rv is CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED
        or CKR.CKR_USER_NOT_LOGGED_IN or CKR.CKR_DEVICE_ERROR or CKR.CKR_DEVICE_REMOVED or CKR.CKR_TOKEN_NOT_PRESENT
        or CKR.CKR_CRYPTOKI_NOT_INITIALIZED;

    // The handle is already gone: closing it could close a newer session that got the same number.
    private static bool IsDeadHandle(CKR rv) => rv is CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED
        or CKR.CKR_DEVICE_REMOVED or CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_CRYPTOKI_NOT_INITIALIZED;

    // Explicit (re)connect, e.g. at start or after the PIN was fixed. Never throws; the result is the new State.
    public HsmTokenState Connect()
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            TearDownLocked();
            ConnectLocked();
            return _state;
        }
    }

    private PooledSession Rent()
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            EnsureReadyLocked();
            while (_idle.TryPop(out var pooled))
            {
                if (pooled.Epoch == _epoch && !pooled.Session.IsStale)
                {
                    _inUse++;
                    return pooled;
                }
                pooled.Session.Dispose();
            }
            var session = _slot!.OpenSession(readWrite: false);
            _totalOpened++;
            _inUse++;
            return new PooledSession(session, _epoch);
        }
    }

    private void Return(PooledSession lease, CKR? failure)
    {
        lock (_sync)
        {
            _inUse--;
            if (failure is { } rv && IsDeadHandle(rv))
            {
                lease.Session.Abandon();
            }
            else if (failure is not null || _disposed || lease.Epoch != _epoch || lease.Session.IsStale)
            {
                lease.Session.Dispose();
            }
            else
            {
                _idle.Push(lease);
            }
        }
    }

    private void Recover(int observedEpoch)
    {
        lock (_sync)
        {
            if (_disposed || observedEpoch != _epoch)
            {
                return; // another thread already recovered after this failure
            }
            Interlocked.Increment(ref _recoveries);
            TearDownLocked();
            ConnectLocked();
        }
    }

    private void EnsureReadyLocked()
    {
        if (_state.IsReady && _loginSession is { IsStale: true })
        {
            // The module was re-initialized under us: every handle is dead; recover before renting.
            Interlocked.Increment(ref _recoveries);
            TearDownLocked();
            ConnectLocked();
        }
        if (_state.IsReady)
        {
            return;
        }
        var now = _time.GetTimestamp();
        if (_state.Status == HsmTokenStatus.Unavailable
            && (_lastConnectAttempt is null || _time.GetElapsedTime(_lastConnectAttempt.Value, now) >= _options.ReconnectInterval))
        {
            TearDownLocked();
            ConnectLocked();
            if (_state.IsReady)
            {
                return;
            }
        }
        throw new HsmTokenUnavailableException(_state);
    }

    private void ConnectLocked()
    {
        _lastConnectAttempt = _time.GetTimestamp();
        Session? session = null;
        try
        {
            _library ??= Pkcs11Library.Load(_options.ModulePath);
            _library.Module.EnsureInitialized();
            _slot = _library.FindSlot(_options.TokenLabel, _options.TokenSerial)
                ?? throw new InvalidOperationException($"no token matches in {_options.ModulePath}");
            _mechanisms = _slot.GetMechanismList();
            session = _slot.OpenSession(readWrite: false);
            Login(session);
            _loginSession = session;
            _state = new HsmTokenState(HsmTokenStatus.Ready, $"{TokenDescription} is ready");
        }
        catch (Exception ex)
        {
            session?.Dispose();
            _state = ex is Pkcs11Exception { ReturnValue: var rv } && IsPinProblem(rv)
                ? new HsmTokenState(HsmTokenStatus.LoginFailed, $"{TokenDescription} rejected the PIN ({Pkcs11Exception.NameOf(rv)})")
                : new HsmTokenState(HsmTokenStatus.Unavailable, $"{TokenDescription} is unavailable: {ex.Message}");
        }
    }

    private void Login(Session session)
    {
        var pin = _options.PinProvider!();
        try
        {
            session.Login(CKU.CKU_USER, pin);
        }
        catch (Pkcs11Exception ex) when (ex.ReturnValue == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // Login state is per application and token: another session of this process holds it.
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pin);
        }
    }

    private static bool IsPinProblem(CKR rv) => rv is CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_INVALID
        or CKR.CKR_PIN_LEN_RANGE or CKR.CKR_PIN_EXPIRED or CKR.CKR_PIN_LOCKED or CKR.CKR_USER_PIN_NOT_INITIALIZED;

    // Drops every idle session and the login session; sessions still rented are dropped when returned.
    private void TearDownLocked()
    {
        _epoch++;
        _keys.Clear();
        while (_idle.TryPop(out var pooled))
        {
            pooled.Session.Dispose();
        }
        _loginSession?.Dispose();
        _loginSession = null;
        _slot = null;
        _mechanisms = null;
    }
}

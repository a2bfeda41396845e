namespace SigningService.Processes;

public interface IProcessRunner
{
    /// <summary>
    /// Runs the process to its end. Cancelling <paramref name="cancellationToken"/> kills the whole
    /// process tree and throws <see cref="OperationCanceledException"/>; hitting the spec's timeout
    /// kills it too and returns a result with <see cref="ProcessResult.TimedOut"/> set.
    /// A missing executable throws <see cref="ProcessStartException"/>.
    /// </summary>
    Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken);
}

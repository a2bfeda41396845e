using System.ComponentModel;
using System.Diagnostics;

namespace SigningService.Processes;

/// <summary>Runs child processes on System.Diagnostics.Process (CliWrap is not available here).</summary>
public sealed class ProcessRunner(TimeProvider time) : IProcessRunner
{
    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = spec.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // Start from nothing: the service's environment may hold secrets meant for the service only.
        info.Environment.Clear();
        foreach (var (name, value) in spec.Environment)
        {
            info.Environment[name] = value;
        }

        using var process = new Process { StartInfo = info };
        var started = time.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ProcessStartException(spec.FileName, e);
        }

        var stdout = CappedTextReader.ReadAsync(process.StandardOutput, spec.MaxOutputChars);
        var stderr = CappedTextReader.ReadAsync(process.StandardError, spec.MaxOutputChars);
        await WriteInputAsync(process, spec.StandardInput);

        using var timeout = new CancellationTokenSource(spec.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        var (outText, outCut) = await stdout;
        var (errText, errCut) = await stderr;
        return new ProcessResult(
            timedOut ? -1 : process.ExitCode, outText, errText, timedOut, outCut || errCut, time.GetElapsedTime(started));
    }

    private static async Task WriteInputAsync(Process process, byte[]? input)
    {
        try
        {
            if (input is { Length: > 0 })
            {
                await process.StandardInput.BaseStream.WriteAsync(input);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading its input; its exit code tells the story.
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}

using SigningService.Processes;

namespace SigningService.Tests.Processes;

public sealed class ProcessRunnerTests
{
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    [Fact]
    public async Task RunAsync_Environment_OnlyWhatWasGiven()
    {
        Environment.SetEnvironmentVariable("SS_TEST_SECRET", "must-not-leak");

        var result = await _runner.RunAsync(new ProcessSpec("/usr/bin/env", [])
        {
            Environment = new Dictionary<string, string> { ["ONLY"] = "this" },
        }, CancellationToken.None);

        Assert.Equal("ONLY=this", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task RunAsync_Arguments_NeverInterpretedByAShell()
    {
        var result = await _runner.RunAsync(new ProcessSpec("/bin/echo", ["$(id)", "a b", ";", "`whoami`", "*"]), CancellationToken.None);

        Assert.Equal("$(id) a b ; `whoami` *", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task RunAsync_Timeout_KillsWholeTreeAndReportsTimedOut()
    {
        var pidFile = Path.GetTempFileName();
        var result = await _runner.RunAsync(new ProcessSpec("/bin/sh", ["-c", $"sleep 60 & echo $! > {pidFile}; wait"])
        {
            Timeout = TimeSpan.FromMilliseconds(500),
            Environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
        }, CancellationToken.None);

        Assert.True(result.TimedOut);
        var grandchild = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(100);
        Assert.False(Infrastructure.StubCosign.IsAlive(grandchild), "the grandchild must die with the tree");
        File.Delete(pidFile);
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsAndThrows()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _runner.RunAsync(new ProcessSpec("/bin/sleep", ["60"]), cts.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_HugeOutput_CappedAndDrained()
    {
        var result = await _runner.RunAsync(new ProcessSpec("/usr/bin/head", ["-c", "5000000", "/dev/zero"]) { MaxOutputChars = 1000 },
            CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1000, result.StandardOutput.Length);
        Assert.True(result.OutputTruncated);
    }

    [Fact]
    public async Task RunAsync_StandardInput_Delivered()
    {
        var result = await _runner.RunAsync(new ProcessSpec("/bin/cat", []) { StandardInput = "hello"u8.ToArray() }, CancellationToken.None);

        Assert.Equal("hello", result.StandardOutput);
    }

    [Fact]
    public async Task RunAsync_MissingExecutable_ProcessStartException()
    {
        await Assert.ThrowsAsync<ProcessStartException>(() =>
            _runner.RunAsync(new ProcessSpec("/nonexistent/tool", []), CancellationToken.None));
    }
}

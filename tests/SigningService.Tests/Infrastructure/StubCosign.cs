namespace SigningService.Tests.Infrastructure;

/// <summary>
/// A stand-in cosign for tests of the job pipeline itself (cancel, queue full, timeouts): it answers
/// the startup probe like cosign 3 and then "works" by sleeping, recording its pid. Every test of
/// signing or verification uses the real cosign instead.
/// </summary>
public sealed class StubCosign : IDisposable
{
    public StubCosign(string version = "v3.0.2")
    {
        Folder = Directory.CreateTempSubdirectory("ss-stub-").FullName;
        Path = System.IO.Path.Combine(Folder, "cosign");
        PidFile = System.IO.Path.Combine(Folder, "pids");
        File.WriteAllText(Path, $$"""
            #!/bin/sh
            case "$1" in
              version) echo "GitVersion:    {{version}}"; exit 0 ;;
              signing-config)
                while [ $# -gt 0 ]; do [ "$1" = "--out" ] && echo '{}' > "$2"; shift; done
                exit 0 ;;
            esac
            echo $$ >> '{{PidFile}}'
            exec sleep 120
            """.Replace("\r", "", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Folder { get; }
    public string Path { get; }
    public string PidFile { get; }

    public int[] Pids => File.Exists(PidFile)
        ? [.. File.ReadAllLines(PidFile).Where(l => l.Length > 0).Select(int.Parse)]
        : [];

    public static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

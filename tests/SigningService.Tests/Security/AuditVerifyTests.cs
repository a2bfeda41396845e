using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SigningService.Admin;
using SigningService.Audit;
using SigningService.Jobs;
using SigningService.KmsRelay;
using SigningService.Storage;

namespace SigningService.Tests.Security;

/// <summary>The verify command accepts an intact chain and names the first line an edit, deletion or reordering broke.</summary>
public sealed class AuditVerifyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ss-audit-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    private AuditLog NewLog(string path) => new(
        Options.Create(new AuditOptions { Path = path }), Options.Create(new StorageOptions { Root = _folder }),
        TimeProvider.System, NullLogger<AuditLog>.Instance);

    private string WriteLog(int records)
    {
        var path = PathOf("audit.jsonl");
        using var log = NewLog(path);
        for (var i = 1; i <= records; i++)
        {
            log.Append(new AuditEntry(AuditEntry.JobEvent, "apikey:ci", "sign-blob", "succeeded") { JobId = $"j{i}", Key = "release" });
        }
        return path;
    }

    private static async Task<(int Exit, string Output)> VerifyAsync(string path)
    {
        using var output = new StringWriter();
        var exit = await AuditVerifyCommand.RunAsync(["verify", path], output);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task Verify_IntactLog_Exit0WithCount()
    {
        var (exit, output) = await VerifyAsync(WriteLog(5));

        Assert.Equal(0, exit);
        Assert.Contains("5 records", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EditedLine_NamesIt()
    {
        var path = WriteLog(5);
        var lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace("\"succeeded\"", "\"failed\"", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);

        var (exit, output) = await VerifyAsync(path);

        Assert.Equal(1, exit);
        Assert.Contains("line 3:", output, StringComparison.Ordinal);
        Assert.Contains("modified", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedLine_NamesWhereItWas()
    {
        var path = WriteLog(5);
        File.WriteAllLines(path, File.ReadAllLines(path).Where((_, i) => i != 2));

        var (exit, output) = await VerifyAsync(path);

        Assert.Equal(1, exit);
        Assert.Contains("line 3:", output, StringComparison.Ordinal);
        Assert.Contains("deleted", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ReorderedLines_NamesTheFirst()
    {
        var path = WriteLog(5);
        var lines = File.ReadAllLines(path);
        (lines[1], lines[2]) = (lines[2], lines[1]);
        File.WriteAllLines(path, lines);

        var (exit, output) = await VerifyAsync(path);

        Assert.Equal(1, exit);
        Assert.Contains("line 2:", output, StringComparison.Ordinal);
        Assert.Contains("reordered", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_AfterRestart_ContinuesTheChain()
    {
        var path = WriteLog(2);
        using (var reopened = NewLog(path))
        {
            reopened.Append(new AuditEntry(AuditEntry.RefusedEvent, "(unauthenticated)", "sign", "unauthenticated"));
        }

        var (exit, output) = await VerifyAsync(path);

        Assert.True(exit == 0, output);
        Assert.Contains("3 records", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KmsListener_Signature_RecordedWithItsJobAndOwner()
    {
        var path = PathOf("kms.jsonl");
        using var log = NewLog(path);
        var store = new InMemoryJobStore();
        var workspace = JobWorkspace.Create(_folder, "j1");
        store.Add(new Job("j1", "sign-image", new object(), workspace, DateTimeOffset.UtcNow)
        {
            Owner = "oidc:github:repo:org/app:ref:refs/heads/main",
            Subject = new JobSubject("hsm-release", "registry.example/org/app", "sha256:abc"),
        });
        IKmsSignatureListener listener = new AuditKmsSignatureListener(log, store);

        listener.OnSignature(new KmsSignatureRecord("j1", "hsm-release", System.Security.Cryptography.HashAlgorithmName.SHA256, "00ff", DateTimeOffset.UtcNow));

        var record = Assert.Single(AuditFile.Read(path));
        Assert.Equal("hsm-signature", AuditFile.Text(record, "event"));
        Assert.Equal("j1", AuditFile.Text(record, "jobId"));
        Assert.Equal("oidc:github:repo:org/app:ref:refs/heads/main", AuditFile.Text(record, "principal"));
        Assert.Equal("sha256:00ff", AuditFile.Text(record, "digest"));
        Assert.Equal(0, (await VerifyAsync(path)).Exit);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

namespace SigningService.Storage;

/// <summary>
/// A job's private folder. <c>work/</c> holds uploads and cosign's scratch files and is deleted
/// as soon as the job ends; <c>artifacts/</c> holds results until the job expires.
/// </summary>
public sealed class JobWorkspace
{
    private JobWorkspace(string root)
    {
        Root = root;
        Work = Path.Combine(root, "work");
        Artifacts = Path.Combine(root, "artifacts");
    }

    public string Root { get; }
    public string Work { get; }
    public string Artifacts { get; }

    /// <summary>HOME and TMPDIR of cosign children: cosign's caches land here and go with the job.</summary>
    public string Home => Path.Combine(Work, "home");

    public static JobWorkspace Create(string storageRoot, string jobId)
    {
        PrivateFiles.CreateFolder(storageRoot);
        var workspace = new JobWorkspace(Path.Combine(storageRoot, jobId));
        PrivateFiles.CreateFolder(workspace.Root);
        PrivateFiles.CreateFolder(workspace.Work);
        PrivateFiles.CreateFolder(workspace.Artifacts);
        PrivateFiles.CreateFolder(workspace.Home);
        return workspace;
    }

    public string WorkFile(string name) => Path.Combine(Work, name);

    public string ArtifactFile(string name) => Path.Combine(Artifacts, name);

    public void DeleteWork() => PrivateFiles.DeleteFolder(Work);

    public void Delete() => PrivateFiles.DeleteFolder(Root);
}

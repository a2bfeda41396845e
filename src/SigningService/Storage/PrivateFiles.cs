namespace SigningService.Storage;

/// <summary>Creates folders only the service's user can enter (0700) and files only it can read (0600).</summary>
public static class PrivateFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static DirectoryInfo CreateFolder(string path)
    {
        var dir = OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, FolderMode);
        if (!OperatingSystem.IsWindows())
        {
            // CreateDirectory leaves an existing folder's mode alone; tighten it either way.
            File.SetUnixFileMode(path, FolderMode);
        }
        return dir;
    }

    /// <summary>Opens a new file for writing with mode 0600 from the first byte on.</summary>
    public static FileStream CreateFile(string path)
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFileMode;
        }
        return new FileStream(path, options);
    }

    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        await using var stream = CreateFile(path);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }

    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await using var stream = CreateFile(path);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    public static void DeleteFolder(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A child may still be releasing a file; the expiry sweep tries again.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

namespace SigningService.Processes;

public sealed class ProcessStartException(string fileName, Exception inner)
    : Exception($"could not start '{fileName}': {inner.Message}", inner)
{
    public string FileName { get; } = fileName;
}

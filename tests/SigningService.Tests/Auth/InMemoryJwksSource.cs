using System.Text;
using SigningService.Auth.Jwt;

namespace SigningService.Tests.Auth;

internal sealed class InMemoryJwksSource(string json) : IJwksSource
{
    private int _fetches;

    public string Json { get; set; } = json;

    public bool Fail { get; set; }

    public int Fetches => Volatile.Read(ref _fetches);

    public Task<byte[]> FetchAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _fetches);
        return Fail
            ? Task.FromException<byte[]>(new HttpRequestException("simulated outage"))
            : Task.FromResult(Encoding.UTF8.GetBytes(Json));
    }
}

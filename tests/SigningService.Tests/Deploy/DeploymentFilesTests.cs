using System.Text.RegularExpressions;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Deploy;

/// <summary>
/// No Docker engine or helm binary exists here, so the chart, Dockerfile and compose file are
/// checked statically: every value a template reads exists, settings named in env vars exist in
/// the options classes, and the security posture is what the docs promise.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([TestTools.RepoRoot, .. path]));

    private static readonly string Chart = Path.Combine(TestTools.RepoRoot, "helm", "signingservice");

    [Fact]
    public void Chart_EveryValueReadByATemplateIsDefined()
    {
        var defined = ValuePaths(Read("helm", "signingservice", "values.yaml"));
        var templates = Directory.GetFiles(Path.Combine(Chart, "templates")).Select(File.ReadAllText);

        var used = templates.SelectMany(t => ValuesReference().Matches(t).Select(m => m.Groups[1].Value)).Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.All(used, path => Assert.True(defined.Contains(path), $".Values.{path} is not in values.yaml"));
    }

    [Fact]
    public void Chart_MetadataAndPosture()
    {
        Assert.Contains("apiVersion: v2", Read("helm", "signingservice", "Chart.yaml"), StringComparison.Ordinal);
        var values = Read("helm", "signingservice", "values.yaml");
        Assert.Contains("runAsNonRoot: true", values, StringComparison.Ordinal);
        Assert.Contains("readOnlyRootFilesystem: true", values, StringComparison.Ordinal);
        Assert.Contains("allowPrivilegeEscalation: false", values, StringComparison.Ordinal);
        var deployment = Read("helm", "signingservice", "templates", "deployment.yaml");
        Assert.Contains("path: /health/ready", deployment, StringComparison.Ordinal);
        Assert.Contains("path: /health/live", deployment, StringComparison.Ordinal);
        Assert.Contains("automountServiceAccountToken: false", deployment, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_EnvironmentSettingsExistInOptions()
    {
        var deployment = Read("helm", "signingservice", "templates", "deployment.yaml");
        var settings = EnvName().Matches(deployment).Select(m => m.Groups[1].Value).Distinct().ToList();
        var sections = new Dictionary<string, Type>
        {
            ["Jobs"] = typeof(SigningService.Jobs.JobOptions),
            ["Uploads"] = typeof(SigningService.Uploads.UploadOptions),
            ["Cosign"] = typeof(SigningService.Cosign.CosignOptions),
            ["Storage"] = typeof(SigningService.Storage.StorageOptions),
        };

        foreach (var setting in settings)
        {
            var parts = setting.Split("__");
            if (sections.TryGetValue(parts[0], out var type))
            {
                Assert.True(type.GetProperty(parts[1]) is not null, $"{setting}: {type.Name} has no {parts[1]}");
            }
        }
        Assert.Contains("Jobs__Workers", settings);
    }

    [Fact]
    public void Dockerfile_RunsAsNonRootWithCosign()
    {
        var dockerfile = Read("deploy", "Dockerfile");

        Assert.Matches(@"(?m)^USER 10001$", dockerfile);
        Assert.Contains("Cosign__Path=/app/cosign", dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain("PASSWORD", dockerfile, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Compose_BindsOnlyToLoopback()
    {
        var compose = Read("docker-compose.yml");

        foreach (Match port in PortMapping().Matches(compose))
        {
            Assert.StartsWith("127.0.0.1:", port.Groups[1].Value, StringComparison.Ordinal);
        }
    }

    /// <summary>Dotted paths of every key in a simple YAML mapping (indentation-based; lists are leaves).</summary>
    private static HashSet<string> ValuePaths(string yaml)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var stack = new List<(int Indent, string Key)>();
        foreach (var raw in yaml.Split('\n'))
        {
            var line = raw.TrimEnd();
            var match = YamlKey().Match(line);
            if (!match.Success)
            {
                continue;
            }
            var indent = match.Groups[1].Value.Length;
            stack.RemoveAll(e => e.Indent >= indent);
            stack.Add((indent, match.Groups[2].Value));
            paths.Add(string.Join('.', stack.Select(e => e.Key)));
        }
        return paths;
    }

    [GeneratedRegex(@"\.Values\.([A-Za-z0-9_.]+)")]
    private static partial Regex ValuesReference();

    [GeneratedRegex(@"^( *)([A-Za-z0-9_]+):")]
    private static partial Regex YamlKey();

    [GeneratedRegex(@"name: ([A-Za-z]+__[A-Za-z]+)")]
    private static partial Regex EnvName();

    [GeneratedRegex(@"- ""([0-9.:]+):\d+""")]
    private static partial Regex PortMapping();
}

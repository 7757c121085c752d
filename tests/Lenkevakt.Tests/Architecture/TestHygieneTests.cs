using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Lenkevakt.Tests.Architecture;

/// <summary>
/// The rules every test class of this assembly keeps (compiled into both test projects, each checks its own assembly):
/// exactly one <c>Category</c> trait, <c>Unit</c> or <c>Integration</c>, so that <c>--filter Category=Unit</c> runs the
/// fast tests and <c>Category=Integration</c> the rest; a Unit class uses none of the integration helpers (Azurite,
/// loopback servers, processes, Chromium) and no real time; and test methods are named <c>Subject_Condition_Outcome</c>.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class TestHygieneTests
{
    private const string Unit = "Unit";
    private const string Integration = "Integration";

    /// <summary>What only an integration test may name: the emulator, loopback servers and listeners, processes, the browser.</summary>
    private static readonly string[] IntegrationOnly =
    [
        "AzuriteCollection", "AzuriteFixture", "AzuriteLauncher", "AzuriteProcess", "LoopbackServer", "NightlySite", "WebhookReceiver",
        "WebApplication", "HttpListener", "TcpListener", "Socket", "Process", "ProcessStartInfo", "CliProcessTests", "WorkerProcess",
        "Playwright", "IPlaywright", "IBrowser", "IPage", "HeadlessChromium", "FunctionsTestApp",
    ];

    private static readonly Assembly Tests = typeof(TestHygieneTests).Assembly;

    [Fact]
    public void EveryTestClass_HasExactlyOneCategory()
    {
        var wrong = TestClasses()
            .Select(t => (Type: t, Categories: Categories(t)))
            .Where(c => c.Categories.Count != 1 || c.Categories[0] is not (Unit or Integration))
            .Select(c => $"{c.Type.FullName}: [{string.Join(", ", c.Categories)}]")
            .ToList();

        Assert.True(wrong.Count == 0, "Each test class needs exactly one [Trait(\"Category\", \"Unit\")] or [Trait(\"Category\", \"Integration\")]:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void UnitTestClasses_UseNoIntegrationHelpersAndNoRealTime()
    {
        var sources = Sources()
            .Select(f => (File: f, Code: Code(File.ReadAllText(f))))
            .ToList();
        var problems = new List<string>();
        foreach (var type in TestClasses().Where(t => Categories(t).SequenceEqual([Unit])))
        {
            if (type.GetCustomAttributes<CollectionAttribute>().Any() ||
                type.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => IntegrationOnly.Contains(p.ParameterType.Name)))
            {
                problems.Add($"{type.Name}: takes a collection or an integration fixture");
            }

            var declaration = new Regex(@"\bclass\s+" + Regex.Escape(type.Name) + @"\b");
            var files = sources.Where(s => declaration.IsMatch(s.Code)).ToList();
            if (files.Count == 0)
            {
                problems.Add($"{type.Name}: source not found under {ProjectDirectory()}");
            }

            foreach (var (file, code) in files)
            {
                var name = Path.GetFileName(file);
                problems.AddRange(IntegrationOnly.Where(h => Regex.IsMatch(code, @"(?<![\w.])" + h + @"\b|\bDiagnostics\." + h + @"\b")).Select(h => $"{type.Name} ({name}): uses {h}"));
                if (code.Contains("Thread.Sleep", StringComparison.Ordinal))
                {
                    problems.Add($"{type.Name} ({name}): Thread.Sleep (use a FakeTimeProvider)");
                }

                // Task.Delay only on a TimeProvider (the FakeTimeProvider's clock), never on the wall clock.
                problems.AddRange(RealDelay().Matches(code).Where(m => !m.Groups["args"].Value.Contains("time", StringComparison.OrdinalIgnoreCase))
                    .Select(m => $"{type.Name} ({name}): {m.Value} waits in real time (pass the FakeTimeProvider, or make the class Integration)"));
            }
        }

        Assert.True(problems.Count == 0, "Unit test classes must be fast and self-contained:\n" + string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void TestServers_ListenOnFreePortsOnly()
    {
        // A fixed port collides with a parallel test, another worktree's run or anything else on the machine: servers
        // and listeners take port 0 (the system's free port) and read back where they listen. Literal ports in URLs
        // that nothing listens on (parsing, refused by the policy, the reserved 1 and 9) are not listeners.
        var fixedPorts = Sources()
            .SelectMany(s => FixedListen().Matches(File.ReadAllText(s)).Select(m => $"{Path.GetFileName(s)}: {m.Value.Trim()}"))
            .ToList();

        Assert.True(fixedPorts.Count == 0, "Listen on port 0, not on a fixed port:\n" + string.Join("\n", fixedPorts));
    }

    [Fact]
    public void TestMethods_AreNamedSubjectConditionOutcome()
    {
        var wrong = TestClasses()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
                .Where(m => !MethodName().IsMatch(m.Name))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(wrong.Count == 0, $"Test methods are PascalCase segments joined by underscores, at least two (Subject_Condition_Outcome); {wrong.Count} are not:\n" + string.Join("\n", wrong));
    }

    private static IEnumerable<Type> TestClasses() => Tests.GetTypes()
        .Where(t => t.IsClass && (!t.IsAbstract || t.IsSealed))
        .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Any(m => m.GetCustomAttributes<FactAttribute>().Any()));

    /// <summary>The values of the class's <c>Category</c> traits (xUnit 2's TraitAttribute keeps its arguments only as attribute data).</summary>
    private static List<string> Categories(Type type) => type.GetCustomAttributesData()
        .Where(a => a.AttributeType == typeof(TraitAttribute) && a.ConstructorArguments.Count == 2 && (string?)a.ConstructorArguments[0].Value == "Category")
        .Select(a => (string)a.ConstructorArguments[1].Value!)
        .ToList();

    /// <summary>The test project's directory (tests/&lt;assembly name&gt;), found from this file's place in tests/Lenkevakt.Tests/Architecture.</summary>
    private static string ProjectDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", Tests.GetName().Name!));

    /// <summary>The test project's own C# files, and this one (compiled into the Functions tests as a link).</summary>
    private static List<string> Sources() => Directory.EnumerateFiles(ProjectDirectory(), "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Append(ThisFile())
        .Distinct()
        .ToList();

    private static string ThisFile([CallerFilePath] string here = "") => here;

    /// <summary>The code without comments and string literals (a name in a message or a comment is no use).</summary>
    private static string Code(string source) => Literals().Replace(source, m => m.Value.StartsWith('/') ? " " : "\"\"");

    [GeneratedRegex(@"""""""[\s\S]*?""""""|@""(?:""""|[^""])*""|""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])'|//[^\n]*|/\*[\s\S]*?\*/")]
    private static partial Regex Literals();

    [GeneratedRegex(@"\bTask\.Delay\((?<args>[^;]*?)\)\s*[;.)]")]
    private static partial Regex RealDelay();

    /// <summary>UseUrls/Listen/TcpListener/--port with a literal port other than 0.</summary>
    [GeneratedRegex(@"\b(?:UseUrls|Listen|TcpListener)\([^;{]*?(?::|,\s*)(?!0\b)[1-9][0-9]*\b(?![.\w])|""--port"",\s*""(?!0"")[0-9]+""")]
    private static partial Regex FixedListen();

    [GeneratedRegex(@"^[A-Z0-9][A-Za-z0-9]*(_[A-Z0-9][A-Za-z0-9]*)+$")]
    private static partial Regex MethodName();
}

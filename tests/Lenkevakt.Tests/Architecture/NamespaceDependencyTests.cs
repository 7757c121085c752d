using System.Reflection;
using System.Reflection.Emit;
using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Architecture;

/// <summary>
/// The core library's namespaces may only depend on each other as docs/architecture.md draws it. Every type of the
/// Lenkevakt assembly is read — base types, interfaces, fields, properties, signatures, and the types, methods and
/// fields its method bodies use (IL), so compiler-generated async state machines and lambdas count too.
/// </summary>
[Trait("Category", "Unit")]
public sealed class NamespaceDependencyTests
{
    /// <summary>Namespace (second segment of <c>Lenkevakt.X…</c>) → what it may use. Keep equal to docs/architecture.md.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Storage"] = [],
        ["Html"] = [],
        ["Sites"] = [],
        ["Findings"] = ["Storage"],
        ["Checks"] = ["Findings"],
        ["Crawling"] = ["Checks", "Findings", "Sites", "Storage"],
        ["Content"] = ["Crawling", "Checks", "Findings", "Sites", "Storage"],
        ["Pipeline"] = ["Crawling", "Checks", "Content", "Dashboard", "Findings", "Sites", "Storage"],
        ["Dashboard"] = ["Content", "Crawling", "Findings", "Html", "Sites", "Storage"],
        ["Reports"] = ["Content", "Dashboard", "Findings", "Html", "Sites", "Storage"],
        ["Alerts"] = ["Findings", "Pipeline", "Sites", "Storage"],
    };

    /// <summary>Edges that break the layering and are still to be straightened (each named in docs/architecture.md). Do not add to this list.</summary>
    private static readonly HashSet<(string From, string To)> KnownDebts =
    [
    ];

    [Fact]
    public void CoreNamespaces_DependOnlyDownwards()
    {
        var graph = Graph(typeof(SiteCrawler).Assembly);
        var violations = graph
            .Where(e => e.Key.From != "(root)" && !Allowed.GetValueOrDefault(e.Key.From, []).Contains(e.Key.To) && !KnownDebts.Contains(e.Key))
            .Select(e => $"{e.Key.From} → {e.Key.To} (e.g. {e.Value})")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(violations.Count == 0, "Dependencies the design does not allow:\n" + string.Join("\n", violations) +
            "\n\nAll edges:\n" + string.Join("\n", graph.Keys.Select(k => $"{k.From} → {k.To}").Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void EveryNamespace_IsInTheAllowedGraph()
    {
        var namespaces = typeof(SiteCrawler).Assembly.GetTypes().Select(t => Group(t.Namespace)).Where(g => g is not null and not "(root)").Distinct();

        Assert.All(namespaces, n => Assert.True(Allowed.ContainsKey(n!), $"namespace Lenkevakt.{n} is not in the allowed graph (and docs/architecture.md)"));
    }

    [Fact]
    public void CoreLibrary_DoesNotStartProcesses()
    {
        // Process control (Azurite, npm) belongs to the CLI host, not to the library the Functions app ships. Looking a
        // process up (LeaseOwner: is the holder of a lease still alive on this machine?) is not control and is allowed.
        var graph = Graph(typeof(SiteCrawler).Assembly, includeExternal: true);

        Assert.DoesNotContain(graph.Keys, e => e.To == "System.Diagnostics.ProcessStartInfo");
        Assert.All(graph.Keys.Where(e => e.To == "System.Diagnostics.Process"), e => Assert.Equal("Pipeline", e.From));
    }

    private static string? Group(string? ns)
    {
        if (ns is null || !(ns == "Lenkevakt" || ns.StartsWith("Lenkevakt.", StringComparison.Ordinal)))
        {
            return null;
        }

        var parts = ns.Split('.');
        return parts.Length == 1 ? "(root)" : parts[1];
    }

    /// <summary>(from, to) namespace edges, each with one example; with <paramref name="includeExternal"/> also edges to external types by full name.</summary>
    private static Dictionary<(string From, string To), string> Graph(Assembly assembly, bool includeExternal = false)
    {
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in assembly.GetTypes())
        {
            if (Group(type.Namespace) is not { } from)
            {
                continue;
            }

            foreach (var (used, where) in Uses(type))
            {
                foreach (var t in Flatten(used))
                {
                    var to = Group(t.Namespace);
                    if (to is not null && to != from)
                    {
                        edges.TryAdd((from, to), $"{type.FullName} {where} uses {t.FullName}");
                    }
                    else if (to is null && includeExternal && t.FullName is { } name)
                    {
                        edges.TryAdd((from, name), $"{type.FullName} {where}");
                    }
                }
            }
        }

        return edges;
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var t in Flatten(type.GetElementType()!))
            {
                yield return t;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return t;
            }
        }
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<(Type, string)> Uses(Type type)
    {
        if (type.BaseType is { } b)
        {
            yield return (b, "base");
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return (i, "interface");
        }

        foreach (var f in type.GetFields(All))
        {
            yield return (f.FieldType, f.Name);
        }

        foreach (var p in type.GetProperties(All))
        {
            yield return (p.PropertyType, p.Name);
        }

        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi)
            {
                yield return (mi.ReturnType, m.Name);
            }

            foreach (var p in m.GetParameters())
            {
                yield return (p.ParameterType, m.Name);
            }

            foreach (var t in BodyUses(type, m))
            {
                yield return (t, m.Name);
            }
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The types a method body names: through the tokens of calls, field accesses, casts, new objects and ldtoken.</summary>
    private static IEnumerable<Type> BodyUses(Type type, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArgs = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var module = method.Module;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i++];
            if (value == 0xFE && i < il.Length)
            {
                value = (short)(0xFE00 | il[i++]);
            }

            if (!OpCodesByValue.TryGetValue(value, out var op))
            {
                yield break; // not understood: stop reading this body rather than guess
            }

            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    Type? used = null;
                    try
                    {
                        used = module.ResolveMember(token, typeArgs, methodArgs) switch
                        {
                            Type t => t,
                            MemberInfo m => m.DeclaringType,
                            _ => null,
                        };
                    }
                    catch (ArgumentException)
                    {
                    }

                    if (used is not null)
                    {
                        yield return used;
                    }

                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}

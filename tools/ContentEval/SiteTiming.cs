using System.Diagnostics;
using Lenkevakt.Content;
using Lenkevakt.Crawling;
using Lenkevakt.Sites;

namespace Lenkevakt.Tools.ContentEval;

/// <summary>
/// <c>--site DIR</c>: the crawler's parse and content evaluation of every <c>.html</c> file of a generated bench site
/// (<c>gen_nation.py</c>'s <c>sites/&lt;id&gt;/site</c>), timed over N warm rounds, split into help and other pages and
/// large pages (≥ 200 KB), with the slowest pages; then the stage profile of the evaluation. Where a site's CPU goes,
/// in process, without the crawl around it.
/// </summary>
internal static class SiteTiming
{
    public static void Run(string dir, PageContentEvaluator evaluator, int rounds, bool listVerdicts = false, bool profileLarge = false)
    {
        var files = Directory.EnumerateFiles(dir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var pages = files.Select(f => (Url: new Uri("http://bench.test/" + Path.GetRelativePath(dir, f).Replace('\\', '/')), Html: File.ReadAllText(f), Size: new FileInfo(f).Length)).ToList();
        var parseTicks = new long[pages.Count];
        var evalTicks = new long[pages.Count];
        var help = new bool[pages.Count];
        long parseAlloc = 0, evalAlloc = 0;
        var cpu = TimeSpan.Zero;
        var gen0 = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var record = round > 0;
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var gcStart = GC.CollectionCount(0);
            for (var i = 0; i < pages.Count; i++)
            {
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                var parsed = PageParser.Parse(pages[i].Html, pages[i].Url);
                var t1 = sw.ElapsedTicks;
                var a1 = GC.GetAllocatedBytesForCurrentThread();
                var result = evaluator.Evaluate("bench", SiteKind.Municipality, pages[i].Url, parsed);
                var t2 = sw.ElapsedTicks;
                var a2 = GC.GetAllocatedBytesForCurrentThread();
                if (record)
                {
                    parseTicks[i] += t1;
                    evalTicks[i] += t2 - t1;
                    parseAlloc += a1 - a0;
                    evalAlloc += a2 - a1;
                    help[i] = result.IsHelpPage;
                }
            }

            if (record)
            {
                cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
                gen0 += GC.CollectionCount(0) - gcStart;
            }
        }

        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency / rounds;
        Console.WriteLine($"site {dir}: {pages.Count} pages, {rounds} warm rounds; per round: CPU {cpu.TotalMilliseconds / rounds:0} ms, {gen0 / (double)rounds:0.0} gen-0 collections");
        Console.WriteLine($"  parse {Ms(parseTicks.Sum()),7:0.0} ms, {parseAlloc / rounds / 1048576.0:0.0} MB allocated");
        Console.WriteLine($"  eval  {Ms(evalTicks.Sum()),7:0.0} ms, {evalAlloc / rounds / 1048576.0:0.0} MB allocated");
        void Group(string name, Func<int, bool> pick)
        {
            var idx = Enumerable.Range(0, pages.Count).Where(pick).ToList();
            Console.WriteLine($"  {name,-22} {idx.Count,4} pages: parse {Ms(idx.Sum(i => parseTicks[i])),7:0.0} ms, eval {Ms(idx.Sum(i => evalTicks[i])),7:0.0} ms");
        }

        Group("large (>= 200 KB)", i => pages[i].Size >= 200_000);
        Group("help pages", i => help[i] && pages[i].Size < 200_000);
        Group("other pages", i => !help[i] && pages[i].Size < 200_000);
        if (listVerdicts)
        {
            foreach (var i in Enumerable.Range(0, pages.Count))
            {
                Console.WriteLine($"  verdict {(help[i] ? "help" : "other")} {pages[i].Url.AbsolutePath}");
            }
        }

        Console.WriteLine("  slowest evaluations:");
        foreach (var i in Enumerable.Range(0, pages.Count).OrderByDescending(i => evalTicks[i]).Take(5))
        {
            Console.WriteLine($"    {Ms(evalTicks[i]),7:0.0} ms eval, {Ms(parseTicks[i]),7:0.0} ms parse, {pages[i].Size / 1024,5} KB, help {help[i]}: {pages[i].Url.AbsolutePath}");
        }

        // The stage profile of the help pages (where the rules run), as --profile does for the real pages; with
        // --large, of the large pages instead.
        var profiled = Enumerable.Range(0, pages.Count).Where(i => profileLarge ? pages[i].Size >= 200_000 : help[i])
            .Select(i => (pages[i].Url, PageParser.Parse(pages[i].Html, pages[i].Url))).ToList();
        StageProfile.Run(profiled, evaluator.Engine, rounds);
    }
}

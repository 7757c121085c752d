namespace Lenkevakt.Cli.Hosting;

/// <summary>A short Norwegian reason for a <c>site-unreachable</c> finding, from its status (<c>error Dns</c>, <c>timeout</c>, <c>broken 503</c>…).</summary>
public static class UnreachableReason
{
    public static string Nb(string? status)
    {
        var s = (status ?? "").Trim();
        return s switch
        {
            "error Dns" => "DNS: navnet finnes ikke",
            "error ConnectionRefused" => "tilkoblingen ble avvist",
            "error ConnectionReset" => "tilkoblingen ble brutt",
            "error Tls" => "TLS/sertifikatfeil",
            "error Protocol" => "ugyldig HTTP-svar",
            "error HostDown" => "gjentatte tilkoblingsfeil",
            "timeout" => "tidsavbrudd",
            "redirectloop" => "evig omdirigering",
            "blocked" => "privat adresse, ikke tillatt",
            "excluded" => "stengt av robots.txt eller utelatt",
            "unsupported" => "ikke en HTML-side",
            _ when s.StartsWith("broken ", StringComparison.Ordinal) => "svarte med feil " + s["broken ".Length..],
            _ when s.StartsWith("error ", StringComparison.Ordinal) => "nettverksfeil",
            _ => "svarte ikke",
        };
    }
}

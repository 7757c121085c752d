namespace Lenkevakt.Content.Detectors;

/// <summary>An obfuscated e-mail address in text ("post (at) kommune.no"): its local part, its domain as written, whether the separator was bracketed, and where it stands.</summary>
internal sealed record ObfuscatedEmail(string Local, string Domain, bool Bracketed, int Index, int Length);

namespace Lenkevakt.Pipeline;

/// <summary>How many stored rows (and checkpoint blobs) belong to one site, per place; see <see cref="ForgetSiteHandler"/>.</summary>
public sealed record SiteRows(int Findings, int Pages, int Dashboard, int SiteContent, int Runs, int AlertLog, int LinkStatus, int Checkpoints)
{
    public int Total => Findings + Pages + Dashboard + SiteContent + Runs + AlertLog + LinkStatus + Checkpoints;
}

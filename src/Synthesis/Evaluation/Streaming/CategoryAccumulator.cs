namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// Category-level figures of one merged column: SDMetrics' CategoryAdherence (the share of synthetic values,
/// NULL included, found among the real values), and the synthetic rows whose value is real (a pii or text
/// leak) or real but seen fewer than k times (a rare-category leak).
/// </summary>
internal sealed class CategoryAccumulator(int rareK)
{
    public long SyntheticValues { get; private set; }

    /// <summary>Synthetic rows whose value the real data has.</summary>
    public long Found { get; private set; }

    /// <summary>Synthetic rows whose value the real data has fewer than k times.</summary>
    public long RareRows { get; private set; }

    /// <summary>Such values.</summary>
    public int RareCategories { get; private set; }

    /// <summary>
    /// Synthetic rows whose value the real data has fewer than k times but that belong to a public list a generator
    /// draws from whatever the source holds (countries, courtesy titles): chance, not a rare value reproduced.
    /// </summary>
    public long PublicRareRows { get; private set; }

    public void Add(long real, long synthetic, bool publicValue = false)
    {
        SyntheticValues += synthetic;
        if (real > 0)
        {
            Found += synthetic;
        }

        if (real > 0 && real < rareK && synthetic > 0)
        {
            if (publicValue)
            {
                PublicRareRows += synthetic;
                return;
            }

            RareRows += synthetic;
            RareCategories++;
        }
    }

    /// <summary>CategoryAdherence; NULL matches NULL. NaN without synthetic rows.</summary>
    public double Adherence(long realNulls, long syntheticNulls)
    {
        var rows = SyntheticValues + syntheticNulls;
        return rows == 0 ? double.NaN : (double)(Found + (realNulls > 0 ? syntheticNulls : 0)) / rows;
    }
}

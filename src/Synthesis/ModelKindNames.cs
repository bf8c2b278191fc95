namespace Sdv.Connector.Synthesis;

/// <summary>The names of <see cref="ModelKind"/> as the command line and the configuration spell them.</summary>
public static class ModelKindNames
{
    /// <summary>Every name, in the order shown to users.</summary>
    public static IReadOnlyList<string> All { get; } = ["copula", "cart", "arf", "auto"];

    /// <summary>Reads a name (case-insensitive); false for anything else, numbers included.</summary>
    public static bool TryParse(string? text, out ModelKind kind)
    {
        kind = ModelKind.Copula;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "copula": kind = ModelKind.Copula; return true;
            case "cart": kind = ModelKind.Cart; return true;
            case "arf": kind = ModelKind.Arf; return true;
            case "auto": kind = ModelKind.Auto; return true;
            default: return false;
        }
    }

    public static string NameOf(ModelKind kind) => kind switch
    {
        ModelKind.Cart => "cart",
        ModelKind.Arf => "arf",
        ModelKind.Auto => "auto",
        _ => "copula",
    };
}

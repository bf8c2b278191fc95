namespace Sdv.Connector.Nightly.Config;

/// <summary>What a run does when the source's schema no longer matches the saved model's.</summary>
internal enum DriftAction
{
    /// <summary>Fit a new model from the source and save it over the old one (the default).</summary>
    Refit,

    /// <summary>Stop with exit code 2 and the list of changes; the target is left as it was.</summary>
    Refuse,
}

namespace Sdv.Connector.Reports;

/// <summary>One privacy figure as the reports show it.</summary>
/// <param name="Check">What is checked ("exact matches").</param>
/// <param name="Figure">The figure, formatted ("39.8%", "1,375", "-" when not measured).</param>
/// <param name="Summary">One line: what the figure counts, the chance level or condition beside it, and whether it is a problem.</param>
/// <param name="Detail">The same in full sentences, with the counts behind it.</param>
internal sealed record PrivacyLine(string Check, string Figure, string Summary, string Detail);

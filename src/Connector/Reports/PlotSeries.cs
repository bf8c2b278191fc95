namespace Sdv.Connector.Reports;

/// <summary>
/// One real-against-synthetic distribution, aggregates only: a label per bin or category and the share
/// of each side's non-null values that fall in it. <see cref="Kind"/> is histogram, dates or categories;
/// <see cref="Note"/> says in words how the bins were chosen or why values are hidden.
/// </summary>
internal sealed record PlotSeries(
    string Kind,
    IReadOnlyList<string> Labels,
    IReadOnlyList<double> Real,
    IReadOnlyList<double> Synthetic,
    long RealValues,
    long SyntheticValues,
    double RealNullShare,
    double SyntheticNullShare,
    string Note = "");

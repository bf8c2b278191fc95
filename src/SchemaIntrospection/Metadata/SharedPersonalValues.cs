using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// A column whose values are those of a personal-data column elsewhere in the database holds the same personal data,
/// whatever it is called: Nextcloud's <c>oc_share.uid_initiator</c> and <c>oc_activity.affecteduser</c> hold the logins
/// of <c>oc_users.uid</c>. Each login repeats on every row its user touched, so read alone such a column passes as a
/// common category and its values were copied. Judged after every column has its sdtype, from the profiles' distinct
/// values (never written anywhere).
/// </summary>
internal static class SharedPersonalValues
{
    /// <summary>Share of a column's distinct values that must be values of the personal column.</summary>
    private const double FoundShare = 0.8;

    /// <summary>Fewest distinct values for the comparison to mean anything.</summary>
    private const int MinDistinct = 3;

    /// <summary>Kinds whose values are a public vocabulary (countries, titles, colours): sharing them says nothing of anyone.</summary>
    private static bool IdentifiesSomeone(PiiKind kind) => kind is not (PiiKind.Country or PiiKind.State or PiiKind.StateAbbreviation
        or PiiKind.CountryCode or PiiKind.JobTitle or PiiKind.ColorName or PiiKind.CurrencyCode or PiiKind.Word or PiiKind.Code
        or PiiKind.DateOfBirth or PiiKind.Latitude or PiiKind.Longitude or PiiKind.City);

    public static DatabaseSchema Mark(DatabaseSchema schema, IReadOnlyDictionary<QualifiedName, IReadOnlyDictionary<string, ColumnProfile>>? profiles)
    {
        if (profiles is null) return schema;
        var personal = new List<(string Where, PiiKind Kind, ColumnProfile Profile)>();
        foreach (var table in schema.Tables)
        {
            if (!profiles.TryGetValue(table.Name, out var tableProfiles)) continue;
            foreach (var column in table.Columns)
            {
                if (column is { SdType: SdType.Pii, PiiKind: { } kind } && IdentifiesSomeone(kind)
                    && tableProfiles.TryGetValue(column.Name, out var profile) && profile.Distinct >= MinDistinct)
                {
                    personal.Add(($"{table.Name.Name}.{column.Name}", kind, profile));
                }
            }
        }
        if (personal.Count == 0) return schema;
        return schema with
        {
            Tables = schema.Tables.Select(table => profiles.TryGetValue(table.Name, out var tableProfiles)
                ? table with { Columns = table.Columns.Select(c => Marked(c, tableProfiles, personal)).ToList() }
                : table).ToList(),
        };
    }

    private static ColumnSchema Marked(ColumnSchema column, IReadOnlyDictionary<string, ColumnProfile> profiles, List<(string Where, PiiKind Kind, ColumnProfile Profile)> personal)
    {
        if (column.SdType is not (SdType.Categorical or SdType.Text) || column.LogicalType is not (LogicalType.String or LogicalType.FixedString or LogicalType.Text)
            || !profiles.TryGetValue(column.Name, out var profile) || profile.Distinct < MinDistinct)
        {
            return column;
        }
        foreach (var (where, kind, other) in personal)
        {
            if (ReferenceEquals(other, profile)) continue;
            var found = profile.ShareFoundIn(other);
            if (found < FoundShare) continue;
            var rule = $"values: {found:P0} of its distinct values are values of {where} ({kind})";
            return column with { SdType = SdType.Pii, PiiKind = kind, Inference = (column.Inference ?? new SdTypeEvidence(rule)) with { Rule = rule } };
        }
        return column;
    }
}

using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>Decides each column's role from its sdtype, keys and type; infers an sdtype from the logical type where none is given.</summary>
internal static partial class ColumnPlanner
{
    public static SdType FallbackSdType(ColumnSchema column) => column.LogicalType switch
    {
        LogicalType.Boolean => SdType.Boolean,
        LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64 or LogicalType.Decimal
            or LogicalType.Money or LogicalType.Float32 or LogicalType.Float64 => SdType.Numerical,
        LogicalType.Date or LogicalType.Time or LogicalType.TimeWithTimeZone or LogicalType.DateTime
            or LogicalType.DateTimeWithTimeZone or LogicalType.Interval => SdType.Datetime,
        LogicalType.Uuid => SdType.Id,
        LogicalType.Text or LogicalType.Json or LogicalType.Xml => SdType.Text,
        LogicalType.String or LogicalType.FixedString or LogicalType.Enum or LogicalType.Set => SdType.Categorical,
        _ => SdType.Unsupported,
    };

    public static (ColumnRole Role, FixedReason Reason) RoleOf(TableSchema table, ColumnSchema column)
    {
        if (column.GeneratedSql is not null)
        {
            return (ColumnRole.Fixed, FixedReason.Generated);
        }

        if (table.ForeignKeys.Any(fk => fk.Columns.Contains(column.Name, StringComparer.Ordinal)))
        {
            return (ColumnRole.Fixed, FixedReason.ForeignKey);
        }

        var isPk = table.PrimaryKey?.Columns.Contains(column.Name, StringComparer.Ordinal) == true;
        var sd = column.SdType == SdType.Unknown ? FallbackSdType(column) : column.SdType;
        // An interval is a duration: a number to the model, whatever the inference made of it.
        if (column.LogicalType == LogicalType.Interval && sd == SdType.Unsupported) sd = SdType.Numerical;
        // Structured values are generated from their own profiles (an inet of personal data is a pii generator's).
        if (Structured.StructuredKinds.Of(column) is { } structured && !(structured == Structured.StructuredKind.Inet && sd == SdType.Pii && column.PiiKind is not null))
        {
            return (ColumnRole.Structured, default);
        }
        // A date, time or fractional number in a key (a partitioned table's (id, paid_at)) is a value, not
        // a sequence: it is modelled as its type, and the key's uniqueness is kept by the unique-key checks.
        if ((isPk || sd == SdType.Id) && column.Identity == IdentityKind.None
            && ValueKinds.Of(column.LogicalType) is not (ValueKind.Integer or ValueKind.String or ValueKind.Guid or ValueKind.Binary))
        {
            isPk = false;
            sd = FallbackSdType(column);
        }
        // A column that is a key only together with other value columns (a stock level's (store, day), a reading's
        // (sensor, ts)) is a value too: numbered 1..n it would give every row a store of its own. The key stays unique
        // through the unique-key checks. Keys with a foreign key column are the multi-table layer's (line_no).
        if (isPk && IsValuePartOfCompositeKey(table, column))
        {
            isPk = false;
            if (sd is SdType.Id) sd = FallbackSdType(column);
        }
        // Beside a foreign key or an identity, a key column the metadata calls a value (a translation's locale under its
        // entity, a partition's tenant beside an identity id) keeps its values: drawn as an id it had 'gi' for 'en' and
        // tenants 1 to 1,000. The key stays unique by its identity, or by the unique-key checks given the parent's key.
        if (isPk && table.PrimaryKey!.Columns.Count > 1 && column.Identity == IdentityKind.None
            && column.SdType is not (SdType.Id or SdType.Unknown))
        {
            isPk = false;
        }
        if (isPk || sd == SdType.Id)
        {
            return column.LogicalType is LogicalType.Binary || column.IsExotic
                ? (ColumnRole.Fixed, FixedReason.Unsupported)
                : (ColumnRole.Id, default);
        }

        var kind = ValueKinds.Of(column.LogicalType);
        return sd switch
        {
            SdType.Numerical or SdType.Datetime when ValueKinds.IsContinuous(kind) => (ColumnRole.Continuous, default),
            SdType.Numerical or SdType.Datetime or SdType.Categorical or SdType.Boolean
                when kind is not ValueKind.Binary && column.LogicalType is not (LogicalType.Spatial or LogicalType.Array or LogicalType.Range or LogicalType.Bit) => (ColumnRole.Categorical, default),
            SdType.Pii when column.PiiKind is not null => (ColumnRole.Pii, default),
            SdType.Pii or SdType.Text when kind == ValueKind.String => (ColumnRole.Text, default),
            _ => (ColumnRole.Fixed, FixedReason.Unsupported),
        };
    }

    /// <summary>
    /// True for a column of a primary key of several columns none of which is in a foreign key or an identity, and
    /// which is not unique alone: its values mean something (a store, a day), and only their combination is unique.
    /// </summary>
    public static bool IsValuePartOfCompositeKey(TableSchema table, ColumnSchema column) =>
        table.PrimaryKey is { Columns.Count: > 1 } pk
        && pk.Columns.Contains(column.Name, StringComparer.Ordinal)
        && !pk.Columns.Any(c => table.ForeignKeys.Any(fk => fk.Columns.Contains(c, StringComparer.Ordinal))
            || table.Columns.FirstOrDefault(x => x.Name == c)?.Identity is not (null or IdentityKind.None))
        && !IsUniqueAlone(table, column);

    /// <summary>
    /// True for a column that alone is the primary key or a unique key, or whose lower or upper case a unique index over
    /// every row holds (<c>CREATE UNIQUE INDEX ON tag (lower(name))</c>): its values are drawn unique.
    /// </summary>
    public static bool IsUniqueAlone(TableSchema table, ColumnSchema column) =>
        (table.PrimaryKey is { Columns.Count: 1 } pk && pk.Columns[0] == column.Name)
        || table.UniqueKeys.Any(k => k.Columns.Count == 1 && k.Columns[0] == column.Name)
        || table.Indexes.Any(i => i is { IsUnique: true, Filter: null, Definition: { } definition }
            && CaseFoldedColumn().Match(definition) is { Success: true } match && match.Groups[1].Value == column.Name);

    /// <summary>The column of an index definition over lower(column) or upper(column) alone, as PostgreSQL prints it.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""\(\s*(?:lower|upper)\(\s*"?([^"()]+?)"?\s*\)\s*\)\s*$""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CaseFoldedColumn();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// Gives each column an sdtype from its type, its name and (where given) a profile of its values.
/// Order of evidence: keys, then the type, then the name, then the values. Coarse geography
/// (country, state) stays categorical: it carries statistics and identifies no one alone; street
/// addresses, cities and postcodes are pii. Dates of birth typed as dates stay datetimes.
/// </summary>
public static partial class SdTypeInference
{
    /// <summary>Share of sampled values that must match a shape (e-mail, phone, ...) to call the column by it.</summary>
    public const double ShapeShare = 0.8;

    /// <summary>Share of sampled values with eight words or more that makes a column free text (sentences, not names or titles).</summary>
    public const double SentenceShare = 0.5;

    /// <summary>Values read before a column's values may call it people's names: a handful can match by chance.</summary>
    private const int MinPersonNameValues = 10;

    /// <summary>Share of values with a known first name that, with the shape, makes a column people's names: no list knows every name.</summary>
    private const double KnownFirstNameShare = 0.5;

    /// <summary>Mean length beyond which a string column is free text.</summary>
    public const int FreeTextMeanLength = 60;

    /// <summary>Infers every column of every table; profiles are keyed by table then column name (missing = no profile).</summary>
    public static DatabaseSchema Apply(DatabaseSchema schema, IReadOnlyDictionary<QualifiedName, IReadOnlyDictionary<string, ColumnProfile>>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return SharedPersonalValues.Mark(schema with
        {
            Tables = schema.Tables.Select(table =>
            {
                IReadOnlyDictionary<string, ColumnProfile>? tableProfiles = null;
                profiles?.TryGetValue(table.Name, out tableProfiles);
                return table with
                {
                    Columns = table.Columns.Select(c =>
                    {
                        ColumnProfile? profile = null;
                        tableProfiles?.TryGetValue(c.Name, out profile);
                        c = AsJson(table, c, profile);
                        var decision = Decide(table, AsText(table, c, profile), profile);
                        return c with
                        {
                            SdType = decision.SdType,
                            PiiKind = decision.Pii,
                            DatetimeFormat = decision.SdType == SdType.Datetime ? DatetimeFormatOf(c.LogicalType) ?? profile?.TimestampLayout : null,
                            Inference = Evidence(decision.Rule, profile),
                        };
                    }).ToList(),
                };
            }).ToList(),
        }, profiles);
    }

    /// <summary>
    /// A text column every read value of which is a JSON object or array (an application's settings or payloads kept as
    /// text) is JSON: generated as documents of the same structure, not as text cut into words that no longer parses. In
    /// a column of bounded length (varchar(255)) the documents are generated within the bound.
    /// </summary>
    private static ColumnSchema AsJson(TableSchema table, ColumnSchema column, ColumnProfile? profile) =>
        column.LogicalType is LogicalType.Text or LogicalType.String && column.GeneratedSql is null
            && profile is { NonNull: > 0 } && profile.JsonDocuments == profile.NonNull && !IsKeyColumn(table, column.Name)
            && table.PrimaryKey?.Columns.Contains(column.Name) != true
            ? column with { LogicalType = LogicalType.Json }
            : column;

    /// <summary>
    /// A binary column every read value of which is UTF-8 text (MediaWiki's VARBINARY titles and BLOB wikitext) is
    /// judged as the text column it stands for: names, titles and free text by the usual rules, personal data included.
    /// The column keeps its binary type; the model writes its text back as UTF-8 bytes. Keys stay bytes.
    /// </summary>
    private static ColumnSchema AsText(TableSchema table, ColumnSchema column, ColumnProfile? profile) =>
        column.LogicalType == LogicalType.Binary && column.GeneratedSql is null && !IsKeyColumn(table, column.Name)
            && profile is { NonNull: > 0 } && profile.Utf8Texts == profile.NonNull
            ? column with { LogicalType = TextOf(column) }
            : column;

    /// <summary>The text type a binary column holding text is modelled as: a string within its bound, or free text where it has none (a BLOB).</summary>
    public static LogicalType TextOf(ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.MaxLength is > 0 and < 65_535 ? LogicalType.String : LogicalType.Text;
    }

    public static (SdType SdType, PiiKind? Pii) Infer(TableSchema table, ColumnSchema column, ColumnProfile? profile)
    {
        var decision = Decide(table, column, profile);
        return (decision.SdType, decision.Pii);
    }

    /// <summary>The sdtype of one column and the rule that chose it: keys, then the type, then the name, then the values.</summary>
    public static SdTypeDecision Decide(TableSchema table, ColumnSchema column, ColumnProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        if (table.PrimaryKey?.Columns.Contains(column.Name) == true && PrimaryKeyDecision(table, column, profile) is { } key) return key;
        if (table.ForeignKeys.Any(fk => fk.Columns.Contains(column.Name))) return new(SdType.Id, null, "key: in a foreign key");
        if (column.GeneratedSql is not null) return new(SdType.Unsupported, null, "generated column: computed by the database, never written");
        var byType = ByType(table, column);
        if (byType is not null) return byType;

        // Dates and timestamps written as text, every one in one layout (2025-01-02T10:11:12Z, 20240131235959): dates,
        // whatever the name says, as a column typed as dates is.
        if (profile is { NonNull: > 0 } && profile.Timestamps == profile.NonNull && profile.TimestampLayout is { } layout)
            return new(SdType.Datetime, null, $"values: every value a date or timestamp written as {layout}");

        // A string of some kind: name first, then the values' shapes, then their lengths and words.
        var name = Normalise(column.Name);
        var byName = PiiNames.Of(column.Name, table.Name.Name);
        if (byName is not null) return new(SdType.Pii, byName, $"name: '{column.Name}' names {byName}");
        if (name is "country" or "countrycode" or "state" or "province" or "region" or "billingcountry" or "billingstate"
            or "shipcountry" or "shipregion" or "nationality")
        {
            return new(SdType.Categorical, null, $"name: '{column.Name}' is coarse geography, kept as categories");
        }

        if (ByPersonNames(column, profile) is { } personNames) return personNames;
        return profile is null || profile.NonNull == 0 ? WithoutValues(column, name, profile) : ByValues(profile);
    }

    /// <summary>
    /// A column most of whose values read as people's names (<see cref="PersonNameValues"/>) is a person's name whatever
    /// it is called: generated, so a name repeated on many rows is not copied as a common category. Names of public
    /// figures in the column a role of theirs names (composer, artist) are the data, and stay categories.
    /// </summary>
    private static SdTypeDecision? ByPersonNames(ColumnSchema column, ColumnProfile? profile)
    {
        if (profile is not { NonNull: >= MinPersonNameValues } || PiiNames.IsPublicRole(column.Name)) return null;
        string Percent(int count) => profile.Share(count).ToString("P0", CultureInfo.InvariantCulture);
        if (profile.Share(profile.KnownFirstNames) < KnownFirstNameShare) return null;
        if (profile.Share(profile.SortNameShaped) >= ShapeShare)
            return new(SdType.Pii, PiiKind.SortName, $"values: {Percent(profile.SortNameShaped)} shaped like people's names written family name first, {Percent(profile.KnownFirstNames)} with a known first name");
        return profile.Share(profile.NameShaped + profile.SortNameShaped) >= ShapeShare
            ? new(SdType.Pii, PiiKind.PersonName, $"values: {Percent(profile.NameShaped + profile.SortNameShaped)} shaped like people's names, {Percent(profile.KnownFirstNames)} with a known first name")
            : null;
    }

    /// <summary>Distinct values a sampled column needs, all different, to be called an id of a composite key by its values.</summary>
    public const int DistinctKeyValues = 20;

    /// <summary>
    /// A column of the primary key is an id where it is the key alone, an identity, in a foreign key, numbered within the
    /// parent whose key completes it (an order line's line_no under order_id), or distinct in every sampled row (a
    /// revision id). Any other column of a composite key is a value and decided as one (null here): a translation's
    /// locale 'en'/'de', a partition's tenant 1..5. Drawn as ids they came out as 'gi' and as tenants 1 to 1,000, every
    /// row in the DEFAULT partition; the sampler keeps the key's combinations unique.
    /// </summary>
    private static SdTypeDecision? PrimaryKeyDecision(TableSchema table, ColumnSchema column, ColumnProfile? profile)
    {
        var pk = table.PrimaryKey!;
        if (pk.Columns.Count == 1) return new(SdType.Id, null, "key: in the primary key");
        if (table.ForeignKeys.Any(fk => fk.Columns.Contains(column.Name))) return new(SdType.Id, null, "key: in a foreign key");
        if (column.Identity != IdentityKind.None) return new(SdType.Id, null, "key: an identity in the primary key");
        var rest = pk.Columns.Where(c => c != column.Name).ToHashSet(StringComparer.Ordinal);
        if (column.LogicalType is LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64
            && table.ForeignKeys.Any(fk => fk.Columns.Count == rest.Count && fk.Columns.All(rest.Contains)))
        {
            return new(SdType.Id, null, "key: numbered within its parent in the primary key");
        }
        if (profile is { NonNull: >= DistinctKeyValues } && profile.Distinct == profile.NonNull)
            return new(SdType.Id, null, "key: every value of the primary key's column distinct");
        return null;
    }

    private static SdTypeDecision? ByType(TableSchema table, ColumnSchema column)
    {
        var type = $"type: {column.NativeType}";
        switch (column.LogicalType)
        {
            case LogicalType.Boolean:
                return new(SdType.Boolean, null, type);
            case LogicalType.Uuid:
                return new(SdType.Id, null, type);
            case LogicalType.Network:
                return new(SdType.Pii, PiiKind.IpAddress, type + " holds network addresses");
            case LogicalType.Binary or LogicalType.Json or LogicalType.Xml or LogicalType.Spatial or LogicalType.Range
                or LogicalType.Array or LogicalType.Interval or LogicalType.Bit or LogicalType.Other:
                return new(SdType.Unsupported, null, type + " is not modelled");
            case LogicalType.Enum or LogicalType.Set:
                return new(SdType.Categorical, null, type + " (declared values)");
            case LogicalType.Date or LogicalType.DateTime or LogicalType.DateTimeWithTimeZone or LogicalType.Time or LogicalType.TimeWithTimeZone:
                return new(SdType.Datetime, null, type);
            case LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64 or LogicalType.Decimal
                or LogicalType.Money or LogicalType.Float32 or LogicalType.Float64:
                var numericPii = PiiNames.OfNumber(column.Name, table.Name.Name);
                return numericPii is null
                    ? new(SdType.Numerical, null, type)
                    : new(SdType.Pii, numericPii, $"name: '{column.Name}' names {numericPii} (stored as a number)");
            default:
                return null;
        }
    }

    /// <summary>A string column of which no value was read (all NULL, or no profile): its type and name decide, never "free text" by default.</summary>
    private static SdTypeDecision WithoutValues(ColumnSchema column, string name, ColumnProfile? profile)
    {
        var why = profile is null ? "no values read" : "no value set in the whole column";
        if (column.LogicalType == LogicalType.Text && IsFreeTextName(name))
            return new(SdType.Text, null, $"{why}: unbounded type {column.NativeType} and a free-text name");
        return new(SdType.Categorical, null, $"{why}: decided by type {column.NativeType} and name");
    }

    private static SdTypeDecision ByValues(ColumnProfile profile)
    {
        string Percent(int count) => profile.Share(count).ToString("P0", CultureInfo.InvariantCulture);
        if (profile.Share(profile.Emails) >= ShapeShare) return new(SdType.Pii, PiiKind.Email, $"values: {Percent(profile.Emails)} e-mail addresses");
        if (profile.Share(profile.Ssns) >= ShapeShare) return new(SdType.Pii, PiiKind.NationalId, $"values: {Percent(profile.Ssns)} social security numbers");
        if (profile.Share(profile.Ibans) >= ShapeShare) return new(SdType.Pii, PiiKind.Iban, $"values: {Percent(profile.Ibans)} IBANs");
        if (profile.Share(profile.CardNumbers) >= ShapeShare) return new(SdType.Pii, PiiKind.CreditCard, $"values: {Percent(profile.CardNumbers)} card numbers (Luhn)");
        if (profile.Share(profile.Phones) >= ShapeShare && profile.DistinctRatio > 0.5) return new(SdType.Pii, PiiKind.Phone, $"values: {Percent(profile.Phones)} phone numbers");
        if (profile.Share(profile.IpAddresses) >= ShapeShare) return new(SdType.Pii, PiiKind.IpAddress, $"values: {Percent(profile.IpAddresses)} IP addresses");
        if (profile.Share(profile.Urls) >= ShapeShare) return new(SdType.Pii, PiiKind.Url, $"values: {Percent(profile.Urls)} URLs");
        if (profile.Share(profile.Uuids) >= ShapeShare) return new(SdType.Id, null, $"values: {Percent(profile.Uuids)} UUIDs");
        var meanLength = profile.MeanLength.ToString("0", CultureInfo.InvariantCulture);
        if (profile.MeanLength > FreeTextMeanLength) return new(SdType.Text, null, $"values: long (mean {meanLength} characters), free text");
        if (profile.Share(profile.Wordy) >= SentenceShare && profile.DistinctRatio > 0.5)
            return new(SdType.Text, null, $"values: sentences ({Percent(profile.Wordy)} have eight words or more), free text");
        // Labels, codes, names of things and titles: categories (as SDV detects them); the model
        // decides how to draw the many-valued ones without copying rare values.
        return profile.DistinctRatio > 0.5
            ? new(SdType.Categorical, null, $"values: short labels (mean {meanLength} characters), many distinct: names or titles")
            : new(SdType.Categorical, null, $"values: {profile.Distinct.ToString("N0", CultureInfo.InvariantCulture)} distinct short values");
    }

    private static SdTypeEvidence Evidence(string rule, ColumnProfile? profile) => profile is null
        ? new SdTypeEvidence(rule)
        : new SdTypeEvidence(rule)
        {
            SampleRows = profile.Observed,
            WholeTable = profile.WholeTable,
            NullShare = profile.NullShare,
            Values = profile.NonNull,
            Distinct = profile.Distinct,
            MeanLength = profile.NonNull == 0 ? null : Math.Round(profile.MeanLength, 1),
            PersonalValues = profile.Emails + profile.Ssns + profile.Ibans + profile.CardNumbers,
        };

    private static bool IsFreeTextName(string name) =>
        name is "body" or "text" or "content" or "details" or "bio" or "about"
        || new[] { "comment", "description", "note", "remark", "message", "summary", "feedback", "review", "abstract" }.Any(w => name.Contains(w, StringComparison.Ordinal));

    /// <summary>strftime format SDV reads for a datetime of this logical type.</summary>
    public static string? DatetimeFormatOf(LogicalType type) => type switch
    {
        LogicalType.Date => "%Y-%m-%d",
        LogicalType.DateTime => "%Y-%m-%d %H:%M:%S",
        LogicalType.DateTimeWithTimeZone => "%Y-%m-%d %H:%M:%S%z",
        LogicalType.Time or LogicalType.TimeWithTimeZone => "%H:%M:%S",
        _ => null,
    };

    /// <summary>Columns of the primary key, of a foreign key, or alone in a unique key are keys: generated, never learned.</summary>
    public static bool IsKeyColumn(TableSchema table, string column)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.PrimaryKey?.Columns.Contains(column) == true) return true;
        if (table.ForeignKeys.Any(fk => fk.Columns.Contains(column))) return true;
        return false;
    }

    /// <summary>
    /// Columns whose values the inference reads: strings that are no key, and the columns of a composite primary key that
    /// are in no foreign key and no identity (strings or integers), whose values tell an id (all distinct) from a value.
    /// </summary>
    public static bool IsProfiled(TableSchema table, ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        var isString = column.LogicalType is LogicalType.String or LogicalType.FixedString or LogicalType.Text;
        // Binary columns too: they may hold text (MediaWiki's VARBINARY titles), which is then modelled as text.
        if (!IsKeyColumn(table, column.Name)) return isString || column.LogicalType == LogicalType.Binary;
        return table.PrimaryKey is { Columns.Count: > 1 } pk && pk.Columns.Contains(column.Name) && column.Identity == IdentityKind.None
            && !table.ForeignKeys.Any(fk => fk.Columns.Contains(column.Name))
            && (isString || column.LogicalType is LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64);
    }

    private static string Normalise(string name) => NonAlphanumeric().Replace(name.ToLowerInvariant(), string.Empty);

    [GeneratedRegex("[^a-z0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex NonAlphanumeric();
}

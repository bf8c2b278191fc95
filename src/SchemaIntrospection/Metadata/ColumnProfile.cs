using System.Globalization;
using System.Text.RegularExpressions;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// A bounded profile of a column's values, read from a sample spread over the whole table (never a whole large table):
/// how many values, how many distinct, their lengths and which shapes they match. Only counts are
/// kept; the values themselves are forgotten except for the distinct-value set, which is capped.
/// </summary>
public sealed partial class ColumnProfile
{
    private const int DistinctCap = 10_000;
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    private readonly HashSet<string> _layouts = new(StringComparer.Ordinal);

    public int Observed { get; private set; }

    public int Nulls { get; private set; }

    public int NonNull => Observed - Nulls;

    /// <summary>Distinct non-null values seen (capped at 10,000).</summary>
    public int Distinct => _distinct.Count;

    public int Emails { get; private set; }

    public int Phones { get; private set; }

    public int IpAddresses { get; private set; }

    public int Urls { get; private set; }

    public int Uuids { get; private set; }

    /// <summary>Values shaped like a US social security number (123-45-6789).</summary>
    public int Ssns { get; private set; }

    /// <summary>Values shaped like an IBAN (two letters, two check digits, 11 to 30 letters and digits).</summary>
    public int Ibans { get; private set; }

    /// <summary>Values of 13 to 19 digits (spaces and dashes allowed) that pass the Luhn check: payment card numbers.</summary>
    public int CardNumbers { get; private set; }

    /// <summary>Values that are a whole JSON object or array (<c>{"a": 1}</c>, <c>[1, 2]</c>): JSON kept as text.</summary>
    public int JsonDocuments { get; private set; }

    /// <summary>Values shaped like a person's name written first name first ("Charles Johnson"; <see cref="PersonNameValues"/>).</summary>
    public int NameShaped { get; private set; }

    /// <summary>Values shaped like a person's name written family name first ("Johnson, Charles").</summary>
    public int SortNameShaped { get; private set; }

    /// <summary>Values of either name shape whose first name is a known one.</summary>
    public int KnownFirstNames { get; private set; }

    /// <summary>Values that are a valid date or timestamp written as text in a layout of <see cref="TextTimestamps"/>.</summary>
    public int Timestamps { get; private set; }

    /// <summary>Byte values (a binary column) that are UTF-8 text without control characters: text kept as bytes.</summary>
    public int Utf8Texts { get; private set; }

    /// <summary>
    /// The one strftime layout of every timestamp seen (a layout with a fraction also holds values on the whole second,
    /// which Python writes without one), or null where there were none or several.
    /// </summary>
    public string? TimestampLayout
    {
        get
        {
            if (_layouts.Count == 1) return _layouts.First();
            if (_layouts.Count != 2) return null;
            var withFraction = _layouts.FirstOrDefault(l => l.Contains(".%f", StringComparison.Ordinal));
            return withFraction is not null && _layouts.Contains(withFraction.Replace(".%f", string.Empty, StringComparison.Ordinal)) ? withFraction : null;
        }
    }

    /// <summary>Values with three or more words.</summary>
    public int MultiWord { get; private set; }

    /// <summary>Values with eight or more words: sentences rather than names or titles.</summary>
    public int Wordy { get; private set; }

    /// <summary>True where the profile read every row of the table.</summary>
    public bool WholeTable { get; set; }

    /// <summary>
    /// Non-null values in the whole table, where they were counted because the sample held too few
    /// (the values were then read by a second query for the column's non-null rows alone).
    /// </summary>
    public long? NonNullInTable { get; set; }

    /// <summary>Rows of the table, where known.</summary>
    public long? TableRows { get; set; }

    /// <summary>Share of NULLs: in the whole table where counted, else in the sample.</summary>
    public double NullShare => NonNullInTable is { } n && TableRows is > 0 and var rows ? 1 - ((double)n / rows) : Observed == 0 ? 1 : (double)Nulls / Observed;

    public long TotalLength { get; private set; }

    public int MaxLength { get; private set; }

    public double MeanLength => NonNull == 0 ? 0 : (double)TotalLength / NonNull;

    public double DistinctRatio => NonNull == 0 ? 0 : (double)Distinct / NonNull;

    public double Share(int count) => NonNull == 0 ? 0 : (double)count / NonNull;

    /// <summary>Share of this column's distinct values that <paramref name="other"/> also holds (both capped sets).</summary>
    public double ShareFoundIn(ColumnProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _distinct.Count == 0 ? 0 : _distinct.Count(other._distinct.Contains) / (double)_distinct.Count;
    }

    public void Observe(object? value)
    {
        Observed++;
        if (value is null or DBNull)
        {
            Nulls++;
            return;
        }
        if (value is byte[] bytes)
        {
            // Bytes are profiled as the text they hold, where they hold some (MediaWiki keeps titles and names in VARBINARY).
            if (!TextBytes.TryDecode(bytes, out var decoded))
            {
                if (_distinct.Count < DistinctCap) _distinct.Add(Convert.ToHexString(bytes));
                TotalLength += bytes.Length;
                MaxLength = Math.Max(MaxLength, bytes.Length);
                return;
            }
            Utf8Texts++;
            value = decoded;
        }
        var text = value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        if (_distinct.Count < DistinctCap) _distinct.Add(text);
        TotalLength += text.Length;
        MaxLength = Math.Max(MaxLength, text.Length);
        if (value is not string) return;
        if (TextTimestamps.LayoutOf(text) is { } layout)
        {
            Timestamps++;
            if (_layouts.Count < 3) _layouts.Add(layout);
        }
        if (EmailPattern().IsMatch(text)) Emails++;
        else if (SsnPattern().IsMatch(text)) Ssns++;
        else if (IbanPattern().IsMatch(text)) Ibans++;
        else if (CardPattern().IsMatch(text) && PassesLuhn(text)) CardNumbers++;
        // An IPv4 address (192.168.10.24) has the digits and dots of a phone number: it is tried first.
        else if (IpPattern().IsMatch(text)) IpAddresses++;
        // A date written as text (2020-01-05, 05/01/2020, 2020.01.05) has the digits and separators of a phone number and is none.
        else if (PhonePattern().IsMatch(text) && text.Count(char.IsAsciiDigit) >= 7 && !DatePattern().IsMatch(text)) Phones++;
        else if (UrlPattern().IsMatch(text)) Urls++;
        else if (UuidPattern().IsMatch(text)) Uuids++;
        if (IsJsonDocument(text)) JsonDocuments++;
        var (form, knownFirstName) = PersonNameValues.Of(text);
        if (form == PersonNameValues.Form.FirstNameFirst) NameShaped++;
        else if (form == PersonNameValues.Form.FamilyNameFirst) SortNameShaped++;
        if (knownFirstName) KnownFirstNames++;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words >= 3) MultiWord++;
        if (words >= 8) Wordy++;
    }

    private static bool IsJsonDocument(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length < 2 || !((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']'))) return false;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The Luhn checksum of the digits in the text (payment card numbers pass it; a random number does one time in ten).</summary>
    private static bool PassesLuhn(string text)
    {
        var sum = 0;
        var doubled = false;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(text[i])) continue;
            var d = text[i] - '0';
            if (doubled && (d *= 2) > 9) d -= 9;
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"^\d{3}-\d{2}-\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex SsnPattern();

    [GeneratedRegex(@"^[A-Z]{2}\d{2}( ?[A-Z0-9]){11,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"^\d(?:[ -]?\d){12,18}$", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()./-]{7,22}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^(\d{4}([-/.])\d{1,2}\2\d{1,2}|\d{1,2}([-/.])\d{1,2}\3\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d{1,3}\.){3}\d{1,3}$|^[0-9a-fA-F:]{2,39}:[0-9a-fA-F]{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex IpPattern();

    [GeneratedRegex(@"^(https?|ftp)://\S+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();
}

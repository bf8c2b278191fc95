using Sdv.Connector.Synthesis.Constraints;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Sampling;

/// <summary>
/// Draws rows from a prepared model within one <see cref="SamplingContext"/>: copula scores
/// (conditional on any fixed cells), decoded column by column, then keys, uniqueness and CHECKs
/// enforced (redraws, then repairs). Not thread-safe: one per context.
/// </summary>
internal sealed class RowSampler
{
    private readonly TableModel _model;
    private readonly ColumnModel[] _columns;
    private readonly ColumnRuntime[] _runtimes;
    private readonly Xoshiro256 _random;
    private readonly double[] _z;
    private readonly double[] _u;
    private readonly bool[] _fixedMask;
    private readonly object?[] _work;
    private readonly int _outputWidth;
    private readonly object? _jointState;
    private double[]? _givenDims;
    private KeptCodes?[]? _restricted;

    /// <summary>The joint model's draw of the last row (u by dimension), what its children are conditioned on.</summary>
    public ReadOnlySpan<double> LastDraw => _u;
    private readonly List<(int[] Columns, HashSet<string> Seen, bool HasId)> _compositeKeys;

    /// <summary>The text patterns every row must match (each a conjunct of a CHECK), by column.</summary>
    private readonly (int Column, System.Text.RegularExpressions.Regex Pattern)[] _patterns;

    /// <summary>Columns a CHECK keeps in one case (lower(email) = email), and whether upper.</summary>
    private readonly (int Column, bool Upper)[] _cases;
    private readonly (int Column, int Category)[] _stratified;
    private readonly bool[] _unreadContext;

    // Names and addresses follow the row's country (Generators.CountryLocales): the country column is drawn first.
    private readonly int _countryColumn;
    private readonly bool[] _followsCountry;
    private readonly int _genderColumn;
    private readonly bool[] _followsGender;
    private readonly (int First, int Last, int Full) _nameColumns;
    private readonly bool[] _followsNames;
    private readonly int[] _order;

    /// <summary>Columns of US states written from the public list (names or abbreviations): a row's abbreviation follows its name.</summary>
    private readonly int[] _stateColumns;

    /// <summary>A city column and its region column: a row's region and city agree.</summary>
    private readonly CityRegionPair[] _cityRegions;

    public RowSampler(TableModel model, SamplingContext context)
    {
        _model = model;
        _columns = [.. model.Data.Columns];
        _random = context.Random.Fork();
        _runtimes = _columns.Select(_ => new ColumnRuntime(_random.Fork()) { Locale = model.Data.Locale }).ToArray();
        var d = model.Data.DimensionCount;
        _z = new double[d];
        _u = new double[d];
        _fixedMask = new bool[d];
        _jointState = model.Data.Joint.CreateState();
        _work = new object?[_columns.Length];
        _outputWidth = _columns.Count(static c => !c.IsContext);
        _stratified = _columns
            .Select((c, i) => (Model: c as ContinuousColumnModel, Index: i))
            .Where(p => p.Model is { Strata: not null, ValueDim: >= 0 })
            .Select(p => (p.Index, Array.FindIndex(_columns, c => c.Name == p.Model!.StratumColumn)))
            .Where(p => p.Item2 >= 0)
            .ToArray();
        // A parent's column a child is drawn given (its dimensions fixed by the parent's draw) whose value nothing
        // reads: children read the draw (LastDraw), the writer only the table's columns, and a label that follows
        // a code reads its determinant, so those stay decoded. Decoding the others was most of the sampling of the
        // benchmark's order_line (a stand-in product name from Bogus per row for its parent's rare names).
        var determinants = model.Data.Dependencies.Select(static d => d.DeterminantIndex).ToHashSet();
        _unreadContext = _columns.Select((c, i) => c.IsContext && c.IsGiven && !determinants.Contains(i)).ToArray();
        _countryColumn = Array.FindIndex(_columns, c => !c.IsContext && c.Kind == ValueKind.String && Generators.NameFallback.HintOf(model.Data.Table, c.Name) == "country");
        _followsCountry = _columns.Select(c => _countryColumn >= 0 && !c.IsContext && Generators.CountryLocales.FollowsCountry(c)).ToArray();
        // A courtesy title or a sex that a generated first name follows ("Mrs." and a woman's name), where the table has one.
        _genderColumn = Array.FindIndex(_columns, static c => !c.IsContext && c is CategoricalColumnModel categorical && Generators.Genders.Tells(categorical));
        _followsGender = _columns.Select(c => _genderColumn >= 0 && !c.IsContext && c is PiiColumnModel { PiiKind: SchemaIntrospection.Model.PiiKind.FirstName or SchemaIntrospection.Model.PiiKind.PersonName })
            .ToArray();
        // The person's names, which an e-mail address is made of ("dixie.davis7@example.net").
        int NameColumn(SchemaIntrospection.Model.PiiKind kind) => Array.FindIndex(_columns, c => !c.IsContext && c is PiiColumnModel pii && pii.PiiKind == kind);
        _nameColumns = (NameColumn(SchemaIntrospection.Model.PiiKind.FirstName), NameColumn(SchemaIntrospection.Model.PiiKind.LastName), NameColumn(SchemaIntrospection.Model.PiiKind.PersonName));
        _followsNames = _columns.Select(static c => !c.IsContext && c is PiiColumnModel { WritesEmails: true }).ToArray();
        // The columns others follow are decoded first: the country, the gender, then the names.
        var nameLeaders = _followsNames.Any(static f => f) ? new[] { _nameColumns.First, _nameColumns.Last, _nameColumns.Full } : [];
        int[] leaders = [.. new[] { _followsCountry.Any(static f => f) ? _countryColumn : -1, _followsGender.Any(static f => f) ? _genderColumn : -1 }
            .Concat(nameLeaders).Where(static i => i >= 0).Distinct()];
        _order = [.. leaders, .. Enumerable.Range(0, _columns.Length).Where(i => !leaders.Contains(i))];
        _stateColumns = _columns.Length < 2 ? [] : [.. Enumerable.Range(0, _columns.Length).Where(i => !_columns[i].IsContext && _columns[i] switch
        {
            CategoricalColumnModel categorical => categorical.OtherHint is "state" or "state-code",
            PiiColumnModel pii => pii.PiiKind is SchemaIntrospection.Model.PiiKind.State or SchemaIntrospection.Model.PiiKind.StateAbbreviation,
            _ => false,
        })];
        // Exactly two: a name and its abbreviation (two pairs, a billing and a shipping state, are not told apart here).
        if (_stateColumns.Length != 2) _stateColumns = [];
        _cityRegions = CityRegionPair.Of(model.Data.Table, _columns);
        _patterns = [.. model.Checks.SelectMany(static c => RequiredPatterns(c.Root))];
        _cases = [.. model.Checks.SelectMany(static c => RequiredCases(c.Root))];
        _compositeKeys = model.Data.UniqueKeys
            .Select(k => k.Select(name => Array.FindIndex(_columns, c => c.Name == name)).ToArray())
            .Where(static k => k.All(static i => i >= 0))
            // A key made only of foreign keys is a link table's pair: its cells are filled after this
            // sampler (by the multi-table layer, which keeps the pair unique), so here every row would
            // look like a repeat of the all-NULL key and be redrawn to the limit.
            .Where(k => !k.All(i => _columns[i] is FixedColumnModel { Reason: FixedReason.ForeignKey }))
            // A key with a generated id is unique by that id (drawn after acceptance), so it is not checked here.
            .Select(k => (k, new HashSet<string>(StringComparer.Ordinal), k.Any(i => _columns[i] is IdColumnModel)))
            .ToList();
    }

    /// <summary>
    /// From now on column <paramref name="column"/> (its index among the model's columns) holds only the
    /// <paramref name="codes"/> kept of a scaled-down reference table: a code it draws outside them is drawn
    /// again among them, before checks and unique keys are judged, so redraws can still find a unique pair.
    /// </summary>
    public void Restrict(int column, KeptCodes codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        (_restricted ??= new KeptCodes?[_columns.Length])[column] = codes;
    }

    /// <summary>Rows whose checks could not be met even after redraws and repairs.</summary>
    public long Violations { get; private set; }

    /// <summary>
    /// One row. <paramref name="given"/> (full width, may be null) holds fixed cells where
    /// <paramref name="isGiven"/> is set; a given <see cref="NotNull"/> asks for any non-null value.
    /// The row is written into <paramref name="into"/> when given (a caller's reused buffer of the
    /// output width), else into a new array.
    /// </summary>
    public object?[] Next(object?[]? given, bool[]? isGiven, bool includeContext = false, object?[]? into = null) =>
        Next(given, isGiven, includeContext, into, null);

    /// <summary>
    /// As above, with dimensions given directly in the joint model's space: <paramref name="givenDims"/>
    /// (by dimension, NaN where free) holds the u of a parent's context, as its own model drew it.
    /// </summary>
    public object?[] Next(object?[]? given, bool[]? isGiven, bool includeContext, object?[]? into, double[]? givenDims)
    {
        _givenDims = givenDims;
        var tries = _model.Data.MaxRejectionTries;
        var checks = _model.Checks;
        var needsLoop = checks.Length > 0 || _compositeKeys.Count > 0 || isGiven is not null;
        for (var attempt = 0; ; attempt++)
        {
            Draw(given, isGiven);
            if (_patterns.Length > 0 || _cases.Length > 0) FitTextChecks(isGiven);
            if (!needsLoop || Acceptable(given, isGiven))
            {
                break;
            }

            if (attempt + 1 >= tries)
            {
                if (!Repair(given, isGiven))
                {
                    Violations++;
                }

                break;
            }
        }

        return Accept(given, isGiven, includeContext, into);
    }

    /// <summary>One candidate row into the work row: the joint draw, each column decoded from it, then labels and strata.</summary>
    private void Draw(object?[]? given, bool[]? isGiven)
    {
        if (_z.Length > 0) DrawJoint(given, isGiven);
        DecodeColumns(given, isGiven);
        if (_cityRegions.Length > 0) MatchCitiesAndRegions(given, isGiven);
        if (_stateColumns.Length > 0) MatchStateAbbreviations(isGiven);
        ApplyDependencies(isGiven);
        ApplyStrata(isGiven);
        FollowAnchors(isGiven);
    }

    /// <summary>Last, a date that follows another of the row closely is written as that date plus a learned difference.</summary>
    private void FollowAnchors(bool[]? isGiven)
    {
        foreach (var offset in _model.Data.Offsets)
        {
            if (!IsFixed(offset.DependentIndex, isGiven)) offset.Apply(_work, _random);
        }
    }

    /// <summary>
    /// After a row's cells were written from its parents' (a date equal to its parent's, a date a few days after the
    /// parent's): the dates that follow a rewritten one are written again from it, so that they still follow it. A date
    /// the parent's also derives is written from its own row's date where that one is the parent's copied, since the
    /// parent's differences are only known as quantiles (a due date 14, 28 or 42 days after its order, not 19 or 33);
    /// from the parent's where its anchor was itself derived, as two differences drawn apart add up past the source's.
    /// </summary>
    /// <param name="copied">Row positions that took the parent's value.</param>
    /// <param name="derived">Row positions written as the parent's date plus a difference.</param>
    public void FollowAnchors(object?[] row, IReadOnlySet<int> copied, IReadOnlySet<int> derived)
    {
        // Dependents come in row order after their anchors, so a date that follows a rewritten one is rewritten too.
        List<int>? moved = null;
        foreach (var offset in _model.Data.Offsets)
        {
            var (anchor, dependent) = (offset.AnchorIndex, offset.DependentIndex);
            if (copied.Contains(dependent)) continue;
            var anchorCopied = copied.Contains(anchor) || moved?.Contains(anchor) == true;
            if (derived.Contains(dependent) ? !anchorCopied : !(anchorCopied || derived.Contains(anchor))) continue;
            offset.Apply(row, _random);
            (moved ??= []).Add(dependent);
        }
    }

    /// <summary>The row's first and last name as drawn (from their own columns, else from the full name), for an address made of them.</summary>
    private void SetRowNames(ColumnRuntime runtime)
    {
        var (first, last, full) = _nameColumns;
        var (fullFirst, fullLast) = full >= 0 ? Generators.EmailTemplate.Split(_work[full] as string) : (null, null);
        runtime.RowFirstName = first >= 0 ? _work[first] as string : fullFirst;
        runtime.RowLastName = last >= 0 ? _work[last] as string : fullLast;
    }

    /// <summary>The joint model's draw (u by dimension), conditional on the given cells and on a parent's given dimensions.</summary>
    private void DrawJoint(object?[]? given, bool[]? isGiven)
    {
        var d = _z.Length;
        Array.Fill(_z, double.NaN);
        if (isGiven is not null)
        {
            for (var c = 0; c < _columns.Length; c++)
            {
                if (isGiven[c])
                {
                    _columns[c].Encode(given![c], _z, _random);
                }
            }
        }

        // Fixed cells were encoded as normal scores; the joint model reads and fills probabilities.
        for (var i = 0; i < d; i++)
        {
            var isFixed = !double.IsNaN(_z[i]);
            _fixedMask[i] = isFixed;
            _u[i] = isFixed ? NormalScores.ToProbability(_z[i]) : double.NaN;
        }

        if (_givenDims is { } dims)
        {
            for (var i = 0; i < d; i++)
            {
                if (double.IsNaN(dims[i])) continue;
                _fixedMask[i] = true;
                _u[i] = dims[i];
            }
        }

        _model.Data.Joint.Sample(_u, _fixedMask, _random, _jointState);
    }

    /// <summary>Each column's cell, in draw order (the country first where names follow it): given, left for later, or decoded.</summary>
    private void DecodeColumns(object?[]? given, bool[]? isGiven)
    {
        foreach (var c in _order)
        {
            var column = _columns[c];
            if (_followsCountry[c])
            {
                _runtimes[c].RowLocale = Generators.CountryLocales.Of(_work[_countryColumn]);
                _runtimes[c].RowCountry = _work[_countryColumn] as string;
            }
            if (_followsGender[c]) _runtimes[c].RowGender = Generators.Genders.Of(_work[_genderColumn]);
            if (_followsNames[c]) SetRowNames(_runtimes[c]);
            if (isGiven is not null && isGiven[c] && given![c] is not NotNull)
            {
                _work[c] = given[c] is { } v ? CellCodec.Canonical(v, column.Kind) : null;
            }
            else if (column is IdColumnModel)
            {
                _work[c] = null; // drawn once the row is accepted, so rejected rows leave no gap
            }
            else if (_givenDims is not null && _unreadContext[c])
            {
                _work[c] = null; // given by the parent's draw and read by no one (its random stream is its own)
            }
            else
            {
                _work[c] = Decode(c);
            }
        }
    }

    /// <summary>Column <paramref name="c"/>'s value from the joint draw, held to the kept codes and, for a unique column, redrawn until unused.</summary>
    private object? Decode(int c)
    {
        var column = _columns[c];
        var value = column.Generate(_u, _runtimes[c]);
        if (_restricted?[c] is { } kept && value is not null && kept.Take(value, _random) is var code && !Equals(code, value))
        {
            value = code;
            // The draw its children are conditioned on follows the code it now holds.
            column.Encode(value, _z, _random);
            foreach (var dim in column.Dimensions) _u[dim] = NormalScores.ToProbability(_z[dim]);
        }

        if (column.IsUnique && value is not null)
        {
            var used = _runtimes[c].Used ??= [];
            for (var attempt = 0; used.Contains(value); attempt++)
            {
                value = column.Redraw(value, attempt, _runtimes[c]);
                if (value is null || attempt > 10_000)
                {
                    break;
                }
            }
        }

        return value;
    }

    /// <summary>Dependencies first: a label follows its code (unless the label itself was given).</summary>
    private void ApplyDependencies(bool[]? isGiven)
    {
        foreach (var dependency in _model.Data.Dependencies)
        {
            if (isGiven is null || !isGiven[dependency.DependentIndex])
            {
                dependency.Apply(_work);
            }
        }
    }

    /// <summary>
    /// Then strata: a number is decoded within its category's final value (determinants are never
    /// stratified, so no lookup above is invalidated).
    /// </summary>
    private void ApplyStrata(bool[]? isGiven)
    {
        foreach (var (column, category) in _stratified)
        {
            var model = (ContinuousColumnModel)_columns[column];
            if ((isGiven is not null && isGiven[column]) || _work[column] is null) continue;
            var key = _work[category] is { } value ? CellCodec.Format(value) : Marginals.StratumAccumulator.NullKey;
            if (model.Strata!.TryGetValue(key, out var stratum)) _work[column] = model.FromProbability(_u[model.ValueDim], stratum);
        }
    }

    /// <summary>
    /// A table of US states whose name and abbreviation are both written anew (each one of a kind in the source, so each
    /// from the public list on its own) had "South Dakota, SC": the abbreviation is made the name's, where it is a state's
    /// abbreviation and the new one is not taken already in a unique column.
    /// </summary>
    private void MatchStateAbbreviations(bool[]? isGiven)
    {
        string? abbreviation = null;
        foreach (var c in _stateColumns)
        {
            if (_work[c] is string name && Generators.NameFallback.UsStateAbbreviation(name) is { } a)
            {
                abbreviation = a;
                break;
            }
        }

        if (abbreviation is null) return;
        foreach (var c in _stateColumns)
        {
            if ((isGiven is not null && isGiven[c]) || _work[c] is not string code || !Generators.NameFallback.IsUsStateAbbreviation(code)
                || string.Equals(code, abbreviation, StringComparison.Ordinal))
            {
                continue;
            }

            if (_columns[c].IsUnique)
            {
                var used = _runtimes[c].Used ??= [];
                if (used.Contains(abbreviation)) continue;
                used.Remove(code);
                used.Add(abbreviation);
            }

            _work[c] = abbreviation;
        }
    }

    /// <summary>
    /// A row's city and region agree (<see cref="CityRegionPair"/>), for the country of its cities: the row's own, or the
    /// model's locale's in a table without a country. A row of a country the city list does not know keeps both as drawn.
    /// </summary>
    private void MatchCitiesAndRegions(object?[]? given, bool[]? isGiven)
    {
        var rowCountry = _countryColumn >= 0 ? _work[_countryColumn] as string : null;
        var country = rowCountry is null ? Generators.CommonCities.CountryOf(null, _model.Data.Locale) : Generators.CommonCities.Listed(rowCountry);
        if (country is null) return;
        foreach (var pair in _cityRegions) pair.Apply(_work, isGiven, given, country, _runtimes[pair.City].Random);
    }

    private bool Acceptable(object?[]? given, bool[]? isGiven)
    {
        if (isGiven is not null)
        {
            for (var c = 0; c < _columns.Length; c++)
            {
                if (isGiven[c] && given![c] is NotNull && _work[c] is null)
                {
                    return false;
                }
            }
        }

        foreach (var check in _model.Checks)
        {
            if (!CheckEvaluator.Holds(check.Root, _work))
            {
                return false;
            }
        }

        foreach (var (columns, seen, hasId) in _compositeKeys)
        {
            if (!hasId && !MissingKeyCell(columns) && seen.Contains(CompositeKey(columns)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The column patterns a CHECK requires whatever else holds: its positive matches joined by AND.</summary>
    private static IEnumerable<(int, System.Text.RegularExpressions.Regex)> RequiredPatterns(CheckNode node) => node switch
    {
        { Kind: CheckNodeKind.And } => node.Children.SelectMany(RequiredPatterns),
        { Kind: CheckNodeKind.Match, Negated: false, Pattern: { } pattern } when node.Children[0] is { Kind: CheckNodeKind.Column, Index: >= 0 } column => [(column.Index, pattern)],
        _ => [],
    };

    /// <summary>The columns a CHECK keeps in one case whatever else holds: lower(x) = x or upper(x) = x, either way round, joined by AND.</summary>
    private static IEnumerable<(int, bool)> RequiredCases(CheckNode node)
    {
        if (node.Kind == CheckNodeKind.And) return node.Children.SelectMany(RequiredCases);
        if (node is not { Kind: CheckNodeKind.Compare, Operator: "=" }) return [];
        var (a, b) = (node.Children[0], node.Children[1]);
        if (a.Kind == CheckNodeKind.Column) (a, b) = (b, a);
        return a is { Kind: CheckNodeKind.Function, Name: "lower" or "lcase" or "upper" or "ucase" } && a.Children is [{ Kind: CheckNodeKind.Column } inner]
            && b is { Kind: CheckNodeKind.Column, Index: >= 0 } && inner.Index == b.Index
            ? [(b.Index, a.Name is "upper" or "ucase")]
            : [];
    }

    /// <summary>
    /// A drawn text is put in the case a CHECK keeps (lower(email) = email), and one that breaks a CHECK's pattern
    /// (CHECK (sku ~ '^[A-Z]{2}-[0-9]{4}$')) is written anew in the pattern's shape: a drawn name, code or e-mail seldom
    /// meets either, and no redraw of the row would.
    /// </summary>
    private void FitTextChecks(bool[]? isGiven)
    {
        // Case first: a pattern may then find the value already fits (lower-case e-mails under a lower-case pattern).
        foreach (var (c, upper) in _cases)
        {
            if (!IsFixed(c, isGiven) && _work[c] is string text) _work[c] = upper ? text.ToUpperInvariant() : text.ToLowerInvariant();
        }

        foreach (var (c, pattern) in _patterns)
        {
            if (IsFixed(c, isGiven) || _work[c] is not string text || pattern.IsMatch(text)) continue;
            var runtime = _runtimes[c];
            // The drawn value in another case first: "Kody.Abshire71@mail.com" meets ^[a-z0-9.]+@[a-z]+\.com$ in lower case.
            var recased = new[] { text.ToLowerInvariant(), text.ToUpperInvariant() }
                .FirstOrDefault(t => pattern.IsMatch(t) && !(_columns[c].IsUnique && runtime.Used?.Contains(t) == true));
            if (recased is not null)
            {
                _work[c] = recased;
                continue;
            }

            for (var attempt = 0; attempt < 10; attempt++)
            {
                if (Constraints.TextPatterns.Generate(pattern, runtime.Random, _columns[c].MaxLength) is not { } drawn) break;
                _work[c] = drawn;
                if (!_columns[c].IsUnique || runtime.Used?.Contains(drawn) != true) break;
            }
        }
    }

    /// <summary>Last resort after redraws: swap the two sides of a failing column comparison, or null its nullable free columns.</summary>
    private bool Repair(object?[]? given, bool[]? isGiven)
    {
        foreach (var check in _model.Checks)
        {
            if (CheckEvaluator.Holds(check.Root, _work))
            {
                continue;
            }

            if (check.Root is { Kind: CheckNodeKind.Compare } cmp && cmp.Children.All(static n => n.Kind == CheckNodeKind.Column && n.Index >= 0))
            {
                var a = cmp.Children[0].Index;
                var b = cmp.Children[1].Index;
                if (!IsFixed(a, isGiven) && !IsFixed(b, isGiven))
                {
                    (_work[a], _work[b]) = (_work[b], _work[a]);
                    if (CheckEvaluator.Holds(check.Root, _work))
                    {
                        continue;
                    }

                    (_work[a], _work[b]) = (_work[b], _work[a]);
                }
            }

            foreach (var c in check.Columns)
            {
                if (_columns[c].IsNullable && !IsFixed(c, isGiven))
                {
                    _work[c] = null;
                    if (CheckEvaluator.Holds(check.Root, _work))
                    {
                        break;
                    }
                }
            }
        }

        RepairKeys(isGiven);
        return Acceptable(given, isGiven);
    }

    /// <summary>
    /// A composite key whose tuple is still a repeat after the redraws (every learned pair of a full grid taken, as
    /// a (day, hour) key cloned at --scale 3): one free cell of it is redrawn as a unique column's would be, walking
    /// past the learned values, until the tuple is new, so the target never refuses the row as a duplicate.
    /// </summary>
    private void RepairKeys(bool[]? isGiven)
    {
        foreach (var (columns, seen, hasId) in _compositeKeys)
        {
            if (hasId || MissingKeyCell(columns) || !seen.Contains(CompositeKey(columns)))
            {
                continue;
            }

            // The last free cell first: the key's first columns usually say the most (a parent, a day). A code of a
            // reference table is no free cell: a redraw past its learned values is a code the lookup does not hold (an
            // issue's sixth label among five came out as "bug 20", an orphan). Such a repeat is left to the multi-table
            // layer, which gives the row a code no row of the key holds yet, or drops it.
            foreach (var c in columns.Reverse().Where(c => !IsFixed(c, isGiven) && _work[c] is not null && _columns[c] is not FixedColumnModel && _restricted?[c] is null))
            {
                var original = _work[c];
                for (var attempt = 20; attempt < 20 + MaxKeyRepairs && seen.Contains(CompositeKey(columns)); attempt++)
                {
                    _work[c] = _columns[c].Redraw(_work[c], attempt, _runtimes[c]) ?? original;
                }

                if (!seen.Contains(CompositeKey(columns)))
                {
                    break;
                }

                _work[c] = original;
            }
        }
    }

    /// <summary>Redraws of one cell a composite key's repair tries: a walk over a learned range of this many values, then past it.</summary>
    private const int MaxKeyRepairs = 10_000;

    private static bool IsFixed(int c, bool[]? isGiven) => isGiven is not null && isGiven[c];

    private object?[] Accept(object?[]? given, bool[]? isGiven, bool includeContext, object?[]? into)
    {
        var width = includeContext ? _columns.Length : _outputWidth;
        if (into is not null && into.Length != width)
        {
            throw new ArgumentException($"A row buffer of {into.Length} cells was given for rows of {width}.", nameof(into));
        }

        var output = into ?? new object?[width];
        var o = 0;
        for (var c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            if (column is IdColumnModel && !IsFixed(c, isGiven))
            {
                _work[c] = column.Generate(_u, _runtimes[c]);
            }
            else if (column.IsUnique && _work[c] is { } value && column is not IdColumnModel)
            {
                (_runtimes[c].Used ??= []).Add(value);
            }

            if (includeContext || !column.IsContext)
            {
                output[o++] = column.IsContext || column is { TextFormat: null, Utf8Bytes: false } ? _work[c] : StoredColumns.ToStored(_work[c], column);
            }
        }

        foreach (var (columns, seen, _) in _compositeKeys)
        {
            if (!MissingKeyCell(columns)) seen.Add(CompositeKey(columns));
        }

        return output;
    }

    /// <summary>
    /// True when a key has a foreign-key cell the multi-table layer fills after this row is drawn (a second
    /// parent): its uniqueness is that layer's to keep. A key whose parent cell was given is checked here.
    /// </summary>
    private bool MissingKeyCell(int[] columns)
    {
        foreach (var c in columns)
        {
            if (_work[c] is null && _columns[c] is FixedColumnModel { Reason: FixedReason.ForeignKey }) return true;
        }

        return false;
    }

    private string CompositeKey(int[] columns) => string.Join('\u001f', columns.Select(i => _work[i] is { } v ? CellCodec.Format(v) : "\u0000"));
}

using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// Merges the real and the synthetic value counts of one column, each sorted by its source, into one
/// ascending stream of distinct values with both counts, holding nothing but the current value of each
/// side. The NULL groups are counted apart (<see cref="RealNulls"/>, <see cref="SyntheticNulls"/>). A side
/// that goes backwards throws <see cref="OutOfOrderException"/>; <see cref="InMemoryAsync"/> then sorts both.
/// </summary>
internal sealed class ColumnMerge
{
    private readonly Func<object, object> _order;

    /// <param name="order">The merge key of a non-null cell: its number for a continuous column, its <see cref="CellValues.Key"/> otherwise.</param>
    public ColumnMerge(Func<object, object> order)
    {
        _order = order;
    }

    public long RealNulls { get; private set; }

    public long SyntheticNulls { get; private set; }

    /// <summary>The merged stream of two source-sorted streams.</summary>
    public async IAsyncEnumerable<MergedValue> StreamAsync(
        IAsyncEnumerable<ValueCount> real, IAsyncEnumerable<ValueCount> synthetic,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (RealNulls, SyntheticNulls) = (0, 0);
        await using var r = new Side(real.GetAsyncEnumerator(cancellationToken), _order, "real", n => RealNulls += n);
        await using var s = new Side(synthetic.GetAsyncEnumerator(cancellationToken), _order, "synthetic", n => SyntheticNulls += n);

        // Both queries start before either is waited for, so two databases work at once. Both are waited
        // for before either failure is thrown: a side still reading cannot be disposed (its iterator throws
        // NotSupportedException, which hid the first failure and left that side's query and transaction open).
        var (realNext, syntheticNext) = (r.MoveNextAsync().AsTask(), s.MoveNextAsync().AsTask());
        await Task.WhenAll((Task)realNext, syntheticNext).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var (hasReal, hasSynthetic) = (await realNext.ConfigureAwait(false), await syntheticNext.ConfigureAwait(false));
        while (hasReal || hasSynthetic)
        {
            var c = !hasReal ? 1 : !hasSynthetic ? -1 : CanonicalOrder.Instance.Compare(r.Order, s.Order);
            if (c == 0)
            {
                yield return new MergedValue(r.Order!, r.Value!, r.Count, s.Count);
                (hasReal, hasSynthetic) = (await r.MoveNextAsync().ConfigureAwait(false), await s.MoveNextAsync().ConfigureAwait(false));
            }
            else if (c < 0)
            {
                yield return new MergedValue(r.Order!, r.Value!, r.Count, 0);
                hasReal = await r.MoveNextAsync().ConfigureAwait(false);
            }
            else
            {
                yield return new MergedValue(s.Order!, s.Value!, 0, s.Count);
                hasSynthetic = await s.MoveNextAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The same merge after reading both streams whole and sorting them here (memory grows with the distinct values).</summary>
    public async IAsyncEnumerable<MergedValue> InMemoryAsync(
        IAsyncEnumerable<ValueCount> real, IAsyncEnumerable<ValueCount> synthetic,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (RealNulls, SyntheticNulls) = (0, 0);
        var counts = new SortedDictionary<object, (object Value, long Real, long Synthetic)>(CanonicalOrder.Instance);
        await foreach (var v in real.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (CellValues.IsNull(v.Value))
            {
                RealNulls += v.Count;
                continue;
            }

            var key = _order(v.Value!);
            counts[key] = counts.TryGetValue(key, out var c) ? (c.Value, c.Real + v.Count, c.Synthetic) : (v.Value!, v.Count, 0);
        }

        await foreach (var v in synthetic.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (CellValues.IsNull(v.Value))
            {
                SyntheticNulls += v.Count;
                continue;
            }

            var key = _order(v.Value!);
            counts[key] = counts.TryGetValue(key, out var c) ? (c.Value, c.Real, c.Synthetic + v.Count) : (v.Value!, 0, v.Count);
        }

        foreach (var (key, (value, r, s)) in counts)
        {
            yield return new MergedValue(key, value, r, s);
        }
    }

    /// <summary>One side's stream: nulls counted apart, equal neighbours summed, a step backwards refused.</summary>
    private sealed class Side(IAsyncEnumerator<ValueCount> source, Func<object, object> order, string name, Action<long> nulls) : IAsyncDisposable
    {
        private bool _pending;
        private ValueCount _next;

        public object? Order { get; private set; }

        public object? Value { get; private set; }

        public long Count { get; private set; }

        /// <summary>Moves to the next distinct value, summing neighbours the order calls equal (1.0 and 1.00 read apart).</summary>
        public async ValueTask<bool> MoveNextAsync()
        {
            var previous = Order;
            Order = null;
            while (true)
            {
                ValueCount item;
                if (_pending)
                {
                    item = _next;
                    _pending = false;
                }
                else if (await source.MoveNextAsync().ConfigureAwait(false))
                {
                    item = source.Current;
                }
                else
                {
                    return Order is not null;
                }

                if (CellValues.IsNull(item.Value))
                {
                    nulls(item.Count);
                    continue;
                }

                var key = order(item.Value!);
                if (Order is null)
                {
                    if (previous is not null && CanonicalOrder.Instance.Compare(previous, key) > 0)
                    {
                        throw new OutOfOrderException($"The {name} values are not in ascending order ({previous} before {key}).");
                    }

                    (Order, Value, Count) = (key, item.Value, item.Count);
                    continue;
                }

                var c = CanonicalOrder.Instance.Compare(Order, key);
                if (c == 0)
                {
                    Count += item.Count;
                    continue;
                }

                if (c > 0)
                {
                    throw new OutOfOrderException($"The {name} values are not in ascending order ({Order} before {key}).");
                }

                // The next distinct value: kept for the next call.
                (_next, _pending) = (item, true);
                return true;
            }
        }

        public ValueTask DisposeAsync() => source.DisposeAsync();
    }
}

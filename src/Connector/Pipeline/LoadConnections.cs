using System.Data.Common;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// The target connections of one load: the caller's first, then one more opened for each table in flight
/// beyond it, each given back when its table is written, for the next. Closes the ones it opened, not the caller's.
/// </summary>
internal sealed class LoadConnections : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly Stack<DbConnection> _idle;
    private readonly List<DbConnection> _opened = [];
    private readonly object _gate = new();

    /// <param name="first">The caller's open connection.</param>
    /// <param name="open">Opens one more connection, ready for writing.</param>
    public LoadConnections(DbConnection first, Func<CancellationToken, Task<DbConnection>> open)
    {
        _idle = new Stack<DbConnection>([first]);
        _open = open;
    }

    /// <summary>An idle connection, or a new one when every one is busy.</summary>
    public async Task<DbConnection> TakeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_idle.Count > 0) return _idle.Pop();
        }
        var extra = await _open(cancellationToken);
        lock (_gate) _opened.Add(extra);
        return extra;
    }

    /// <summary>Gives a connection back once its table is done with it.</summary>
    public void Return(DbConnection connection)
    {
        lock (_gate) _idle.Push(connection);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var extra in _opened) await extra.DisposeAsync();
    }
}

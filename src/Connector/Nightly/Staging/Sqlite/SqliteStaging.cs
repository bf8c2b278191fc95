using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sdv.Connector.Connections;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly.Staging.Sqlite;

/// <summary>
/// SQLite: the clone is written to <c>target.db.sdv-staging</c> in the target's folder (same file
/// system, so the swap is a rename), then renamed over the target: readers see the old file or the
/// new one, never half of either.
/// </summary>
internal sealed class SqliteStaging : IStagingArea
{
    private readonly DatabaseEndpoint _target;
    private readonly string _targetPath;
    private readonly string _stagingPath;

    public SqliteStaging(DatabaseEndpoint target)
    {
        _target = target;
        _targetPath = target.Path ?? new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
        _stagingPath = _targetPath + ".sdv-staging";
        var builder = new SqliteConnectionStringBuilder(target.ConnectionString) { DataSource = _stagingPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        Endpoint = target with { ConnectionString = builder.ConnectionString, Path = _stagingPath, Redacted = _stagingPath };
    }

    public string Description => $"file {_stagingPath}";

    public DatabaseEndpoint Endpoint { get; }

    public bool ViewsAfterSwap => false;

    public string? SessionSql => null;

    public Task<IReadOnlyList<string>> CleanAsync(CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var file in new[] { _stagingPath, _stagingPath + "-journal", _stagingPath + "-wal", _stagingPath + "-shm" })
        {
            if (!File.Exists(file)) continue;
            File.Delete(file);
            removed.Add(file);
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(_targetPath));
        if (folder is not null && !Directory.Exists(folder)) Directory.CreateDirectory(folder);
        return Task.FromResult<IReadOnlyList<string>>(removed);
    }

    public DatabaseSchema ToStaging(DatabaseSchema mapped) => mapped;

    public IReadOnlyList<string> StagingSchemas(DatabaseSchema staged) => [];

    /// <summary>A file holds no name of its own: views, triggers and keys name tables only, so the renamed file is whole.</summary>
    public Task<IReadOnlyList<string>> SwapAsync(DatabaseSchema staged, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Pooled handles on the staging file must be gone before it is renamed.
        SqliteConnection.ClearAllPools();
        File.Move(_stagingPath, _targetPath, overwrite: true);
        // A journal of the old file would be applied to the new one: remove any leftover.
        foreach (var file in new[] { _targetPath + "-journal", _targetPath + "-wal", _targetPath + "-shm" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
        return Task.FromResult<IReadOnlyList<string>>([]);
    }

    public async Task<DbConnection> OpenTargetAsync(CancellationToken cancellationToken) =>
        await Pipeline.OpenDatabase.TargetAsync(_target, cancellationToken);

    /// <summary><c>target.db.sdv-lock</c> beside the target: the file is the whole target, so its name is the lock's.</summary>
    public Task<IRunLock?> TryLockAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(FileRunLock.TryTake(LockPath));
    }

    public string LockDescription => $"lock file {LockPath}";

    private string LockPath => _targetPath + ".sdv-lock";

    public string? LiveSchema(string? stagingSchema) => stagingSchema;
}

using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// Reads one non-NULL cell as the canonical value of its column (any cell, NULL read as null, where
/// <see cref="QueryRowStream"/> is told the reader reads NULLs). False when the stored value has no
/// canonical form; <paramref name="example"/> then describes it for the reader's warning.
/// </summary>
internal delegate bool CellReader(DbDataReader reader, int ordinal, ColumnSchema column, out object? value, out string? example);

using System.Security.Cryptography;
using System.Text;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>SHA-256 over what a model depends on: table names, columns with native types and nullability, keys.</summary>
public static class SchemaFingerprint
{
    public static string Of(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var text = new StringBuilder();
        foreach (var table in schema.Tables.OrderBy(t => t.Name, QualifiedName.Order))
        {
            text.Append("T|").Append(table.Name).Append('\n');
            foreach (var c in table.Columns) text.Append("C|").Append(c.Name).Append('|').Append(c.NativeType).Append('|').Append(c.IsNullable).Append('\n');
            if (table.PrimaryKey is { } pk) text.Append("P|").AppendJoin(",", pk.Columns).Append('\n');
            foreach (var fk in table.ForeignKeys.OrderBy(TableEntry.KeyOf, StringComparer.Ordinal)) text.Append("F|").Append(TableEntry.KeyOf(fk)).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

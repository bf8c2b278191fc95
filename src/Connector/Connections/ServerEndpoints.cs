using System.Data.Common;
using System.Globalization;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Connections;

/// <summary>Builds endpoints of server engines (PostgreSQL, MySQL/MariaDB, SQL Server) from a URL or an ADO.NET string.</summary>
internal static class ServerEndpoints
{
    /// <summary>The engine's connection strings, from its adapter (<see cref="IEngineAdapter.ServerConnections"/>).</summary>
    public static IServerConnections For(DatabaseEngine engine) =>
        EngineAdapters.For(engine).ServerConnections ?? throw new ArgumentOutOfRangeException(nameof(engine), engine, "Not a server engine.");

    public static DatabaseEndpoint FromUrl(string text, EndpointScheme scheme, string typedScheme, ParseContext context)
    {
        var connections = For(scheme.Engine!.Value);
        var url = ConnectionUrl.Parse(text, typedScheme, context);
        if (url.Database is null)
        {
            var port = (url.Port ?? connections.DefaultPort).ToString(CultureInfo.InvariantCulture);
            throw context.Error($"the URL names no database ({scheme.Name}://{HostNames.ForUrl(url.Host)}:{port}/DATABASE)");
        }

        var builder = connections.Create(null);
        connections.SetAddress(builder, url.Host, url.Port, url.User, url.Database);
        if (url.Password is not null)
        {
            connections.SetPassword(builder, url.Password);
        }

        BuilderOptions.Apply(builder, url.Options, connections.DisplayName, context);
        return Complete(connections, builder, scheme.Name, "URL", context);
    }

    public static DatabaseEndpoint FromConnectionString(string text, EndpointScheme scheme, ParseContext context)
    {
        var connections = For(scheme.Engine!.Value);
        foreach (var secret in InputRedactor.ConnectionStringPasswords(text))
        {
            context.AddSecret(secret);
        }

        DbConnectionStringBuilder builder;
        try
        {
            builder = connections.Create(text);
        }
        catch (Exception ex) when (BuilderOptions.IsDriverComplaint(ex))
        {
            // The driver's words only: the string itself may hold the password, so it is not echoed.
            throw context.Error($"the connection string is not valid for {connections.DisplayName}: {BuilderOptions.DriverMessage(ex)}");
        }

        return Complete(connections, builder, scheme.Name, "connection string", context);
    }

    private static DatabaseEndpoint Complete(
        IServerConnections connections, DbConnectionStringBuilder builder, string schemeName, string origin, ParseContext context)
    {
        connections.Complete(builder);
        var address = connections.Read(builder);
        if (address.Host.Length == 0)
        {
            throw context.Error($"the {origin} names no host; add {connections.HostKey}=HOST");
        }

        if (address.Database is null)
        {
            throw context.Error($"the {origin} names no database; add {connections.DatabaseKey}=NAME");
        }

        var hasPassword = address.HasPassword;
        if (context.Password is { } source)
        {
            if (hasPassword)
            {
                throw context.Error($"the {origin} holds a password and {source.OptionName(context.Role)} gives another; keep one");
            }

            var password = source.Resolve(context.Role, context.Environment);
            context.AddSecret(password);
            connections.SetPassword(builder, password);
            hasPassword = true;
        }
        else if (!hasPassword && connections.PasswordVariable is { } variable && context.Environment(variable) is { Length: > 0 } conventional)
        {
            context.AddSecret(conventional);
            connections.SetPassword(builder, conventional);
            hasPassword = true;
        }

        var location = address.Port is { } p
            ? $"{HostNames.Normalise(address.Host)}:{p.ToString(CultureInfo.InvariantCulture)}"
            : $"{HostNames.Normalise(address.Host)}\\{address.Instance?.ToUpperInvariant()}";
        var name = connections.DatabaseNamesIgnoreCase ? address.Database.ToUpperInvariant() : address.Database;

        return new DatabaseEndpoint
        {
            Kind = EndpointKind.Database,
            Engine = connections.Engine,
            ConnectionString = builder.ConnectionString,
            Host = address.Host,
            Port = address.Port,
            DatabaseName = address.Database,
            Redacted = Display(schemeName, address, hasPassword),
            Identity = new EndpointIdentity(EndpointKind.Database, connections.Engine, location, name),
        };
    }

    private static string Display(string schemeName, ServerAddress address, bool hasPassword)
    {
        var user = address.User is null && !hasPassword
            ? string.Empty
            : $"{address.User}{(hasPassword ? ":" + InputRedactor.Mask : string.Empty)}@";
        var host = HostNames.ForUrl(address.Host) + (address.Instance is null ? string.Empty : "\\" + address.Instance);
        var port = address.Port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return $"{schemeName}://{user}{host}{port}/{address.Database}";
    }
}

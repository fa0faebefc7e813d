using System.Data.Common;
using Custodian.Server.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands and connection opens of the requests whose path starts with <see cref="PathPrefix"/>
/// (background services serve no request, so they are not counted), for tests that pin a request's fixed cost.
/// </summary>
public sealed class RequestCommandCounter : DbConnectionInterceptor, IDbCommandInterceptor
{
    static readonly HttpContextAccessor Request = new();
    readonly System.Collections.Concurrent.ConcurrentQueue<string> _commands = new();
    int _opens;

    public string PathPrefix { get; set; } = "/api";

    public int Commands => _commands.Count;

    public int Opens => _opens;

    /// <summary>The commands (their start), for a failure message that names what was added.</summary>
    public string Listing => string.Join("\n", _commands);

    public void Reset()
    {
        _commands.Clear();
        _opens = 0;
    }

    bool Counted => Request.HttpContext?.Request.Path.StartsWithSegments(PathPrefix) == true;

    void Seen(DbCommand command)
    {
        if (Counted)
        {
            var text = command.CommandText.ReplaceLineEndings(" ");
            _commands.Enqueue(text[..Math.Min(400, text.Length)]);
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Counted)
        {
            Interlocked.Increment(ref _opens);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Seen(command);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Seen(command);
        return result;
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Seen(command);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }
}

/// <summary>A server whose database contexts count the commands and opens of API requests (<see cref="Counter"/>).</summary>
public sealed class CountingApiFactory : ApiFactory
{
    public RequestCommandCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Counter));
            services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(Counter));
        });
    }
}

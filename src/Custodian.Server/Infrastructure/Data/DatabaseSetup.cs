using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Infrastructure.Data;

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RevisionInterceptor>();
        // Options are read when the first context is built, not here, so tests can override them. Pooled: a
        // request's context (its internal services and change tracker) is reset and reused rather than built anew,
        // which is a large part of a small read's cost. Pooling keeps a context's own fields, so the registration
        // below empties the one this code adds (live-sync messages) each time a context is handed out.
        builder.Services.AddDbContextPool<SqliteAppDbContext>((sp, db) => Configure(sp, db, DatabaseProvider.Sqlite));
        builder.Services.AddDbContextPool<PostgresAppDbContext>((sp, db) => Configure(sp, db, DatabaseProvider.Postgres));
        builder.Services.AddScoped<AppDbContext>(sp =>
        {
            AppDbContext db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresAppDbContext>()
                : sp.GetRequiredService<SqliteAppDbContext>();
            db.Pushes.Clear();
            return db;
        });
        return builder;
    }

    /// <summary>
    /// Lists of ids (a vault of 5,000 items) go as one array or JSON parameter: one SQL text whatever the count,
    /// and no ceiling from the databases' limits on parameters per statement (32,766 in SQLite).
    /// </summary>
    static void Configure(IServiceProvider sp, DbContextOptionsBuilder db, DatabaseProvider provider)
    {
        var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var connection = ConnectionString(options);
        if (provider == DatabaseProvider.Postgres)
        {
            db.UseNpgsql(connection, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        }
        else
        {
            db.UseSqlite(connection, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
            db.AddInterceptors(new SqliteBusyTimeout());
        }
        db.UseModel(CompiledModel(provider));
        db.AddInterceptors(sp.GetRequiredService<RevisionInterceptor>(), new Features.Events.Sinks.EventOutboxInterceptor(sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>
    /// The model generated at build time (<c>scripts/optimize-model.sh</c>), so a start does not run EF's
    /// conventions over every entity; <c>CompiledModelTests</c> fails when it no longer matches the code.
    /// Migrations and <c>dotnet ef</c> still build the model from the code (the design-time factories below).
    /// </summary>
    public static Microsoft.EntityFrameworkCore.Metadata.IModel CompiledModel(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres
            ? CompiledModels.Postgres.PostgresAppDbContextModel.Instance
            : CompiledModels.Sqlite.SqliteAppDbContextModel.Instance;

    public static string ConnectionString(DatabaseOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }
        if (options.Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database__ConnectionString is required when Database__Provider is Postgres.");
        }
        // Relative to the working directory: `./run.sh` from the repository root keeps data in ./data.
        return $"Data Source={Path.Combine(DataFiles.EnsureDirectory(options.DataDirectory), "custodian.db")}";
    }

    /// <summary>
    /// Applies migrations at start-up; PostgreSQL serialises concurrent instances with a lock. Most starts have
    /// nothing to apply: comparing the history table with the assembly's migrations is one query, where
    /// <c>MigrateAsync</c> would also rebuild the snapshot's model and diff it against the current one every time.
    /// A fresh database (the tests') still goes through <c>MigrateAsync</c> and its check for a missing migration.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database;
        if ((await database.GetPendingMigrationsAsync()).Any())
        {
            await database.MigrateAsync();
        }
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context SqliteAppDbContext</c> build the model without a host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost").Options);
}

using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Security;

/// <summary>
/// A fingerprint of every row the server keeps for tenants, to prove a refused request changed nothing. Tables
/// that record the attempt itself (events, login throttling, refresh tokens, keys) are left out.
/// </summary>
public static class DataSnapshot
{
    static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "Events", "LoginAttempts", "RefreshTokens", "DataProtectionKeys", "SigningKeys",
    };

    public static async Task<string> TakeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Where(t => !Ignored.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var text = new StringBuilder();
            foreach (var table in tables)
            {
                text.Append(table).Append(':').AppendJoin('\n', await RowsAsync(connection, table)).Append('\n');
            }
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task<List<string>> RowsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows.Add(string.Join('|', values.Select(v => v is byte[] b ? Convert.ToBase64String(b) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}

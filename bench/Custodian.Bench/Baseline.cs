using System.Data.Common;
using System.Text.Json;

namespace Custodian.Bench;

/// <summary>
/// The limit each read can approach: the same rows the endpoint answers with, read by one hand-written SQL query
/// straight from the database and written as JSON, with no authorization, mapping or HTTP. Results read as a
/// ratio to this. Stored JSON (item data) is copied raw, as the cheapest server could.
/// </summary>
public sealed class Baseline(BenchDatabase database, BenchManifest manifest)
{
    const int Confirmed = 2;

    /// <summary>
    /// The items a sync writes: the user's own, those of their granted collections and, with
    /// <paramref name="clients"/>, every item of the client orgs they are assigned to as a provider user (the bench
    /// writes no teams or grants).
    /// </summary>
    public Task SyncAsync(Guid userId, bool clients, CancellationToken ct) => WriteAsync($"""
        SELECT c."Id", c."OrganizationId", c."Type", c."Data", c."Key", c."Reprompt", c."CreationDate", c."RevisionDate",
               c."DeletedDate", s."FolderId", s."Favorite"
        FROM "Ciphers" c LEFT JOIN "CipherUserStates" s ON s."CipherId" = c."Id" AND s."UserId" = @user
        WHERE c."Id" IN ({SyncIdsSql(clients)})
        ORDER BY c."Id"
        """, [("user", userId)], rawJsonColumn: "Data", ct, mayBeEmpty: clients);

    /// <summary>The ids a sync must hold, to check a measured answer against (read once, not measured).</summary>
    public async Task<HashSet<Guid>> SyncIdsAsync(Guid userId, bool clients, CancellationToken ct)
    {
        await using var connection = database.OpenConnection();
        await using var command = Command(connection, SyncIdsSql(clients), [("user", userId)]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetFieldValue<Guid>(0));
        }
        return ids;
    }

    static string SyncIdsSql(bool clients) => $"""
            SELECT p."Id" FROM "Ciphers" p WHERE p."UserId" = @user
            UNION
            SELECT cc."CipherId" FROM "CollectionCiphers" cc
            JOIN "CollectionUsers" cu ON cu."CollectionId" = cc."CollectionId"
            JOIN "OrganizationUsers" m ON m."Id" = cu."OrganizationUserId"
            WHERE m."UserId" = @user AND m."Status" = 2
            UNION
            SELECT cc."CipherId" FROM "CollectionCiphers" cc
            JOIN "CollectionGroups" cg ON cg."CollectionId" = cc."CollectionId"
            JOIN "GroupUsers" gu ON gu."GroupId" = cg."GroupId"
            JOIN "OrganizationUsers" m ON m."Id" = gu."OrganizationUserId"
            WHERE m."UserId" = @user AND m."Status" = 2
            {(clients ? """
            UNION
            SELECT o."Id" FROM "Ciphers" o
            JOIN "ProviderOrganizations" l ON l."OrganizationId" = o."OrganizationId"
            JOIN "ProviderAssignments" a ON a."ProviderOrganizationId" = l."Id"
            JOIN "ProviderUsers" pu ON pu."Id" = a."ProviderUserId"
            WHERE pu."UserId" = @user AND pu."Status" = 2
            """ : "")}
        """;

    public Task ClientPageAsync(int page, string? search, CancellationToken ct, List<string>? collect = null) => WriteAsync($"""
        SELECT p.*, (SELECT COUNT(*) FROM "OrganizationUsers" m WHERE m."OrganizationId" = p."OrganizationId" AND m."Status" = {Confirmed}) AS "Members"
        FROM (SELECT l."Id", l."OrganizationId", l."Key", l."CreationDate", o."Name", o."Seats", o."PlanType", o."Enabled"
              FROM "Organizations" o JOIN "ProviderOrganizations" l ON l."OrganizationId" = o."Id"
              WHERE EXISTS (SELECT 1 FROM "ProviderOrganizations" x WHERE x."OrganizationId" = o."Id" AND x."ProviderId" = @provider)
                {(search is null ? "" : "AND lower(o.\"Name\") LIKE @search")}
              ORDER BY o."Name", o."Id" LIMIT {ApiScenarios.ClientPageSize} OFFSET {(page - 1) * ApiScenarios.ClientPageSize}) p
        """, search is null ? [("provider", manifest.ProviderId)] : [("provider", manifest.ProviderId), ("search", $"%{search.ToLowerInvariant()}%")],
        rawJsonColumn: null, ct, collect);

    /// <summary>The dashboard's first page as one hand-written query: the same correlated counts per client.</summary>
    public Task DashboardPageAsync(CancellationToken ct) => WriteAsync($"""
        SELECT o."Id", o."Name", o."Enabled", o."Seats",
            (SELECT COUNT(*) FROM "OrganizationUsers" m WHERE m."OrganizationId" = o."Id" AND m."Status" <> -1) AS "Occupied",
            (SELECT COUNT(*) FROM "OrganizationUsers" m WHERE m."OrganizationId" = o."Id" AND m."Status" = 0) AS "Invited",
            (SELECT COUNT(*) FROM "OrganizationUsers" m WHERE m."OrganizationId" = o."Id" AND m."Status" = 1) AS "Accepted",
            (SELECT COUNT(*) FROM "OrganizationUsers" m WHERE m."OrganizationId" = o."Id" AND m."Status" = {Confirmed}
                AND NOT EXISTS (SELECT 1 FROM "TwoFactorMethods" t WHERE t."UserId" = m."UserId" AND t."Enabled")) AS "NoTwoStep",
            (SELECT COUNT(*) FROM "Policies" p WHERE p."OrganizationId" = o."Id" AND p."Enabled") AS "Policies",
            (SELECT MAX(e."Date") FROM "Events" e WHERE e."OrganizationId" = o."Id") AS "LastActivity"
        FROM "Organizations" o
        WHERE EXISTS (SELECT 1 FROM "ProviderOrganizations" x WHERE x."OrganizationId" = o."Id" AND x."ProviderId" = @provider)
        ORDER BY o."Name", o."Id" LIMIT {ApiScenarios.ClientPageSize}
        """, [("provider", manifest.ProviderId)], rawJsonColumn: null, ct);

    /// <summary>The page after (Name, Id) by keyset, the way the server reads a continuation token.</summary>
    public Task ClientPageAfterAsync((string Name, Guid Id) after, CancellationToken ct) => WriteAsync($"""
        SELECT p.*, (SELECT COUNT(*) FROM "OrganizationUsers" m WHERE m."OrganizationId" = p."OrganizationId" AND m."Status" = {Confirmed}) AS "Members"
        FROM (SELECT l."Id", l."OrganizationId", l."Key", l."CreationDate", o."Name", o."Seats", o."PlanType", o."Enabled"
              FROM "Organizations" o JOIN "ProviderOrganizations" l ON l."OrganizationId" = o."Id"
              WHERE EXISTS (SELECT 1 FROM "ProviderOrganizations" x WHERE x."OrganizationId" = o."Id" AND x."ProviderId" = @provider)
                AND o."Name" >= @name AND (o."Name" > @name OR o."Id" > @id)
              ORDER BY o."Name", o."Id" LIMIT {ApiScenarios.ClientPageSize}) p
        """, [("provider", manifest.ProviderId), ("name", after.Name), ("id", after.Id)], rawJsonColumn: null, ct);

    /// <summary>(Name, Id) of the last client before page <paramref name="page"/>, for the keyset baseline.</summary>
    public async Task<(string Name, Guid Id)> ClientKeyBeforePageAsync(int page, CancellationToken ct)
    {
        await using var connection = database.OpenConnection();
        await using var command = Command(connection, $"""
            SELECT o."Name", o."Id" FROM "Organizations" o JOIN "ProviderOrganizations" l ON l."OrganizationId" = o."Id"
            WHERE l."ProviderId" = @provider ORDER BY o."Name", o."Id" LIMIT 1 OFFSET {(page - 1) * ApiScenarios.ClientPageSize - 1}
            """, [("provider", manifest.ProviderId)]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetFieldValue<Guid>(1)) : throw new BenchFailure("no client before the page");
    }

    /// <summary>The id of the account with <paramref name="email"/>, read once (not part of a baseline's work).</summary>
    public async Task<Guid> UserIdAsync(string email, CancellationToken ct)
    {
        if (_userIds.TryGetValue(email, out var known))
        {
            return known;
        }
        await using var connection = database.OpenConnection();
        await using var command = Command(connection, """SELECT "Id" FROM "Users" WHERE "Email" = @email""", [("email", email)]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return _userIds[email] = await reader.ReadAsync(ct) ? reader.GetFieldValue<Guid>(0) : throw new BenchFailure($"no account {email}");
    }

    readonly System.Collections.Concurrent.ConcurrentDictionary<string, Guid> _userIds = new();

    /// <summary>The account's revision date as <c>/api/accounts/revision-date</c> answers it (Unix milliseconds).</summary>
    public async Task<long> RevisionDateAsync(string email, CancellationToken ct)
    {
        await using var connection = database.OpenConnection();
        await using var command = Command(connection, """SELECT "AccountRevisionDate" FROM "Users" WHERE "Email" = @email""", [("email", email)]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new DateTimeOffset(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(0), DateTimeKind.Utc)).ToUnixTimeMilliseconds()
            : throw new BenchFailure($"no account {email}");
    }

    public Task MembersAsync(CancellationToken ct, List<string>? collect = null) => WriteAsync("""
        SELECT m."Id", m."UserId", m."Type", m."Status", m."Permissions", m."ExternalId", u."Email", u."Name"
        FROM "OrganizationUsers" m LEFT JOIN "Users" u ON u."Id" = m."UserId"
        WHERE m."OrganizationId" = @org
        """, [("org", manifest.BigOrgId)], rawJsonColumn: null, ct, collect);

    public Task EventPageAsync(CancellationToken ct) => WriteAsync("""
        SELECT "Id", "Type", "Date", "UserId", "OrganizationId", "CipherId", "CollectionId", "GroupId", "OrganizationUserId",
               "ActingUserId", "DeviceType", "IpAddress"
        FROM "Events" WHERE "OrganizationId" = @org AND "Date" >= @from AND "Date" <= @to
        ORDER BY "Date" DESC, "Id" DESC LIMIT 100
        """, [("org", manifest.BigOrgId), ("from", manifest.EventsFrom), ("to", manifest.EventsTo)], rawJsonColumn: null, ct);

    /// <summary>The row a login reads (the user by email) before the server checks the hash.</summary>
    public Task LoginRowAsync(string email, CancellationToken ct) => WriteAsync("""
        SELECT "Id", "Email", "MasterPassword", "Key", "PrivateKey", "Kdf", "KdfIterations", "SecurityStamp" FROM "Users" WHERE "Email" = @email
        """, [("email", email)], rawJsonColumn: null, ct);

    /// <summary>
    /// The writes a bulk policy job cannot avoid: per client, the policy row set (inserted or updated) and its members'
    /// account revision bumped so their apps resync, in transactions of 100 clients as the job's batches; no
    /// authorization, dependency check, job bookkeeping, event or HTTP.
    /// </summary>
    public async Task BulkPolicyAsync(IReadOnlyList<Guid> organizationIds, int minLength, CancellationToken ct)
    {
        await using var connection = database.OpenConnection();
        var now = DateTime.UtcNow;
        var data = $$"""{"minLength":{{minLength}}}""";
        foreach (var batch in organizationIds.Chunk(100))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var org in batch)
            {
                await using var upsert = Command(connection, """
                    INSERT INTO "Policies" ("Id", "OrganizationId", "Type", "Enabled", "Data", "CreationDate", "RevisionDate")
                    VALUES (@id, @org, 1, @enabled, @data, @now, @now)
                    ON CONFLICT ("OrganizationId", "Type") DO UPDATE SET "Enabled" = @enabled, "Data" = @data, "RevisionDate" = @now
                    """, [("id", Guid.NewGuid()), ("org", org), ("enabled", true), ("data", data), ("now", now)]);
                upsert.Transaction = transaction;
                await upsert.ExecuteNonQueryAsync(ct);
                await using var bump = Command(connection, """
                    UPDATE "Users" SET "AccountRevisionDate" = @now
                    WHERE "Id" IN (SELECT "UserId" FROM "OrganizationUsers" WHERE "OrganizationId" = @org AND "UserId" IS NOT NULL)
                    """, [("org", org), ("now", now)]);
                bump.Transaction = transaction;
                await bump.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
    }

    /// <param name="collect">When given, receives each row's <see cref="Collected"/> column, for checking responses.</param>
    /// <param name="mayBeEmpty">Where no rows is a right answer (a provider admin with no assignments); the scenario then
    /// checks the ids itself.</param>
    async Task WriteAsync(string sql, (string Name, object Value)[] parameters, string? rawJsonColumn, CancellationToken ct, List<string>? collect = null,
        bool mayBeEmpty = false)
    {
        await using var connection = database.OpenConnection();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await using var json = new Utf8JsonWriter(Stream.Null);
        json.WriteStartArray();
        var rows = 0;
        while (await reader.ReadAsync(ct))
        {
            WriteRow(json, reader, rawJsonColumn);
            collect?.Add(Collected(reader));
            rows++;
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
        if (rows == 0 && !mayBeEmpty)
        {
            throw new BenchFailure("the baseline query found no rows");
        }
    }

    /// <summary>The value a response is checked by: the row's id, lower-case, or for an event its date as UTC ticks.</summary>
    static string Collected(DbDataReader reader) => reader.GetName(0) == "Id" && reader.GetName(2) == "Date"
        ? ResponseCheck.Ticks(reader.GetDateTime(2))
        : reader.GetValue(0) is Guid id ? id.ToString() : reader.GetString(0).ToLowerInvariant();

    /// <summary>What a response must list, by the baseline's own query, read once before measuring.</summary>
    public async Task<List<string>> ExpectedAsync(Func<List<string>, Task> query)
    {
        var values = new List<string>();
        await query(values);
        return values;
    }

    /// <summary>A command with its parameters; SQLite holds ids as upper-case text, as EF Core writes them.</summary>
    DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value is Guid id && !database.IsPostgres ? id.ToString().ToUpperInvariant() : value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    static void WriteRow(Utf8JsonWriter json, DbDataReader reader, string? rawJsonColumn)
    {
        json.WriteStartObject();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            json.WritePropertyName(name);
            if (reader.IsDBNull(i))
            {
                json.WriteNullValue();
            }
            else if (name == rawJsonColumn)
            {
                json.WriteRawValue(reader.GetString(i), skipInputValidation: true);
            }
            else
            {
                switch (reader.GetValue(i))
                {
                    case string s: json.WriteStringValue(s); break;
                    case Guid g: json.WriteStringValue(g); break;
                    case DateTime d: json.WriteStringValue(d); break;
                    case bool b: json.WriteBooleanValue(b); break;
                    case long l: json.WriteNumberValue(l); break;
                    case int n: json.WriteNumberValue(n); break;
                    case short n: json.WriteNumberValue(n); break;
                    case var other: json.WriteStringValue(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture)); break;
                }
            }
        }
        json.WriteEndObject();
    }
}

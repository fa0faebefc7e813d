using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Custodian.Bench;

/// <summary>
/// The benchmarked requests, each as an official client sends it, every answer checked against the database
/// (<see cref="ResponseCheck"/>): a wrong item, page, order or search result is a failure.
/// </summary>
public sealed class ApiScenarios(HttpClient http, BenchManifest manifest)
{
    readonly Dictionary<string, string> _tokens = [];
    readonly Payloads _payloads = new(seed: 7);
    readonly Lock _payloadLock = new();

    public async Task LoginAllAsync(CancellationToken ct)
    {
        foreach (var email in manifest.SyncUsers.Select(u => u.Email).Concat(manifest.Technicians.Select(t => t.Email))
                     .Append(manifest.ProviderAdminEmail).Append(manifest.BigOrgOwnerEmail).Append(WriterEmail))
        {
            _tokens[email] = await LoginAsync(email, ct);
        }
        _tokens[OrganizationToken] = await LoginOrganizationAsync(ct);
    }

    const string OrganizationToken = "organization";

    /// <summary>The big org's public API token, as Directory Connector gets one: the owner reveals the key, the key logs in.</summary>
    async Task<string> LoginOrganizationAsync(CancellationToken ct)
    {
        var key = await SendAsync(HttpMethod.Post, $"/api/organizations/{manifest.BigOrgId}/api-key", manifest.BigOrgOwnerEmail,
            new { masterPasswordHash = manifest.ClientPasswordHash }, ct);
        using var response = await http.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = $"organization.{manifest.BigOrgId}",
            ["client_secret"] = key["apiKey"]?.GetValue<string>() ?? throw new BenchFailure("no apiKey"), ["scope"] = "api.organization",
        }), ct);
        return (await ReadAsync(response, ct))["access_token"]?.GetValue<string>() ?? throw new BenchFailure("no organization access_token");
    }

    /// <summary>A member of a small client whose own vault takes the created items, so sync counts stay exact.</summary>
    public string WriterEmail => $"user{manifest.Shape.BigOrgMembers:D6}@bench.test";

    /// <summary>Any of the regular users, as a new device of the web vault would log in.</summary>
    public string LoginEmail(int sequence) =>
        $"user{manifest.Shape.BigOrgMembers + sequence % (manifest.Shape.Users - manifest.Shape.BigOrgMembers - 10):D6}@bench.test";

    public async Task<string> LoginAsync(string email, CancellationToken ct)
    {
        using var response = await http.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = manifest.ClientPasswordHash,
            ["scope"] = "api offline_access", ["client_id"] = "web", ["deviceType"] = "9",
            ["deviceIdentifier"] = Guid.NewGuid().ToString(), ["deviceName"] = "chrome",
        }), ct);
        var body = await ReadAsync(response, ct);
        return body["access_token"]?.GetValue<string>() ?? throw new BenchFailure("no access_token");
    }

    /// <summary>A sync whose items (ids, order, every byte) must hash to <paramref name="expectedItems"/>.</summary>
    public async Task SyncAsync(SyncUser user, byte[] expectedItems, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, "/api/sync?excludeDomains=true", user.Email);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(response, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var items = await ResponseCheck.HashSyncItemsAsync(stream, ct) ?? throw new BenchFailure($"sync of {user.Email}: no ciphers list");
        if (!items.AsSpan().SequenceEqual(expectedItems))
        {
            throw new BenchFailure($"sync of {user.Email}: the items differ from the database's (SHA-256 {ResponseCheck.Hex(items)[..12]}, expected {ResponseCheck.Hex(expectedItems)[..12]})");
        }
    }

    /// <summary>
    /// A provider user's sync: the items of the clients they carry (up to every client's, about 1 GB of JSON). Every
    /// answer, measured ones included, is checked against <paramref name="expected"/> (the baseline's ids) by reading
    /// only the item ids off the stream as it arrives (a parsed tree of the body would take gigabytes), so its latency
    /// includes that read, as a client's includes its own. The profile before the items is not parsed: a serializer
    /// skipping it would hold all of it (a provider's every client) in one growing buffer, the driver's cost, not the server's.
    /// </summary>
    public async Task ProviderSyncAsync(string email, Func<CancellationToken, Task<HashSet<Guid>>> expected, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, "/api/sync?excludeDomains=true", email);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchFailure($"sync of {email}: {(int)response.StatusCode}");
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var items = await ResponseCheck.SyncItemIdsAsync(stream, ct) ?? throw new BenchFailure($"sync of {email}: no ciphers list");
        var want = await expected(ct);
        var got = items.ToHashSet();
        if (got.Count != items.Count || !got.SetEquals(want))
        {
            throw new BenchFailure($"sync of {email} returned {items.Count} items ({got.Count} distinct, {got.Except(want).Count()} not expected), expected {want.Count}");
        }
    }

    /// <summary>A page by number (or a search), its clients' link ids in the database's order.</summary>
    public Task ClientPageAsync(int page, string? search, IReadOnlyList<string> expectedIds, CancellationToken ct) => ExpectValuesAsync(
        ClientPagePath(page, search), manifest.ProviderAdminEmail, "id", expectedIds, ct);

    /// <summary>The first page's body, byte for byte (its continuation token included).</summary>
    public Task FirstClientPageAsync(byte[] expectedBody, CancellationToken ct) =>
        ExpectBodyAsync(ClientPath(""), manifest.ProviderAdminEmail, expectedBody, ct);

    string ClientPagePath(int page, string? search) =>
        $"/api/providers/{manifest.ProviderId}/organizations?page={page}&pageSize={ClientPageSize}" + (search is null ? "" : $"&search={Uri.EscapeDataString(search)}");

    public const int ClientPageSize = 100;

    /// <summary>The continuation token that leads to page <paramref name="page"/>, found once by walking the pages.</summary>
    public async Task<string> ClientTokenForPageAsync(int page, CancellationToken ct)
    {
        var token = "";
        for (var i = 1; i < page; i++)
        {
            var body = await GetAsync(ClientPath(token), manifest.ProviderAdminEmail, ct);
            token = body["continuationToken"]?.GetValue<string>() ?? throw new BenchFailure($"no continuation token after page {i}");
        }
        return token;
    }

    /// <summary>A page by keyset: the continuation token of the page before, as Bitwarden's clients page lists.</summary>
    public Task ClientPageAfterAsync(string token, byte[] expectedBody, CancellationToken ct) =>
        ExpectBodyAsync(ClientPath(token), manifest.ProviderAdminEmail, expectedBody, ct);

    string ClientPath(string token) => $"/api/providers/{manifest.ProviderId}/organizations?pageSize={ClientPageSize}"
        + (token.Length == 0 ? "" : $"&continuationToken={Uri.EscapeDataString(token)}");

    /// <summary>
    /// The cross-client dashboard's first page: rows present, every row's figures consistent (pending members are among
    /// the occupied seats).
    /// </summary>
    public async Task DashboardPageAsync(CancellationToken ct)
    {
        var path = $"/api/providers/{manifest.ProviderId}/dashboard?pageSize={ClientPageSize}";
        var body = await GetAsync(path, manifest.ProviderAdminEmail, ct);
        var rows = body["data"]?.AsArray() ?? throw new BenchFailure($"{path}: no data list");
        if (rows.Count == 0 || rows.Count > ClientPageSize)
        {
            throw new BenchFailure($"{path}: {rows.Count} rows");
        }
        foreach (var row in rows)
        {
            int Get(string name) => row![name]!.GetValue<int>();
            if (Get("pendingAcceptance") + Get("pendingConfirmation") > Get("occupiedSeats") || Get("withoutTwoStep") > Get("occupiedSeats"))
            {
                throw new BenchFailure($"{path}: inconsistent figures for {row!["organizationId"]}");
            }
        }
    }

    /// <summary>Every member, in no promised order: compared as sorted ids.</summary>
    /// <summary>The Admin Console's member list, byte for byte.</summary>
    public Task MembersAsync(byte[] expectedBody, CancellationToken ct) =>
        ExpectBodyAsync($"/api/organizations/{manifest.BigOrgId}/users", manifest.BigOrgOwnerEmail, expectedBody, ct);

    public Task PublicMembersAsync(IReadOnlyList<string> sortedIds, CancellationToken ct) =>
        ExpectValuesAsync("/api/public/members", OrganizationToken, "id", sortedIds, ct, sort: true);

    /// <summary>The first page of the big org's event log, byte for byte (its continuation token included).</summary>
    public Task EventPageAsync(byte[] expectedBody, CancellationToken ct) => ExpectBodyAsync(
        $"/api/organizations/{manifest.BigOrgId}/events?start={manifest.EventsFrom:O}&end={manifest.EventsTo:O}", manifest.BigOrgOwnerEmail, expectedBody, ct);

    /// <summary>
    /// The liveness probe: no token, no database, a few bytes; what the HTTP stack costs by itself, the part of every
    /// answer that no query or serializer change removes.
    /// </summary>
    public async Task AliveAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("/alive", ct);
        await EnsureSuccessAsync(response, ct);
        var now = System.Text.Json.JsonSerializer.Deserialize<DateTime>(await response.Content.ReadAsStringAsync(ct));
        if ((now.ToUniversalTime() - DateTime.UtcNow).Duration() > TimeSpan.FromMinutes(5))
        {
            throw new BenchFailure($"/alive answered {now:O}, not the time");
        }
    }

    /// <summary>
    /// The smallest authenticated read, which the apps poll before deciding to sync: the token check (its signature
    /// and the account's row) and one value; <paramref name="expected"/> is the database's.
    /// </summary>
    public async Task RevisionDateAsync(string email, long expected, CancellationToken ct)
    {
        var body = System.Text.Encoding.UTF8.GetString(await GetBytesAsync("/api/accounts/revision-date", email, ct));
        if (body != expected.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new BenchFailure($"revision date of {email}: {body}, expected {expected}");
        }
    }

    public async Task CreateCipherAsync(CancellationToken ct)
    {
        string name, username, password, uri;
        lock (_payloadLock)
        {
            (name, username, password, uri) = (_payloads.EncString(20), _payloads.EncString(24), _payloads.EncString(20), _payloads.EncString(40));
        }
        await SendAsync(HttpMethod.Post, "/api/ciphers", WriterEmail, new
        {
            type = 1, name, notes = (string?)null, favorite = false, reprompt = 0,
            login = new { username, password, uris = new[] { new { uri, match = (int?)null } } },
        }, ct);
    }

    public async Task CreateClientAsync(int sequence, CancellationToken ct)
    {
        string key, publicKey, privateKey, collection;
        lock (_payloadLock)
        {
            (key, publicKey, privateKey, collection) = (_payloads.EncString(64), _payloads.PublicKey(), _payloads.EncString(1218), _payloads.EncString(20));
        }
        await SendAsync(HttpMethod.Post, $"/api/providers/{manifest.ProviderId}/clients", manifest.ProviderAdminEmail, new
        {
            name = $"New client {sequence:D6}", ownerEmail = $"owner{sequence}@new-client.test", planType = 20, seats = 10,
            key, keyPair = new { publicKey, encryptedPrivateKey = privateKey }, collectionName = collection,
        }, ct);
    }

    List<Guid>? _bulkClients;
    int _bulkRuns;

    /// <summary>
    /// A bulk policy job over <paramref name="clients"/> clients, start to finish as the web UI drives it: start from a
    /// list of ids, then server-side batches until done. Every run is verified: every client succeeded and one client holds the
    /// policy with this run's setting.
    /// </summary>
    public async Task BulkPolicyAsync(int clients, CancellationToken ct)
    {
        var chosen = await BulkClientsAsync(clients, ct);
        var minLength = NextBulkMinLength();
        var provider = $"/api/providers/{manifest.ProviderId}";
        var job = await SendAsync(HttpMethod.Post, $"{provider}/bulk-jobs", manifest.ProviderAdminEmail, new
        {
            kind = 0, selection = new { organizationIds = chosen }, parameters = new { policy = new { type = 1, enabled = true, data = new { minLength } } },
        }, ct);
        var id = job["id"]!.GetValue<string>();
        while (!job["done"]!.GetValue<bool>())
        {
            job = await SendAsync(HttpMethod.Post, $"{provider}/bulk-jobs/{id}/run", manifest.ProviderAdminEmail, new { count = 100 }, ct);
        }
        if (job["succeeded"]!.GetValue<int>() != chosen.Count)
        {
            throw new BenchFailure($"bulk policy: {job["succeeded"]} of {chosen.Count} clients succeeded, {job["failed"]} failed");
        }
        var policy = await GetAsync($"/api/organizations/{chosen[^1]}/policies/1", manifest.ProviderAdminEmail, ct);
        if (policy["enabled"]?.GetValue<bool>() != true || policy["data"]?["minLength"]?.GetValue<int>() != minLength)
        {
            throw new BenchFailure($"bulk policy: the last client's policy is {policy.ToJsonString()}");
        }
    }

    /// <summary>The clients every bulk run (and its baseline) works on: the provider's first, in the client list's order.</summary>
    public async Task<List<Guid>> BulkClientsAsync(int count, CancellationToken ct) => _bulkClients ??= await FirstClientsAsync(count, ct);

    /// <summary>Each run sets a new minimum length, so a run that changed nothing is seen.</summary>
    public int NextBulkMinLength() => 12 + Interlocked.Increment(ref _bulkRuns) % 50;

    async Task<List<Guid>> FirstClientsAsync(int count, CancellationToken ct)
    {
        var ids = new List<Guid>();
        string? token = null;
        while (ids.Count < count)
        {
            var body = await GetAsync($"/api/providers/{manifest.ProviderId}/organizations?pageSize=500"
                + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}"), manifest.ProviderAdminEmail, ct);
            ids.AddRange(body["data"]!.AsArray().Select(c => Guid.Parse(c!["organizationId"]!.GetValue<string>())));
            token = body["continuationToken"]?.GetValue<string>();
            if (token is null)
            {
                break;
            }
        }
        return [.. ids.Take(count)];
    }

    async Task ExpectValuesAsync(string path, string email, string property, IReadOnlyList<string> expected, CancellationToken ct, bool sort = false)
    {
        var values = ResponseCheck.ListValues(await GetBytesAsync(path, email, ct), property);
        if (sort)
        {
            values.Sort(StringComparer.Ordinal);
        }
        ResponseCheck.Same(expected, values, path);
    }

    async Task ExpectBodyAsync(string path, string email, byte[] expectedHash, CancellationToken ct)
    {
        var body = await GetBytesAsync(path, email, ct);
        if (!System.Security.Cryptography.SHA256.HashData(body).AsSpan().SequenceEqual(expectedHash))
        {
            throw new BenchFailure($"{path}: the body differs from the database's ({body.Length} bytes)");
        }
    }

    async Task<byte[]> GetBytesAsync(string path, string email, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, path, email);
        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new BenchFailure($"{(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
        }
    }

    Task<JsonObject> GetAsync(string path, string email, CancellationToken ct) => SendAsync(HttpMethod.Get, path, email, null, ct);

    async Task<JsonObject> SendAsync(HttpMethod method, string path, string email, object? body, CancellationToken ct)
    {
        using var request = Request(method, path, email);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync(response, ct);
    }

    HttpRequestMessage Request(HttpMethod method, string path, string email)
    {
        var request = new HttpRequestMessage(method, path);
        // The official apps name themselves; a caller that does not is sent the legacy "data" string as well,
        // which doubles a sync's items (LegacyCipherData).
        request.Headers.Add("Bitwarden-Client-Name", "web");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[email]);
        return request;
    }

    static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchFailure($"{(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
        }
        // Some routes answer 200 with an empty body, as Bitwarden's do.
        return text.Length == 0 ? [] : JsonNode.Parse(text)?.AsObject() ?? throw new BenchFailure("null body");
    }
}

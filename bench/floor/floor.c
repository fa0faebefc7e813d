/*
 * The native floor: what the cheapest possible server would spend on a response. It runs the queries the server
 * runs for a sync (memberships with the org flags, collection links, items with the caller's state) or for one
 * page of a provider's clients, straight through SQLite's or libpq's C API, and writes the same JSON bytes the
 * server writes (a sync's "ciphers" array; a client page's whole body), with no HTTP, no framework and no
 * allocation beyond one growing buffer.
 *
 *   floor sqlite|postgres DB sync USER_ID            SECONDS MAX dump|measure
 *   floor sqlite|postgres DB clients PROVIDER_ID SIZE [NAME ID]  SECONDS MAX dump|measure
 *   floor sqlite|postgres DB members ORG_ID                      SECONDS MAX dump|measure
 *   floor sqlite|postgres DB events ORG_ID FROM TO               SECONDS MAX dump|measure
 *
 * "dump" writes one response to stdout (the driver hashes it to check the server's bytes); "measure" writes one
 * response unmeasured, then repeats it until SECONDS or MAX responses have passed, each to /dev/null, and prints one
 * line per measured response (its microseconds), then "cpu USER_PLUS_SYS_MICROSECONDS" over those responses.
 * Scope: members' syncs (owners, admins, users, through users' or groups' collection grants); a provider user's
 * client items and attachments are not written (an item with an attachment ends the program with an error).
 */
#include <ctype.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* ---------- output buffer ---------- */
static char *out;
static size_t out_len, out_cap;

static void put(const char *s, size_t n) {
    if (out_len + n > out_cap) {
        while (out_len + n > out_cap) out_cap = out_cap ? out_cap * 2 : 1 << 20;
        out = realloc(out, out_cap);
        if (!out) { perror("realloc"); exit(1); }
    }
    memcpy(out + out_len, s, n);
    out_len += n;
}
static void puts_(const char *s) { put(s, strlen(s)); }

/* A JSON string; the values written here (ids, dates, EncStrings, names) need no escaping beyond quote and backslash. */
static void put_string(const char *s) {
    put("\"", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\') put("\\", 1);
        else if ((unsigned char)*p < 0x20) { fprintf(stderr, "control character in a value\n"); exit(1); }
        put(p, 1);
    }
    put("\"", 1);
}
/* Ids: SQLite holds them upper-case, the response writes them lower-case. */
static void put_id(const char *s) {
    char buf[40];
    size_t n = strlen(s);
    if (n >= sizeof buf) { fprintf(stderr, "bad id %s\n", s); exit(1); }
    for (size_t i = 0; i <= n; i++) buf[i] = (char)tolower((unsigned char)s[i]);
    put_string(buf);
}
static void put_id_or_null(const char *s) { if (s) put_id(s); else puts_("null"); }
/* Dates as .NET writes a UTC DateTime: "2026-11-07T09:21:00.0687488Z" (SQLite: "2026-11-07 09:21:00.0687488";
   PostgreSQL in UTC: "2026-11-07 09:21:00.068748+00"). */
static void put_date(const char *s) {
    if (!s) { puts_("null"); return; }
    char buf[64];
    size_t n = strlen(s);
    if (n >= sizeof buf - 2) { fprintf(stderr, "bad date %s\n", s); exit(1); }
    memcpy(buf, s, n + 1);
    if (n > 10 && buf[10] == ' ') buf[10] = 'T';
    if (n > 3 && strcmp(buf + n - 3, "+00") == 0) n -= 3;
    buf[n] = 'Z';
    buf[n + 1] = 0;
    put_string(buf);
}
static void put_bool(int b) { puts_(b ? "true" : "false"); }
static void put_int(long v) { char b[24]; int n = snprintf(b, sizeof b, "%ld", v); put(b, (size_t)n); }

/* ---------- one query API over both databases ---------- */
static int is_pg;
static sqlite3 *lite;
static PGconn *pg;

typedef struct {
    sqlite3_stmt *stmt;
    PGresult *res;
    int row, rows;
} query;

/* SQL uses $1, $2 for parameters: PostgreSQL's numbered ones, and names SQLite binds by position of first use. */
static void run(query *q, const char *sql, int nparams, const char **params) {
    memset(q, 0, sizeof *q);
    if (is_pg) {
        q->res = PQexecParams(pg, sql, nparams, NULL, params, NULL, NULL, 0);
        if (PQresultStatus(q->res) != PGRES_TUPLES_OK) { fprintf(stderr, "%s\n%s\n", PQerrorMessage(pg), sql); exit(1); }
        q->rows = PQntuples(q->res);
        q->row = -1;
    } else {
        if (sqlite3_prepare_v2(lite, sql, -1, &q->stmt, NULL) != SQLITE_OK) { fprintf(stderr, "%s\n%s\n", sqlite3_errmsg(lite), sql); exit(1); }
        for (int i = 0; i < nparams; i++) {
            char name[8];
            snprintf(name, sizeof name, "$%d", i + 1);
            int at = sqlite3_bind_parameter_index(q->stmt, name);
            if (at > 0) sqlite3_bind_text(q->stmt, at, params[i], -1, SQLITE_STATIC);
        }
    }
}
static int next(query *q) {
    if (is_pg) return ++q->row < q->rows;
    int rc = sqlite3_step(q->stmt);
    if (rc == SQLITE_ROW) return 1;
    if (rc != SQLITE_DONE) { fprintf(stderr, "%s\n", sqlite3_errmsg(lite)); exit(1); }
    return 0;
}
static const char *text(query *q, int col) {
    if (is_pg) return PQgetisnull(q->res, q->row, col) ? NULL : PQgetvalue(q->res, q->row, col);
    return (const char *)sqlite3_column_text(q->stmt, col);
}
static int flag(query *q, int col) { const char *t = text(q, col); return t && (t[0] == '1' || t[0] == 't'); }
static long number(query *q, int col) { const char *t = text(q, col); return t ? strtol(t, NULL, 10) : 0; }
static void done(query *q) { if (is_pg) PQclear(q->res); else sqlite3_finalize(q->stmt); }

/* ---------- sync ---------- */
typedef struct { char id[40]; int managed, totp, limit_delete; } org;
typedef struct { char collection[40]; int read_only, hide_passwords, manage; } grant;
typedef struct { char cipher[40], collection[40]; } link;

static int id_cmp(const char *a, const char *b) { return strcasecmp(a, b); }

#define MEMBER_OF "SELECT m.\"OrganizationId\", m.\"Type\" FROM \"OrganizationUsers\" m WHERE m.\"UserId\" = $1 AND m.\"Status\" = 2"
#define GRANTS \
    "SELECT cu.\"CollectionId\", cu.\"ReadOnly\", cu.\"HidePasswords\", cu.\"Manage\" FROM \"CollectionUsers\" cu " \
    "JOIN \"OrganizationUsers\" m ON m.\"Id\" = cu.\"OrganizationUserId\" WHERE m.\"UserId\" = $1 AND m.\"Status\" = 2 " \
    "UNION ALL SELECT cg.\"CollectionId\", cg.\"ReadOnly\", cg.\"HidePasswords\", cg.\"Manage\" FROM \"CollectionGroups\" cg " \
    "JOIN \"GroupUsers\" gu ON gu.\"GroupId\" = cg.\"GroupId\" JOIN \"OrganizationUsers\" m ON m.\"Id\" = gu.\"OrganizationUserId\" " \
    "WHERE m.\"UserId\" = $1 AND m.\"Status\" = 2"

static const char *ORGS_SQL =
    "SELECT o.\"Id\", m.\"Type\" IN (0, 1), o.\"UseTotp\", o.\"LimitItemDeletion\" FROM \"Organizations\" o "
    "JOIN (" MEMBER_OF ") m ON m.\"OrganizationId\" = o.\"Id\" ORDER BY o.\"Id\"";
static const char *GRANTS_SQL = "SELECT * FROM (" GRANTS ") g ORDER BY 1";
/* Owners and admins see every link of their org's items; members the links of their granted collections. */
static const char *LINKS_SQL =
    "SELECT cc.\"CipherId\", cc.\"CollectionId\" FROM \"CollectionCiphers\" cc JOIN \"Collections\" c ON c.\"Id\" = cc.\"CollectionId\" "
    "WHERE c.\"OrganizationId\" IN (SELECT m.\"OrganizationId\" FROM \"OrganizationUsers\" m WHERE m.\"UserId\" = $1 AND m.\"Status\" = 2 AND m.\"Type\" IN (0, 1)) "
    "UNION SELECT cc.\"CipherId\", cc.\"CollectionId\" FROM \"CollectionCiphers\" cc WHERE cc.\"CollectionId\" IN (SELECT g.\"CollectionId\" FROM (" GRANTS ") g) "
    "ORDER BY 1, 2";
static const char *ITEMS_SQL =
    "SELECT c.\"Id\", c.\"OrganizationId\", c.\"Type\", c.\"Data\", c.\"Key\", c.\"Reprompt\", c.\"CreationDate\", c.\"RevisionDate\", "
    "c.\"DeletedDate\", s.\"FolderId\", s.\"Favorite\", s.\"ArchivedDate\", a.\"CipherId\" "
    "FROM \"Ciphers\" c LEFT JOIN \"CipherUserStates\" s ON s.\"CipherId\" = c.\"Id\" AND s.\"UserId\" = $1 "
    "LEFT JOIN \"Attachments\" a ON a.\"CipherId\" = c.\"Id\" AND a.\"Uploaded\" "
    "WHERE c.\"Id\" IN (SELECT p.\"Id\" FROM \"Ciphers\" p WHERE p.\"UserId\" = $1 "
    "UNION SELECT cc.\"CipherId\" FROM \"CollectionCiphers\" cc WHERE cc.\"CollectionId\" IN (SELECT g.\"CollectionId\" FROM (" GRANTS ") g) "
    "UNION SELECT o.\"Id\" FROM \"Ciphers\" o WHERE o.\"OrganizationId\" IN "
    "(SELECT m.\"OrganizationId\" FROM \"OrganizationUsers\" m WHERE m.\"UserId\" = $1 AND m.\"Status\" = 2 AND m.\"Type\" IN (0, 1))) "
    "ORDER BY c.\"Id\"";

static void *grow(void *p, int n, size_t size) {
    if ((n & (n - 1)) == 0) { p = realloc(p, (size_t)(n ? n * 2 : 16) * size); if (!p) { perror("realloc"); exit(1); } }
    return p;
}

static void sync_response(const char *user) {
    const char *params[] = {user};
    query q;
    org *orgs = NULL; int norgs = 0;
    run(&q, ORGS_SQL, 1, params);
    while (next(&q)) {
        orgs = grow(orgs, norgs, sizeof *orgs);
        org *o = &orgs[norgs++];
        snprintf(o->id, sizeof o->id, "%s", text(&q, 0));
        o->managed = flag(&q, 1); o->totp = flag(&q, 2); o->limit_delete = flag(&q, 3);
    }
    done(&q);
    grant *grants = NULL; int ngrants = 0;
    run(&q, GRANTS_SQL, 1, params);
    while (next(&q)) {
        grants = grow(grants, ngrants, sizeof *grants);
        grant *g = &grants[ngrants++];
        snprintf(g->collection, sizeof g->collection, "%s", text(&q, 0));
        g->read_only = flag(&q, 1); g->hide_passwords = flag(&q, 2); g->manage = flag(&q, 3);
    }
    done(&q);
    link *links = NULL; int nlinks = 0;
    run(&q, LINKS_SQL, 1, params);
    while (next(&q)) {
        links = grow(links, nlinks, sizeof *links);
        snprintf(links[nlinks].cipher, 40, "%s", text(&q, 0));
        snprintf(links[nlinks].collection, 40, "%s", text(&q, 1));
        nlinks++;
    }
    done(&q);

    puts_("[");
    int first = 1, at = 0;
    run(&q, ITEMS_SQL, 1, params);
    while (next(&q)) {
        const char *id = text(&q, 0), *org_id = text(&q, 1), *data = text(&q, 3);
        if (text(&q, 12)) { fprintf(stderr, "the floor does not write attachments\n"); exit(1); }
        org *o = NULL;
        for (int i = 0; org_id && i < norgs; i++) if (id_cmp(orgs[i].id, org_id) == 0) { o = &orgs[i]; break; }
        /* Links and items are both in id order: walk them together. */
        while (at < nlinks && id_cmp(links[at].cipher, id) < 0) at++;
        int from = at, to = at;
        while (to < nlinks && id_cmp(links[to].cipher, id) == 0) to++;
        int edit = 1, view = 1, del = 1, resolved = 0;
        if (o && !o->managed) {
            int any = 0, e = 0, v = 0, m = 0;
            for (int l = from; l < to; l++)
                for (int g = 0; g < ngrants; g++)
                    if (id_cmp(grants[g].collection, links[l].collection) == 0) {
                        any = 1; e |= !grants[g].read_only; v |= !grants[g].hide_passwords; m |= grants[g].manage;
                    }
            if (any) { resolved = 1; edit = e; view = v; del = o->limit_delete ? m : e; }
        } else if (o) resolved = 1;
        size_t n = strlen(data);
        if (n < 9 || strncmp(data, "{\"name\":", 8) != 0 || data[n - 1] != '}') { fprintf(stderr, "stored item %s not in CipherData's shape\n", id); exit(1); }
        puts_(first ? "{\"object\":\"cipherDetails\",\"id\":" : ",{\"object\":\"cipherDetails\",\"id\":");
        first = 0;
        put_id(id);
        puts_(",\"organizationId\":"); put_id_or_null(org_id);
        puts_(",\"type\":"); put_int(number(&q, 2));
        put(",", 1); put(data + 1, n - 2);
        puts_(",\"attachments\":null,\"organizationUseTotp\":"); put_bool(o && o->totp);
        puts_(",\"revisionDate\":"); put_date(text(&q, 7));
        puts_(",\"creationDate\":"); put_date(text(&q, 6));
        puts_(",\"deletedDate\":"); put_date(text(&q, 8));
        puts_(",\"archivedDate\":"); put_date(text(&q, 11));
        puts_(",\"reprompt\":"); put_int(number(&q, 5));
        puts_(",\"key\":"); if (text(&q, 4)) put_string(text(&q, 4)); else puts_("null");
        puts_(",\"folderId\":"); put_id_or_null(text(&q, 9));
        puts_(",\"favorite\":"); put_bool(flag(&q, 10));
        puts_(",\"edit\":"); put_bool(edit);
        puts_(",\"viewPassword\":"); put_bool(view);
        puts_(",\"permissions\":{\"delete\":"); put_bool(del);
        puts_(",\"restore\":"); put_bool(del);
        puts_("},\"collectionIds\":[");
        int firstLink = 1;
        for (int l = from; resolved && l < to; l++) {
            int shown = o->managed;
            for (int g = 0; !shown && g < ngrants; g++) shown = id_cmp(grants[g].collection, links[l].collection) == 0;
            if (!shown) continue;
            if (!firstLink) put(",", 1);
            firstLink = 0;
            put_id(links[l].collection);
        }
        puts_("]}");
    }
    done(&q);
    puts_("]");
    free(orgs); free(grants); free(links);
}

/* ---------- one page of a provider's clients, by name ---------- */
static const char *plan_name(long plan) {
    switch (plan) {
    case 17: return "Teams (Monthly)";
    case 18: return "Teams (Annually)";
    case 19: return "Enterprise (Monthly)";
    case 20: return "Enterprise (Annually)";
    case 0: return "Free";
    case 1: case 7: case 22: return "Families";
    case 2: case 3: case 8: case 9: case 12: case 13: return "Teams";
    case 16: case 21: return "Teams Starter";
    default: return "Enterprise";
    }
}

static void base64url(const unsigned char *in, size_t n) {
    static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0) | (i + 2 < n ? in[i + 2] : 0);
        char c[4] = {a[v >> 18 & 63], a[v >> 12 & 63], a[v >> 6 & 63], a[v & 63]};
        put(c, i + 2 < n ? 4 : i + 1 < n ? 3 : 2);
    }
}

static void clients_response(const char *provider, int size, const char *after_name, const char *after_id) {
    char sql[2048];
    snprintf(sql, sizeof sql,
        "SELECT l.\"Id\", o.\"Id\", l.\"Key\", l.\"CreationDate\", l.\"RevisionDate\", o.\"Seats\", o.\"PlanType\", o.\"Name\", o.\"Enabled\", "
        "(SELECT COUNT(*) FROM \"OrganizationUsers\" m WHERE m.\"OrganizationId\" = o.\"Id\" AND m.\"Status\" = 2), "
        "(SELECT COUNT(*) FROM \"OrganizationUsers\" m WHERE m.\"OrganizationId\" = o.\"Id\" AND m.\"Status\" <> -1) "
        /* The page of orgs first, in name order with the link as an EXISTS test, then their links: a join from the
         * links sorted all of the provider's clients before the first row (33 ms at 10,000 clients on SQLite). */
        "FROM (SELECT * FROM \"Organizations\" p WHERE EXISTS (SELECT 1 FROM \"ProviderOrganizations\" x "
        "WHERE x.\"OrganizationId\" = p.\"Id\" AND x.\"ProviderId\" = $1) %s ORDER BY p.\"Name\", p.\"Id\" LIMIT %d) o "
        "JOIN \"ProviderOrganizations\" l ON l.\"OrganizationId\" = o.\"Id\" AND l.\"ProviderId\" = $1 ORDER BY o.\"Name\", o.\"Id\"",
        after_name ? "AND p.\"Name\" >= $2 AND (p.\"Name\" > $2 OR p.\"Id\" > $3)" : "", size + 1);
    const char *params[] = {provider, after_name, after_id};
    query q;
    run(&q, sql, after_name ? 3 : 1, params);
    puts_("{\"object\":\"list\",\"data\":[");
    int rows = 0;
    char last_name[512] = "", last_id[40] = "";
    while (next(&q)) {
        if (++rows > size) break;
        if (rows > 1) put(",", 1);
        puts_("{\"object\":\"providerOrganizationOrganizationDetail\",\"id\":"); put_id(text(&q, 0));
        puts_(",\"providerId\":"); put_id(provider);
        puts_(",\"organizationId\":"); put_id(text(&q, 1));
        puts_(",\"key\":"); if (text(&q, 2)) put_string(text(&q, 2)); else puts_("null");
        puts_(",\"settings\":null,\"creationDate\":"); put_date(text(&q, 3));
        puts_(",\"revisionDate\":"); put_date(text(&q, 4));
        long seats = number(&q, 5), occupied = number(&q, 10);
        int has_seats = text(&q, 5) != NULL;
        puts_(",\"userCount\":"); put_int(number(&q, 9));
        puts_(",\"seats\":"); if (has_seats) put_int(seats); else puts_("null");
        puts_(",\"occupiedSeats\":"); put_int(occupied);
        puts_(",\"remainingSeats\":"); if (has_seats) put_int(seats - occupied); else puts_("null");
        puts_(",\"plan\":"); put_string(plan_name(number(&q, 6)));
        puts_(",\"organizationName\":"); put_string(text(&q, 7));
        puts_(",\"enabled\":"); put_bool(flag(&q, 8));
        put("}", 1);
        snprintf(last_name, sizeof last_name, "%s", text(&q, 7));
        snprintf(last_id, sizeof last_id, "%s", text(&q, 1));
    }
    done(&q);
    puts_("],\"continuationToken\":");
    if (rows > size) {
        /* The server's token: the sort and the last row's (Name, Id), as base64url JSON. */
        size_t start = out_len;
        puts_("{\"sort\":\"name\",\"name\":"); put_string(last_name);
        puts_(",\"id\":"); put_id(last_id); puts_(",\"page\":null}");
        size_t n = out_len - start;
        unsigned char *token = malloc(n);
        memcpy(token, out + start, n);
        out_len = start;
        put("\"", 1); base64url(token, n); put("\"", 1);
        free(token);
    } else {
        puts_("null");
    }
    put("}", 1);
}

/* ---------- an org's members, as the Admin Console lists them (no collections, no groups) ---------- */
static const char *DEFAULT_PERMISSIONS =
    "{\"accessEventLogs\":false,\"accessImportExport\":false,\"accessReports\":false,\"createNewCollections\":false,"
    "\"editAnyCollection\":false,\"deleteAnyCollection\":false,\"manageGroups\":false,\"managePolicies\":false,"
    "\"manageSso\":false,\"manageUsers\":false,\"manageResetPassword\":false,\"manageScim\":false}";

static void members_response(const char *organization) {
    const char *params[] = {organization};
    query q;
    run(&q,
        "SELECT m.\"Id\", m.\"UserId\", CASE WHEN u.\"Id\" IS NULL THEN m.\"Email\" ELSE u.\"Email\" END, u.\"Name\", m.\"Type\", m.\"Status\", "
        "m.\"Permissions\", m.\"ExternalId\", "
        "m.\"UserId\" IS NOT NULL AND EXISTS (SELECT 1 FROM \"TwoFactorMethods\" t WHERE t.\"UserId\" = m.\"UserId\" AND t.\"Enabled\"), "
        "u.\"MasterPassword\" IS NOT NULL, m.\"ResetPasswordKey\" IS NOT NULL, m.\"AccessSecretsManager\", u.\"AvatarColor\" "
        "FROM \"OrganizationUsers\" m LEFT JOIN \"Users\" u ON u.\"Id\" = m.\"UserId\" WHERE m.\"OrganizationId\" = $1 ORDER BY m.\"Id\"",
        1, params);
    puts_("{\"object\":\"list\",\"data\":[");
    int first = 1;
    while (next(&q)) {
        puts_(first ? "{\"object\":\"organizationUserUserDetails\",\"id\":" : ",{\"object\":\"organizationUserUserDetails\",\"id\":");
        first = 0;
        put_id(text(&q, 0));
        puts_(",\"userId\":"); put_id_or_null(text(&q, 1));
        puts_(",\"email\":"); put_string(text(&q, 2) ? text(&q, 2) : "");
        puts_(",\"name\":"); if (text(&q, 3)) put_string(text(&q, 3)); else puts_("null");
        puts_(",\"type\":"); put_int(number(&q, 4));
        puts_(",\"status\":"); put_int(number(&q, 5));
        /* The server stores the permissions as it serializes them, so a stored value is written as it is. */
        puts_(",\"permissions\":"); puts_(text(&q, 6) && *text(&q, 6) ? text(&q, 6) : DEFAULT_PERMISSIONS);
        puts_(",\"externalId\":"); if (text(&q, 7)) put_string(text(&q, 7)); else puts_("null");
        puts_(",\"twoFactorEnabled\":"); put_bool(flag(&q, 8));
        puts_(",\"usesKeyConnector\":false,\"hasMasterPassword\":"); put_bool(flag(&q, 9));
        puts_(",\"resetPasswordEnrolled\":"); put_bool(flag(&q, 10));
        puts_(",\"accessSecretsManager\":"); put_bool(flag(&q, 11));
        puts_(",\"claimedByOrganization\":false,\"avatarColor\":"); if (text(&q, 12)) put_string(text(&q, 12)); else puts_("null");
        puts_(",\"collections\":[],\"groups\":[]}");
    }
    done(&q);
    puts_("],\"continuationToken\":null}");
}

/* ---------- the first page of an org's event log, newest first ---------- */
#define EVENT_PAGE 100

/* .NET ticks (100 ns since 0001-01-01) of a database date: the server's continuation token carries them. */
static long long ticks(const char *date) {
    struct tm t = {0};
    int frac_at = 0;
    if (sscanf(date, "%4d-%2d-%2d%*c%2d:%2d:%2d%n", &t.tm_year, &t.tm_mon, &t.tm_mday, &t.tm_hour, &t.tm_min, &t.tm_sec, &frac_at) != 6) {
        fprintf(stderr, "bad date %s\n", date); exit(1);
    }
    t.tm_year -= 1900; t.tm_mon -= 1;
    long long seconds = (long long)timegm(&t) + 62135596800LL, fraction = 0;
    const char *f = date + frac_at;
    /* Seven digits of fraction, the missing ones zero ("…33.28" is 2,800,000 ticks). */
    if (*f == '.') for (int i = 0, more = 1; i < 7; i++) {
        more = more && isdigit((unsigned char)f[i + 1]);
        fraction = fraction * 10 + (more ? f[i + 1] - '0' : 0);
    }
    return seconds * 10000000LL + fraction;
}

static void base64(const unsigned char *in, size_t n) {
    static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0) | (i + 2 < n ? in[i + 2] : 0);
        char c[4] = {a[v >> 18 & 63], a[v >> 12 & 63], i + 1 < n ? a[v >> 6 & 63] : '=', i + 2 < n ? a[v & 63] : '='};
        put(c, 4);
    }
}

static void events_response(const char *organization, const char *from, const char *to) {
    const char *params[] = {organization, from, to};
    query q;
    char sql[1024];
    snprintf(sql, sizeof sql,
        "SELECT \"Type\", \"UserId\", \"OrganizationId\", \"ProviderId\", \"CipherId\", \"CollectionId\", \"GroupId\", \"PolicyId\", "
        "\"OrganizationUserId\", \"ProviderUserId\", \"ProviderOrganizationId\", \"ActingUserId\", \"Date\", \"DeviceType\", \"IpAddress\", \"Reason\" "
        "FROM \"Events\" WHERE \"OrganizationId\" = $1 AND \"Date\" >= $2 AND \"Date\" <= $3 ORDER BY \"Date\" DESC, \"Id\" DESC LIMIT %d",
        EVENT_PAGE + 1);
    run(&q, sql, 3, params);
    static const char *ids[] = {"userId", "organizationId", "providerId", "cipherId", "collectionId", "groupId", "policyId",
                                "organizationUserId", "providerUserId", "providerOrganizationId", "actingUserId"};
    puts_("{\"object\":\"list\",\"data\":[");
    int rows = 0, at_last = 0;
    char last[64] = "";
    while (next(&q)) {
        if (++rows > EVENT_PAGE) break;
        puts_(rows == 1 ? "{\"object\":\"event\",\"type\":" : ",{\"object\":\"event\",\"type\":");
        put_int(number(&q, 0));
        for (int c = 0; c < 11; c++) { put(",\"", 2); puts_(ids[c]); puts_("\":"); put_id_or_null(text(&q, c + 1)); }
        const char *date = text(&q, 12);
        puts_(",\"date\":"); put_date(date);
        puts_(",\"deviceType\":"); if (text(&q, 13)) put_int(number(&q, 13)); else puts_("null");
        puts_(",\"ipAddress\":"); if (text(&q, 14)) put_string(text(&q, 14)); else puts_("null");
        puts_(",\"systemUser\":null,\"reason\":"); if (text(&q, 15)) put_string(text(&q, 15)); else puts_("null");
        put("}", 1);
        /* How many served events share the page's last date: the token tells the next page to skip them. */
        if (strcmp(last, date) == 0) at_last++; else { snprintf(last, sizeof last, "%s", date); at_last = 1; }
    }
    done(&q);
    puts_("],\"continuationToken\":");
    if (rows > EVENT_PAGE) {
        char token[64];
        int n = snprintf(token, sizeof token, "%lld|%d", ticks(last), at_last);
        put("\"", 1); base64((const unsigned char *)token, (size_t)n); put("\"", 1);
    } else {
        puts_("null");
    }
    put("}", 1);
}

static double now_us(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e6 + t.tv_nsec / 1e3; }

int main(int argc, char **argv) {
    if (argc < 8) {
        fprintf(stderr, "usage: floor sqlite|postgres DB sync USER SECONDS MAX dump|measure\n       floor sqlite|postgres DB clients PROVIDER SIZE [NAME ID] SECONDS MAX dump|measure\n"
                        "       floor sqlite|postgres DB members ORG SECONDS MAX dump|measure\n       floor sqlite|postgres DB events ORG FROM TO SECONDS MAX dump|measure\n");
        return 2;
    }
    is_pg = strcmp(argv[1], "postgres") == 0;
    const char *mode = argv[argc - 1];
    double seconds = atof(argv[argc - 3]);
    long max = atol(argv[argc - 2]);
    if (is_pg) {
        pg = PQconnectdb(argv[2]);
        if (PQstatus(pg) != CONNECTION_OK) { fprintf(stderr, "%s", PQerrorMessage(pg)); return 1; }
        PQclear(PQexec(pg, "SET TimeZone TO 'UTC'"));
    } else if (sqlite3_open_v2(argv[2], &lite, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "%s\n", sqlite3_errmsg(lite)); return 1;
    }
    const char *what = argv[3];
    int sync = strcmp(what, "sync") == 0;
    /* SQLite holds ids as upper-case text, as EF Core writes them; the response writes them lower-case. */
    if (!is_pg) for (int a = 4; a < argc - 3; a++) if (strlen(argv[a]) == 36) for (char *c = argv[a]; *c; c++) *c = (char)toupper((unsigned char)*c);
    int after = strcmp(what, "clients") == 0 && argc == 11;
    FILE *sink = strcmp(mode, "dump") == 0 ? stdout : fopen("/dev/null", "w");
    int dump = sink == stdout;
    /* Measuring: one response first, unmeasured, so that the database's pages and the buffer are warm. */
    struct rusage before, after_run;
    double end = now_us() + seconds * 1e6;
    for (long i = dump ? 1 : 0; i <= (dump ? 1 : max) && (i <= 1 || now_us() < end); i++) {
        if (i == 1) getrusage(RUSAGE_SELF, &before);
        double begin = now_us();
        out_len = 0;
        if (sync) sync_response(argv[4]);
        else if (strcmp(what, "members") == 0) members_response(argv[4]);
        else if (strcmp(what, "events") == 0) events_response(argv[4], argv[5], argv[6]);
        else clients_response(argv[4], atoi(argv[5]), after ? argv[6] : NULL, after ? argv[7] : NULL);
        fwrite(out, 1, out_len, sink);
        fflush(sink);
        if (!dump && i > 0) printf("%.0f\n", now_us() - begin);
    }
    getrusage(RUSAGE_SELF, &after_run);
    if (!dump) {
        long used = (after_run.ru_utime.tv_sec - before.ru_utime.tv_sec + after_run.ru_stime.tv_sec - before.ru_stime.tv_sec) * 1000000L
            + (after_run.ru_utime.tv_usec - before.ru_utime.tv_usec) + (after_run.ru_stime.tv_usec - before.ru_stime.tv_usec);
        printf("cpu %ld\n", used);
    }
    if (is_pg) PQfinish(pg); else sqlite3_close(lite);
    return 0;
}

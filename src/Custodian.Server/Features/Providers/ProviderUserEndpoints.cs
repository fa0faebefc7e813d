using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;
using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers;

public sealed record ProviderInviteRequest([property: Required, MinLength(1), MaxLength(20)] IReadOnlyList<string> Emails, ProviderUserType Type) : IRequestModel;

public sealed record ProviderUserUpdateRequest(ProviderUserType Type) : IRequestModel;

public sealed record ProviderBulkResult(Guid Id, string Error) : ResponseModel("providerBulkConfirmResponseModel");

public sealed record ProviderUserPublicKeyResponse(Guid Id, Guid UserId, string? Key) : ResponseModel("providerUserPublicKeyResponseModel");

public sealed record ProviderUserResponse(Guid Id, Guid? UserId, ProviderUserType Type, ProviderUserStatusType Status,
    MemberPermissions Permissions, string? Name, string? Email,
    [property: System.Text.Json.Serialization.JsonIgnore] string Kind) : ResponseModel(Kind);

/// <summary>
/// A provider's technicians: invite, confirm (the provider key wrapped to them), type, remove, for its admins only
/// (<see cref="ProviderCallerFilter"/>); and accept, for the invited user, who is not a provider user yet.
/// </summary>
public static class ProviderUserEndpoints
{
    public static RouteGroupBuilder MapProviderUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/providers/{providerId:guid}/users").WithTags("Provider users").RequireProviderUser().AdminOnly();
        users.MapGet("", List);
        users.MapGet("/{id:guid}", Get);
        users.MapPost("/invite", Invite);
        users.MapPost("/reinvite", ReinviteMany);
        users.MapPost("/{id:guid}/reinvite", (Guid providerId, Guid id, ProviderCallers c, AppDbContext db, ProviderService s, CancellationToken ct) =>
            ReinviteMany(providerId, new MemberIdsRequest([id]), c, db, s, ct));
        users.MapPost("/{id:guid}/confirm", (Guid providerId, Guid id, MemberConfirmRequest r, AppDbContext db, EventLog e, CancellationToken ct) =>
            ConfirmSingle(providerId, id, r, db, e, ct));
        users.MapPost("/confirm", ConfirmMany);
        users.MapPost("/public-keys", PublicKeys);
        users.MapPut("/{id:guid}", Update);
        users.MapPost("/{id:guid}", Update); // legacy alias
        users.MapDelete("/{id:guid}", (Guid providerId, Guid id, AppDbContext db, ProviderService s, EventLog e, CurrentUser me, CancellationToken ct) =>
            RemoveSingle(providerId, id, db, s, e, me, ct));
        users.MapPost("/{id:guid}/delete", (Guid providerId, Guid id, AppDbContext db, ProviderService s, EventLog e, CurrentUser me, CancellationToken ct) =>
            RemoveSingle(providerId, id, db, s, e, me, ct)); // legacy alias
        users.MapDelete("", ([FromBody] MemberIdsRequest r, Guid providerId, AppDbContext db, ProviderService s, EventLog e, CurrentUser me, CancellationToken ct) =>
            RemoveMany(providerId, r, db, s, e, me, ct));
        users.MapPost("/delete", (MemberIdsRequest r, Guid providerId, AppDbContext db, ProviderService s, EventLog e, CurrentUser me, CancellationToken ct) =>
            RemoveMany(providerId, r, db, s, e, me, ct)); // legacy alias
        api.MapGroup("/providers/{providerId:guid}/users").WithTags("Provider users").MapPost("/{id:guid}/accept", Accept);
        return users;
    }

    static async Task<List<ProviderUserResponse>> ResponsesAsync(AppDbContext db, IReadOnlyList<ProviderUser> rows, string kind, CancellationToken ct)
    {
        var userIds = rows.Select(r => r.UserId).OfType<Guid>().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        return [.. rows.Select(r =>
        {
            var user = r.UserId is { } id ? users.GetValueOrDefault(id) : null;
            return new ProviderUserResponse(r.Id, r.UserId, r.Type, r.Status, MemberPermissions.None, user?.Name, user?.Email ?? r.Email, kind);
        })];
    }

    static async Task<ListResponse<ProviderUserResponse>> List(Guid providerId, AppDbContext db, CancellationToken ct)
    {
        var rows = await db.ProviderUsers.Where(u => u.ProviderId == providerId).OrderBy(u => u.Id).ToListAsync(ct);
        return new(await ResponsesAsync(db, rows, "providerUserUserDetails", ct));
    }

    static async Task<ProviderUserResponse> Get(Guid providerId, Guid id, AppDbContext db, CancellationToken ct)
    {
        return (await ResponsesAsync(db, [await LoadAsync(db, providerId, id, ct)], "providerUser", ct)).Single();
    }

    static async Task<ProviderUser> LoadAsync(AppDbContext db, Guid providerId, Guid id, CancellationToken ct) =>
        await db.ProviderUsers.SingleOrDefaultAsync(u => u.Id == id && u.ProviderId == providerId, ct) ?? throw new NotFoundException();

    /// <summary>Addresses already in the provider are skipped, as Bitwarden does.</summary>
    static async Task Invite(Guid providerId, ProviderInviteRequest request, ProviderCallers callers, AppDbContext db, ProviderService service,
        MailLinks links, EventLog events, TimeProvider time, CancellationToken ct)
    {
        var provider = callers.Current.Provider;
        var emails = EmailAddresses.Normalize(request.Emails);
        if (!Enum.IsDefined(request.Type))
        {
            throw BadRequestException.ForField("Type", "Every invitation needs a valid type.");
        }
        links.EnsureConfigured();
        var present = await db.ProviderUsers.Where(u => u.ProviderId == providerId)
            .Select(u => u.Email ?? db.Users.Where(x => x.Id == u.UserId).Select(x => x.Email).FirstOrDefault()).ToListAsync(ct);
        var invited = emails.Except(present.OfType<string>()).Select(email => new ProviderUser
        {
            Id = Guid.CreateVersion7(), ProviderId = providerId, Email = email, Type = request.Type,
            Status = ProviderUserStatusType.Invited, CreationDate = time.GetUtcNow().UtcDateTime,
        }).ToList();
        db.ProviderUsers.AddRange(invited);
        invited.ForEach(u => events.Add(EventType.ProviderUser_Invited, ProviderService.Subject(u)));
        await db.SaveChangesAsync(ct);
        foreach (var user in invited)
        {
            await service.SendInviteAsync(provider, user, ct);
        }
    }

    static async Task<ListResponse<ProviderBulkResult>> ReinviteMany(Guid providerId, MemberIdsRequest request, ProviderCallers callers,
        AppDbContext db, ProviderService service, CancellationToken ct)
    {
        var provider = callers.Current.Provider;
        var rows = await db.ProviderUsers.Where(u => u.ProviderId == providerId && request.Ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var results = new List<ProviderBulkResult>();
        foreach (var id in request.Ids.Distinct())
        {
            var ok = rows.TryGetValue(id, out var user) && user.Status == ProviderUserStatusType.Invited;
            if (ok)
            {
                await service.SendInviteAsync(provider, user!, ct);
            }
            results.Add(new(id, ok ? "" : "User invalid."));
        }
        return new(results);
    }

    static async Task Accept(Guid providerId, Guid id, MemberAcceptRequest request, AppDbContext db, CurrentUser caller, InviteTokens tokens,
        CancellationToken ct)
    {
        var user = await AccountEndpoints.LoadAsync(db, caller, ct);
        var row = await db.ProviderUsers.SingleOrDefaultAsync(u => u.Id == id && u.ProviderId == providerId, ct);
        if (row is null || row.Status != ProviderUserStatusType.Invited || row.Email is null)
        {
            throw new BadRequestException("Already accepted.");
        }
        if (!tokens.IsValid(request.Token, row.Id, row.Email))
        {
            throw new BadRequestException("Invalid token.");
        }
        if (!string.Equals(row.Email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw new BadRequestException("User email does not match invite.");
        }
        if (await db.ProviderUsers.AnyAsync(u => u.ProviderId == providerId && u.UserId == user.Id, ct))
        {
            throw new BadRequestException("You are already part of this provider.");
        }
        row.UserId = user.Id;
        row.Email = null;
        row.Status = ProviderUserStatusType.Accepted;
        await db.SaveChangesAsync(ct);
    }

    static async Task ConfirmSingle(Guid providerId, Guid id, MemberConfirmRequest request, AppDbContext db, EventLog events, CancellationToken ct)
    {
        var result = (await ConfirmMany(providerId, new MemberBulkConfirmRequest([new MemberKey(id, request.Key)], null), db, events, ct)).Data.Single();
        if (result.Error.Length > 0)
        {
            throw new BadRequestException(result.Error);
        }
    }

    static async Task<ListResponse<ProviderBulkResult>> ConfirmMany(Guid providerId, MemberBulkConfirmRequest request, AppDbContext db,
        EventLog events, CancellationToken ct)
    {
        var ids = request.Keys.Select(k => k.Id).ToList();
        var rows = await db.ProviderUsers.Where(u => u.ProviderId == providerId && ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var results = new List<ProviderBulkResult>();
        foreach (var key in request.Keys.DistinctBy(k => k.Id))
        {
            if (!rows.TryGetValue(key.Id, out var user) || user.Status != ProviderUserStatusType.Accepted || user.UserId is null)
            {
                results.Add(new(key.Id, "Invalid user."));
                continue;
            }
            user.Key = key.Key;
            user.Status = ProviderUserStatusType.Confirmed;
            events.Add(EventType.ProviderUser_Confirmed, ProviderService.Subject(user));
            results.Add(new(key.Id, ""));
        }
        await db.SaveChangesAsync(ct);
        return new(results);
    }

    /// <summary>Only accepted users: they are the ones waiting for the provider key.</summary>
    static async Task<ListResponse<ProviderUserPublicKeyResponse>> PublicKeys(Guid providerId, MemberIdsRequest request, AppDbContext db,
        CancellationToken ct)
    {
        var keys = await (from u in db.ProviderUsers
                          join x in db.Users on u.UserId equals x.Id
                          where u.ProviderId == providerId && request.Ids.Contains(u.Id) && u.Status == ProviderUserStatusType.Accepted
                          select new { u.Id, UserId = x.Id, x.PublicKey }).ToListAsync(ct);
        return new([.. keys.Select(k => new ProviderUserPublicKeyResponse(k.Id, k.UserId, k.PublicKey))]);
    }

    static async Task Update(Guid providerId, Guid id, ProviderUserUpdateRequest request, AppDbContext db,
        ProviderService service, EventLog events, CancellationToken ct)
    {
        var user = await LoadAsync(db, providerId, id, ct);
        if (!Enum.IsDefined(request.Type))
        {
            throw BadRequestException.ForField("Type", "Unknown provider user type.");
        }
        if (request.Type != ProviderUserType.ProviderAdmin && user.Type == ProviderUserType.ProviderAdmin)
        {
            await service.EnsureAnotherAdminAsync(providerId, [id], ct);
        }
        user.Type = request.Type;
        events.Add(EventType.ProviderUser_Updated, ProviderService.Subject(user));
        await db.SaveChangesAsync(ct);
    }

    static async Task RemoveSingle(Guid providerId, Guid id, AppDbContext db, ProviderService service, EventLog events, CurrentUser me,
        CancellationToken ct)
    {
        var result = (await RemoveMany(providerId, new MemberIdsRequest([id]), db, service, events, me, ct)).Data.Single();
        if (result.Error.Length > 0)
        {
            throw result.Error == "Invalid user." ? new NotFoundException() : new BadRequestException(result.Error);
        }
    }

    /// <summary>Refused as a whole when no confirmed provider admin would remain; otherwise per user.</summary>
    static async Task<ListResponse<ProviderBulkResult>> RemoveMany(Guid providerId, MemberIdsRequest request, AppDbContext db,
        ProviderService service, EventLog events, CurrentUser me, CancellationToken ct)
    {
        var rows = await db.ProviderUsers.Where(u => u.ProviderId == providerId && request.Ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        await service.EnsureAnotherAdminAsync(providerId, rows.Keys, ct);
        var results = new List<ProviderBulkResult>();
        foreach (var id in request.Ids.Distinct())
        {
            var error = !rows.TryGetValue(id, out var user) ? "Invalid user." : user.UserId == me.Id ? "You cannot remove yourself." : "";
            if (error.Length == 0)
            {
                db.ProviderUsers.Remove(user!);
                events.Add(EventType.ProviderUser_Removed, ProviderService.Subject(user!));
            }
            results.Add(new(id, error));
        }
        await db.SaveChangesAsync(ct);
        return new(results);
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Sends;

/// <summary>
/// The owner's side of Sends: who owns one (the only access rule), Bitwarden's date and auth rules, the org
/// policies that bind the owner, and the events. Endpoints load, apply, save through here.
/// </summary>
public sealed class SendService(AppDbContext db, CurrentUser caller, EventLog events, TimeProvider time, SendFileStore files)
{
    const string FileIdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    static readonly PasswordHasher<Send> Hasher = new();

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Another user's Send looks exactly like a missing one.</summary>
    public async Task<Send> LoadOwnedAsync(Guid id, CancellationToken ct) =>
        await db.Sends.SingleOrDefaultAsync(s => s.Id == id && s.UserId == caller.Id, ct) ?? throw new NotFoundException();

    public async Task<Send> CreateAsync(SendRequest request, CancellationToken ct)
    {
        if (request.ExpirationDate is { } expires && expires <= Now.AddMinutes(1))
        {
            throw new BadRequestException("You cannot create a Send that is already expired. Adjust the expiration date and try again.");
        }
        var send = new Send
        {
            Id = Guid.CreateVersion7(), UserId = caller.Id, Type = request.Type, Name = "", Key = request.Key, CreationDate = Now,
        };
        await ApplyAsync(send, request, ct);
        if (send.Type == SendType.File)
        {
            send.FileId = RandomNumberGenerator.GetString(FileIdAlphabet, 32);
            send.FileName = request.File?.FileName ?? throw BadRequestException.ForField("File.FileName", "File metadata is required for file sends.");
            send.FileSize = request.FileLength ?? throw new BadRequestException("Invalid content. File size hint is required.");
        }
        db.Sends.Add(send);
        Record(send.Type == SendType.Text
            ? send.AuthType == SendAuthType.Password ? EventType.Send_Created_Text_WithPasswordProtection : EventType.Send_Created_Text
            : send.AuthType == SendAuthType.Password ? EventType.Send_Created_File_WithPasswordProtection : EventType.Send_Created_File, send);
        return send;
    }

    public async Task UpdateAsync(Send send, SendRequest request, CancellationToken ct)
    {
        if (request.Type != send.Type)
        {
            throw new BadRequestException("Cannot change a Send's type");
        }
        await ApplyAsync(send, request, ct);
        Record(send.Type == SendType.Text ? EventType.Send_Edited_Text : EventType.Send_Edited_File, send);
    }

    /// <summary>Bitwarden's <c>SendRequestModel.ToSendBase</c> and <c>ValidateEdit</c>, plus the policies.</summary>
    async Task ApplyAsync(Send send, SendRequest request, CancellationToken ct)
    {
        if (!Enum.IsDefined(request.Type))
        {
            throw BadRequestException.ForField("Type", "Unsupported Send type.");
        }
        if (string.IsNullOrEmpty(request.Name))
        {
            throw BadRequestException.ForField("Name", "The Name field is required.");
        }
        if (request.Type == SendType.Text && request.Text is null)
        {
            throw BadRequestException.ForField("Text", "Text is required for text sends.");
        }
        ValidateDates(request.ExpirationDate, request.DeletionDate!.Value);
        if (request.AuthType == SendAuthType.Email || !string.IsNullOrWhiteSpace(request.Emails))
        {
            throw new BadRequestException("Email verified Sends are not available on this server.");
        }
        if (request.AuthType is { } auth && !Enum.IsDefined(auth))
        {
            throw new BadRequestException("You cannot save a Send having an invalid AuthType");
        }
        await EnsurePoliciesAllowAsync(request.HideEmail == true, ct);

        (send.Name, send.Notes, send.Key) = (request.Name, request.Notes, request.Key);
        // PostgreSQL keeps microseconds: the dates are cut to them here, so the answer to this request and every
        // later read agree on both databases.
        (send.ExpirationDate, send.DeletionDate, send.MaxAccessCount) =
            (request.ExpirationDate is { } expires ? ToMicroseconds(expires) : null, ToMicroseconds(request.DeletionDate!.Value), request.MaxAccessCount);
        (send.Disabled, send.HideEmail) = (request.Disabled == true, request.HideEmail == true);
        if (send.Type == SendType.Text)
        {
            (send.Text, send.TextHidden) = (request.Text!.Text, request.Text.Hidden);
        }
        ApplyPassword(send, request);
    }

    /// <summary>
    /// Clients echo a password Send's stored hash back on every edit, so an edit that keeps the password type keeps
    /// the hash (never re-hashed, as Bitwarden does); otherwise the auth type given wins, and clients that send
    /// none set a password by sending one.
    /// </summary>
    static void ApplyPassword(Send send, SendRequest request)
    {
        var given = string.IsNullOrWhiteSpace(request.Password) ? null : request.Password;
        if (send.AuthType == SendAuthType.Password && (request.AuthType == SendAuthType.Password || (request.AuthType is null && given is null)))
        {
            return;
        }
        var wanted = request.AuthType ?? (given is not null ? SendAuthType.Password : SendAuthType.None);
        if (wanted == SendAuthType.Password && given is null)
        {
            throw BadRequestException.ForField("Password", "A password is required for a password-protected Send.");
        }
        (send.AuthType, send.Emails) = (wanted, null);
        send.Password = wanted == SendAuthType.Password ? Hasher.HashPassword(send, given!) : null;
    }

    void ValidateDates(DateTime? expiration, DateTime deletion)
    {
        var soon = Now.AddMinutes(1);
        if (deletion <= soon)
        {
            throw new BadRequestException("You cannot have a Send with a deletion date in the past. Adjust the deletion date and try again.");
        }
        if (deletion > Now.AddDays(31))
        {
            throw new BadRequestException("You cannot have a Send with a deletion date that far into the future. Adjust the Deletion Date to a value less than 31 days from now and try again.");
        }
        if (expiration is { } expires && expires <= soon)
        {
            throw new BadRequestException("You cannot have a Send with an expiration date in the past. Adjust the expiration date and try again.");
        }
        if (expiration > deletion)
        {
            throw new BadRequestException("You cannot have a Send with an expiration date greater than the deletion date. Adjust the expiration date and try again.");
        }
    }

    /// <summary>"Disable Send" (6) and "Send options" (7, <c>disableHideEmail</c>), as Bitwarden's SendValidationService words them.</summary>
    async Task EnsurePoliciesAllowAsync(bool hideEmail, CancellationToken ct)
    {
        if (await PolicyRules.Binding(db, caller.Id, PolicyType.DisableSend).AnyAsync(ct))
        {
            throw new BadRequestException("Due to an Enterprise policy, you are only able to delete an existing Send.");
        }
        if (hideEmail)
        {
            var options = await PolicyRules.Binding(db, caller.Id, PolicyType.SendOptions).Select(p => p.Data).ToListAsync(ct);
            if (options.Any(DisablesHideEmail))
            {
                throw new BadRequestException("Due to an Enterprise policy, you are not allowed to hide your email address from recipients when creating or editing a Send.");
            }
        }
    }

    static bool DisablesHideEmail(string? data)
    {
        if (data is null)
        {
            return false;
        }
        using var json = JsonDocument.Parse(data);
        return json.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty("disableHideEmail", out var value) && value.ValueKind == JsonValueKind.True;
    }

    public static bool PasswordMatches(Send send, string? clientHash) =>
        send.Password is not null && !string.IsNullOrWhiteSpace(clientHash)
        && Hasher.VerifyHashedPassword(send, send.Password, clientHash) != PasswordVerificationResult.Failed;

    public void Remove(Send send)
    {
        db.Sends.Remove(send);
        Record(send.Type == SendType.Text ? EventType.Send_Deleted_Text : EventType.Send_Deleted_File, send);
    }

    /// <summary>Saves; the file goes only once its row is gone, so a failed save never leaves a Send without bytes.</summary>
    public async Task SaveAsync(CancellationToken ct, Send? deleted = null)
    {
        await db.SaveChangesAsync(ct);
        if (deleted is not null)
        {
            files.DeleteOwnerFiles(deleted.Id);
        }
    }

    void Record(EventType type, Send send) => events.Add(type, new EventSubject(UserId: send.UserId));

    static DateTime ToMicroseconds(DateTime value) => new(value.Ticks - value.Ticks % 10, value.Kind);
}

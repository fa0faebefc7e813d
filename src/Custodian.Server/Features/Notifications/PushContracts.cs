namespace Custodian.Server.Features.Notifications;

/// <summary>Bitwarden's <c>PushType</c>: the numbers the apps switch on (libs/common NotificationType).</summary>
public enum PushType : byte
{
    SyncCipherUpdate = 0,
    SyncCipherCreate = 1,
    SyncLoginDelete = 2,
    SyncFolderDelete = 3,
    SyncCiphers = 4,
    SyncVault = 5,
    SyncOrgKeys = 6,
    SyncFolderCreate = 7,
    SyncFolderUpdate = 8,
    SyncCipherDelete = 9,
    SyncSettings = 10,
    LogOut = 11,
    SyncSendCreate = 12,
    SyncSendUpdate = 13,
    SyncSendDelete = 14,
    AuthRequest = 15,
    AuthRequestResponse = 16,
}

/// <summary>
/// Bitwarden's <c>PushNotificationData&lt;T&gt;</c>, sent as the single argument of <c>ReceiveMessage</c>. The
/// apps ignore a message whose <see cref="ContextId"/> is their own app id: the device that made the change.
/// PascalCase on the wire, as Bitwarden's MessagePack (contractless) resolver writes it; the apps read either case.
/// </summary>
public sealed record PushMessage(PushType Type, object Payload, string? ContextId);

/// <summary>Bitwarden's <c>SyncCipherPushNotification</c>.</summary>
public sealed record SyncCipherPayload(Guid Id, Guid? UserId, Guid? OrganizationId, IReadOnlyList<Guid>? CollectionIds, DateTime RevisionDate);

/// <summary>Bitwarden's <c>SyncFolderPushNotification</c>, and (same fields) <c>SyncSendPushNotification</c>.</summary>
public sealed record SyncItemPayload(Guid Id, Guid UserId, DateTime RevisionDate);

/// <summary>Bitwarden's <c>UserPushNotification</c>: full syncs, org keys, log out.</summary>
public sealed record UserPayload(Guid UserId, DateTime Date);

/// <summary>Bitwarden's <c>AuthRequestPushNotification</c>: a login-with-device request, or its answer.</summary>
public sealed record AuthRequestPayload(Guid UserId, Guid Id);

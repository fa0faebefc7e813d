using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Vault;

/// <summary>Builds the one cipher shape every route answers with (sync, writes, restore, share, export).</summary>
public static class CipherMapper
{
    /// <summary>Owner-level rights: a user's own items, or org items the caller fully manages.</summary>
    public static readonly CipherAccess FullAccess = new(Edit: true, ViewPassword: true, Delete: true, Restore: true, Manage: true);

    public static CipherResponse ToResponse(Cipher cipher, CipherUserState? state, IReadOnlyList<AttachmentResponse>? attachments,
        CipherAccess access, IReadOnlyList<Guid>? collectionIds = null, bool organizationUseTotp = false, bool legacyData = false)
    {
        // The encrypted fields go out exactly as stored (CipherData, written with the same JSON options).
        var data = RawJson.PropertiesOf(cipher.Data);
        if (legacyData && IsNull(data.GetValueOrDefault("data")))
        {
            data["data"] = new RawJson(System.Text.Encoding.UTF8.GetBytes(LegacyCipherData.Literal(cipher.Type, cipher.Data)));
        }
        RawJson? Field(string name) => data.GetValueOrDefault(name);
        return new CipherResponse(
            cipher.Id, cipher.OrganizationId, cipher.Type, Field("name"), Field("notes"), Field("fields"), Field("passwordHistory"),
            Field("login"), Field("secureNote"), Field("card"), Field("identity"), Field("sshKey"),
            Field("bankAccount"), Field("driversLicense"), Field("passport"), Field("data"),
            attachments is { Count: > 0 } ? attachments : null,
            organizationUseTotp, cipher.RevisionDate, cipher.CreationDate, cipher.DeletedDate, state?.ArchivedDate,
            cipher.Reprompt, cipher.Key, state?.FolderId, state?.Favorite ?? false,
            access.Edit, access.ViewPassword, new CipherPermissionsResponse(access.Delete, access.Restore),
            collectionIds ?? []);
    }

    static bool IsNull(RawJson? value) => value is null || value.Utf8.Span.SequenceEqual("null"u8);
}

/// <summary>What the caller may do with one item; the clients check these flags before they even ask.</summary>
public sealed record CipherAccess(bool Edit, bool ViewPassword, bool Delete, bool Restore, bool Manage)
{
    public static readonly Func<CipherAccess, bool> Read = _ => true;
    public static readonly Func<CipherAccess, bool> ToEdit = a => a.Edit;
    public static readonly Func<CipherAccess, bool> ToDelete = a => a.Delete;
    public static readonly Func<CipherAccess, bool> ToRestore = a => a.Restore;
    public static readonly Func<CipherAccess, bool> ToManage = a => a.Manage;
}

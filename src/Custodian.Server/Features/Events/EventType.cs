namespace Custodian.Server.Features.Events;

/// <summary>Bitwarden's event type numbers; clients render the event log from these.</summary>
public enum EventType
{
    User_LoggedIn = 1000,
    User_ChangedPassword = 1001,
    User_Updated2fa = 1002,
    User_Disabled2fa = 1003,
    User_Recovered2fa = 1004,
    User_FailedLogIn = 1005,
    User_FailedLogIn2fa = 1006,
    User_ClientExportedVault = 1007,
    User_UpdatedTempPassword = 1008,

    Cipher_Created = 1100,
    Cipher_Updated = 1101,
    Cipher_Deleted = 1102,
    Cipher_AttachmentCreated = 1103,
    Cipher_AttachmentDeleted = 1104,
    Cipher_Shared = 1105,
    Cipher_UpdatedCollections = 1106,
    Cipher_ClientViewed = 1107,
    Cipher_ClientToggledPasswordVisible = 1108,
    Cipher_ClientToggledHiddenFieldVisible = 1109,
    Cipher_ClientToggledCardCodeVisible = 1110,
    Cipher_ClientCopiedPassword = 1111,
    Cipher_ClientCopiedHiddenField = 1112,
    Cipher_ClientCopiedCardCode = 1113,
    Cipher_ClientAutofilled = 1114,
    Cipher_SoftDeleted = 1115,
    Cipher_Restored = 1116,
    Cipher_ClientToggledCardNumberVisible = 1117,

    Collection_Created = 1300,
    Collection_Updated = 1301,
    Collection_Deleted = 1302,

    Group_Created = 1400,
    Group_Updated = 1401,
    Group_Deleted = 1402,

    OrganizationUser_Invited = 1500,
    OrganizationUser_Confirmed = 1501,
    OrganizationUser_Updated = 1502,
    OrganizationUser_Removed = 1503,
    OrganizationUser_UpdatedGroups = 1504,
    OrganizationUser_ResetPassword_Enroll = 1506,
    OrganizationUser_ResetPassword_Withdraw = 1507,
    OrganizationUser_AdminResetPassword = 1508,
    OrganizationUser_Revoked = 1511,
    OrganizationUser_Restored = 1512,
    OrganizationUser_Left = 1516,

    Organization_Updated = 1600,
    Organization_PurgedVault = 1601,
    Organization_ClientExportedVault = 1602,
    Organization_VaultAccessed = 1603,
    Organization_CollectionManagementUpdated = 1609,
    /// <summary>Custodian's own number (Bitwarden logs no org deletion): high in the range, clear of theirs.</summary>
    Organization_Deleted = 1690,

    Policy_Updated = 1700,

    ProviderUser_Invited = 1800,
    ProviderUser_Confirmed = 1801,
    ProviderUser_Updated = 1802,
    ProviderUser_Removed = 1803,

    ProviderOrganization_Created = 1900,
    ProviderOrganization_Added = 1901,
    ProviderOrganization_Removed = 1902,
    ProviderOrganization_VaultAccessed = 1903,

    Send_Created_Text = 2500,
    Send_Created_Text_WithPasswordProtection = 2502,
    Send_Created_File = 2503,
    Send_Created_File_WithPasswordProtection = 2505,
    Send_Edited_Text = 2506,
    Send_Edited_File = 2507,
    Send_Deleted_Text = 2508,
    Send_Deleted_File = 2509,
    Send_Accessed_Text = 2510,
    Send_Accessed_File = 2511,

    // Custodian's own: provider access by assignment. Bitwarden's numbers stop below 3000; these sit far above them.
    // Each is written once with both the provider's and the client's id, so it shows in both logs.
    ProviderAccess_Assigned = 9500,
    ProviderAccess_Unassigned = 9501,
    ProviderAccess_Requested = 9502,
    ProviderAccess_Approved = 9503,
    ProviderAccess_Denied = 9504,
    ProviderAccess_Revoked = 9505,
    ProviderAccess_Expired = 9506,
    ProviderAccess_FirstUsed = 9507,

    // Custodian's own: the provider's settings that bind every technician (Bitwarden's portal has none).
    Provider_TwoFactorRequired = 9800,
    Provider_TwoFactorNotRequired = 9801,
    /// <summary>The provider's name, colour or logo as its clients see them changed (Branding/).</summary>
    Provider_BrandingUpdated = 9802,
    // Custodian's own: emergency access and login with a device (Bitwarden logs neither for personal accounts).
    // Each names the grantor (or the requesting account) as UserId, so it lands in that user's log.
    EmergencyAccess_Invited = 9600,
    EmergencyAccess_Accepted = 9601,
    EmergencyAccess_Confirmed = 9602,
    EmergencyAccess_RecoveryInitiated = 9603,
    EmergencyAccess_RecoveryApproved = 9604,
    EmergencyAccess_RecoveryRejected = 9605,
    EmergencyAccess_RecoveryTimedOut = 9606,
    EmergencyAccess_Viewed = 9607,
    EmergencyAccess_TookOver = 9608,
    EmergencyAccess_Removed = 9609,
    EmergencyAccess_Updated = 9610,
    AuthRequest_Approved = 9700,
    AuthRequest_Denied = 9701,
    // Custodian's own: a technician carried an item from one client to another. One row in each client's log (its own
    // item only, never the other client), each with the provider's id so both also read in the provider's log.
    ItemTransfer_CopiedOut = 9900,
    ItemTransfer_MovedOut = 9901,
    ItemTransfer_CopiedIn = 9902,
    ItemTransfer_MovedIn = 9903,
}

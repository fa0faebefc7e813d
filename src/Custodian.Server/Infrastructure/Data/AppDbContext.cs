using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Identity;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Features.Providers;
using Custodian.Server.Features.Providers.Assignments;
using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Infrastructure.Data;

/// <summary>
/// The one model. Two thin subclasses exist only so that EF keeps one migration set per provider
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>); code always asks for AppDbContext.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<LoginAttempt> LoginAttempts => Set<LoginAttempt>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Cipher> Ciphers => Set<Cipher>();
    public DbSet<CipherUserState> CipherUserStates => Set<CipherUserState>();
    public DbSet<Folder> Folders => Set<Folder>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationUser> OrganizationUsers => Set<OrganizationUser>();
    public DbSet<Collection> Collections => Set<Collection>();
    public DbSet<CollectionUser> CollectionUsers => Set<CollectionUser>();
    public DbSet<CollectionGroup> CollectionGroups => Set<CollectionGroup>();
    public DbSet<CollectionCipher> CollectionCiphers => Set<CollectionCipher>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupUser> GroupUsers => Set<GroupUser>();
    public DbSet<Policy> Policies => Set<Policy>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<ProviderUser> ProviderUsers => Set<ProviderUser>();
    public DbSet<ProviderOrganization> ProviderOrganizations => Set<ProviderOrganization>();
    public DbSet<Features.Providers.Branding.ProviderBranding> ProviderBrandings => Set<Features.Providers.Branding.ProviderBranding>();
    public DbSet<Features.TwoFactor.TwoFactorMethod> TwoFactorMethods => Set<Features.TwoFactor.TwoFactorMethod>();
    public DbSet<Features.Sends.Send> Sends => Set<Features.Sends.Send>();
    public DbSet<Features.EmergencyAccess.EmergencyContact> EmergencyContacts => Set<Features.EmergencyAccess.EmergencyContact>();
    public DbSet<Features.AuthRequests.AuthRequest> AuthRequests => Set<Features.AuthRequests.AuthRequest>();

    /// <summary>Live-sync messages of this unit of work, sent once the request is done.</summary>
    public Features.Notifications.PushOutbox Pushes { get; } = new();
    public DbSet<ProviderAssignment> ProviderAssignments => Set<ProviderAssignment>();
    public DbSet<ProviderTeam> ProviderTeams => Set<ProviderTeam>();
    public DbSet<ProviderTeamUser> ProviderTeamUsers => Set<ProviderTeamUser>();
    public DbSet<ProviderTeamClient> ProviderTeamClients => Set<ProviderTeamClient>();
    public DbSet<ProviderAccessGrant> ProviderAccessGrants => Set<ProviderAccessGrant>();
    public DbSet<ProviderClientSetting> ProviderClientSettings => Set<ProviderClientSetting>();
    public DbSet<Features.Providers.Bulk.ProviderClientTag> ProviderClientTags => Set<Features.Providers.Bulk.ProviderClientTag>();
    public DbSet<Features.Providers.Bulk.ProviderClientTagLink> ProviderClientTagLinks => Set<Features.Providers.Bulk.ProviderClientTagLink>();
    public DbSet<Features.Providers.Bulk.ProviderClientTemplate> ProviderClientTemplates => Set<Features.Providers.Bulk.ProviderClientTemplate>();
    public DbSet<Features.Providers.Bulk.ProviderClientTemplateLink> ProviderClientTemplateLinks => Set<Features.Providers.Bulk.ProviderClientTemplateLink>();
    public DbSet<Features.Providers.Bulk.ProviderBulkJob> ProviderBulkJobs => Set<Features.Providers.Bulk.ProviderBulkJob>();
    public DbSet<Features.Providers.Bulk.ProviderBulkJobItem> ProviderBulkJobItems => Set<Features.Providers.Bulk.ProviderBulkJobItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTimes back as Unspecified; clients would read them as local time.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

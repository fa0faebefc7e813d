using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.AuthRequests;
using Custodian.Server.Features.EmergencyAccess;
using Custodian.Server.Features.Admin;
using Custodian.Server.Features.Providers;
using Custodian.Server.Features.Providers.Branding;
using Custodian.Server.Features.TwoFactor;
using Custodian.Server.Features.Providers.Assignments;
using Custodian.Server.Features.Providers.Bulk;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Events.Sinks;
using Custodian.Server.Features.Providers.Audit;
using Custodian.Server.Features.Providers.Billing;
using Custodian.Server.Features.Providers.Dashboard;
using Custodian.Server.Features.Providers.Transfers;
using Custodian.Server.Features.Icons;
using Custodian.Server.Features.Identity;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Features.Notifications;
using Custodian.Server.Features.Platform;
using Custodian.Server.Features.PublicApi;
using Custodian.Server.Features.Scim;
using Custodian.Server.Features.Sends;
using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;

DataFiles.RestrictNewFiles();   // umask 077: the database, attachments and outbox mail are the server's alone
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ServerHosting.ContentRoot(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
});
builder.WebHost.UseKestrelHttpsConfiguration();
builder.KeepQueryStringsOutOfLogs();
builder.AddDatabase();
builder.AddMetrics();   // Prometheus at /metrics when Metrics__Enabled
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Configure(o.SerializerOptions));
// Bad bodies must reach ApiExceptionHandler (Bitwarden's error shape) instead of an empty 400.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddSecretsAtRest();
builder.Services.AddProxyNetwork();
builder.Services.AddTokenAuthentication();
builder.Services.AddIcons();
builder.Services.AddIdentityFeature().AddAccounts().AddVault().AddOrganizations().AddEvents().AddEventSinks().AddProviders().AddTwoFactor()
    .AddPublicApi().AddScim().AddSends().AddEmergencyAccess().AddAuthRequests().AddNotifications(builder.Configuration);

var app = builder.Build();
DataFiles.SecureExisting(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.DataDirectory);
await app.MigrateDatabaseAsync();
await app.ProtectLegacySecretsAsync();
await app.Services.GetRequiredService<SigningKeyStore>().LoadAsync();
if (AdminCommand.Matches(args))
{
    return await AdminCommand.RunAsync(app.Services, args);
}

using var databaseLock = DatabaseLock.TryAcquire(app.Services);   // tells `admin restore` the SQLite file is in use
app.UseForwardedHeaders();   // first: the client address and scheme everything after reads (Network__KnownProxies)
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseWebUi();   // web/dist at / (Web:Root)
app.UseAuthentication();
app.UseAuthorization();
app.UsePushDispatch();   // live-sync messages a request's saves committed, once its endpoint has run

app.MapMetricsEndpoint();
app.MapPlatformEndpoints();   // /alive, /api/alive, /api/config, /api/server-status (anonymous)
app.MapIconEndpoints();       // /icons/{domain}/icon.png (anonymous)
app.MapHealthEndpoint();      // /healthz (anonymous): 200 when the database answers, 503 when not
app.MapGroup("/identity").AllowAnonymous().AddRequestFilters().MapIdentityEndpoints();
var api = app.MapGroup("/api").RequireAuthorization().AddRequestFilters();
api.MapAccountEndpoints();
api.MapTwoFactorEndpoints();
api.MapApiPreloginAlias();   // anonymous: an alias of /identity/accounts/prelogin for other clients
api.MapDomainEndpoints();
api.MapSyncEndpoints();
api.MapCipherEndpoints().MapOrgCipherEndpoints().MapImportEndpoints().MapAttachmentEndpoints(app);
api.MapFolderEndpoints();
api.MapSendEndpoints();
api.MapSendAccessEndpoints(app);   // anonymous: recipients, with a send_access token or a password hash
api.MapOrganizationEndpoints();
api.MapCollectionEndpoints();
api.MapMemberEndpoints();
api.MapGroupEndpoints();
api.MapPolicyEndpoints();
api.MapOrgTransferEndpoints();
api.MapEventEndpoints();
app.MapCollectEndpoint();   // clients post to {server}/events/collect
api.MapProviderEndpoints();
api.MapProviderBrandingEndpoints();   // the provider's name, colour and logo in invitations and on its clients' pages
api.MapProviderUserEndpoints();
api.MapProviderClientEndpoints();
api.MapProviderApiKeyEndpoints();
api.MapProviderDashboardEndpoints();   // issue 21: cross-client dashboard, billing data, audit roll-up and SIEM sinks
api.MapProviderBillingEndpoints();
api.MapProviderAuditEndpoints();
api.MapProviderItemTransferEndpoints();   // issue 21: items copied or moved between clients
api.MapEventSinkEndpoints();
app.MapPublicApi();   // /api/public/* for organization API keys, and its OpenAPI document
app.MapProviderApi();  // /api/provider-api/* for provider API keys
app.MapScim();        // /scim/v2/{orgId}/* for Entra ID and Okta, with the org's SCIM key
api.MapAssignmentEndpoints();
api.MapAccessRequestEndpoints();
api.MapClientBulkEndpoints();   // tags, templates, bulk jobs, confirm everywhere
api.MapEmergencyAccessEndpoints();
api.MapAuthRequestEndpoints();   // the anonymous create and response routes carry the access code
app.MapAdminEndpoints();
app.MapNotificationHubs();   // /notifications/hub (access_token in the query) and /notifications/anonymous-hub

await app.RunAsync();
return 0;

/// <summary>The entry type <c>WebApplicationFactory&lt;Program&gt;</c> needs.</summary>
public partial class Program;

using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Files;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Sends;

/// <summary>Send files on disk: <c>{DataDirectory}/sends/{sendId}/{fileId}</c>, beside the attachments.</summary>
public sealed class SendFileStore(IOptions<DatabaseOptions> options, ILogger<SendFileStore> logger)
    : EncryptedFileStore(options, logger, "sends");

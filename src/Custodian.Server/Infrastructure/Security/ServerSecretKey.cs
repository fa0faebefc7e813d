using System.Security.Cryptography;
using Custodian.Server.Infrastructure.Data;

namespace Custodian.Server.Infrastructure.Security;

/// <summary>Section <c>Secrets</c>: where the server's secret-protection key comes from.</summary>
public sealed class SecretsOptions
{
    public const string Section = "Secrets";

    /// <summary>Base64 of 32 bytes; when set, used instead of the key file.</summary>
    public string? Key { get; set; }

    /// <summary>Empty means <c>{DataDirectory}/secret.key</c>, created (mode 0600) on first start.</summary>
    public string? KeyFile { get; set; }
}

/// <summary>
/// The 256-bit key that encrypts the Data Protection key ring at rest. It is kept outside the database on purpose:
/// a copy of the database alone (a backup, a read through SQL) then holds no usable server secret. Every instance
/// must be given the same key (the same file on shared storage, or the same <c>Secrets__Key</c>).
/// </summary>
public sealed class ServerSecretKey
{
    public const int Size = 32;

    ServerSecretKey(byte[] key) => Key = key;

    public byte[] Key { get; }

    public static ServerSecretKey Load(SecretsOptions secrets, DatabaseOptions database)
    {
        if (!string.IsNullOrWhiteSpace(secrets.Key))
        {
            return new ServerSecretKey(Decode(secrets.Key, "Secrets__Key"));
        }
        var path = string.IsNullOrWhiteSpace(secrets.KeyFile)
            ? Path.Combine(DataFiles.EnsureDirectory(database.DataDirectory), "secret.key")
            : Path.GetFullPath(secrets.KeyFile);
        if (!File.Exists(path))
        {
            TryCreate(path);
        }
        return new ServerSecretKey(Decode(File.ReadAllText(path), path));
    }

    /// <summary>CreateNew: when two instances start together on shared storage, the second reads the first's key.</summary>
    static void TryCreate(string path)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = DataFiles.PrivateFile;
            }
            using var file = new FileStream(path, options);
            using var writer = new StreamWriter(file);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(Size)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance made it first.
        }
    }

    static byte[] Decode(string value, string source)
    {
        try
        {
            var key = Convert.FromBase64String(value.Trim());
            if (key.Length == Size)
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }
        throw new InvalidOperationException($"The secret-protection key in {source} must be the base64 of {Size} random bytes.");
    }
}

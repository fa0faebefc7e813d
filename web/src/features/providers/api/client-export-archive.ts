import { strToU8, Zip, ZipDeflate } from "fflate";
import { encryptedOrgExport } from "../../import-export/api/export-api";
import type { SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { t } from "../../../lib/i18n/messages";

/** One client's line in the archive's manifest.json. */
export interface ManifestClient {
  organizationId: string;
  name: string;
  result: "succeeded" | "failed" | "pending";
  error: string | null;
  file: string | null;
  items: number | null;
  collections: number | null;
}

/** A job's per-client result as the server reports it (BulkItem, without the status enum). */
export interface ClientResult { organizationId: string; organizationName: string; succeeded: boolean; failed: boolean; error: string | null }

/** Client names are plaintext org names; in a file name only letters, digits and a few marks stay. */
export function archiveFileName(name: string, organizationId: string): string {
  const safe = name.normalize("NFKD").replace(/[^A-Za-z0-9 ._-]+/g, "_").replace(/\s+/g, " ").trim().replace(/^\.+/, "").slice(0, 80);
  return `${safe || "client"}-${organizationId}.json`;
}

/** Compressed output is moved into Blobs once it passes this size, so the page holds little of it in its own heap. */
const flushBytes = 1 << 20;

/**
 * A bulk export's zip, written as the clients are exported: each client's encrypted export (Bitwarden's encrypted org
 * export, the Admin Console's format) is compressed as soon as it is made and only its compressed bytes are kept, in
 * Blob parts the browser may keep on disk; the plaintext-free JSON text of a client is dropped after its entry.
 * {@link finish} writes manifest.json (every client's result and counts) and closes the zip.
 */
export class ClientExportArchive {
  readonly exported = new Map<string, ManifestClient>();
  private readonly parts: Blob[] = [];
  private chunks: Uint8Array[] = [];
  private pendingBytes = 0;
  private readonly zip: Zip;
  private failure: Error | null = null;
  private closed = false;

  constructor() {
    this.zip = new Zip((err, chunk, final) => {
      if (err) { this.failure = err; return; }
      this.chunks.push(chunk);
      this.pendingBytes += chunk.length;
      if (final || this.pendingBytes >= flushBytes) this.flush();
    });
  }

  private flush() {
    if (this.chunks.length === 0) return;
    this.parts.push(new Blob(this.chunks as BlobPart[]));
    this.chunks = [];
    this.pendingBytes = 0;
  }

  private add(name: string, text: string) {
    if (this.closed) throw new Error(t("bulk.export.closed"));
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    entry.push(strToU8(text), true);
    if (this.failure) throw this.failure;
  }

  /** Fetches one client's items and adds its encrypted export; a second call for the same client adds nothing. */
  async addClient(organizationId: string, organizationName: string, orgKey: SymmetricKey): Promise<void> {
    if (this.exported.has(organizationId)) return;
    const { text, items, collections } = await encryptedOrgExport(organizationId, orgKey);
    if (this.exported.has(organizationId)) return; // another worker of this page got there first
    const file = archiveFileName(organizationName, organizationId);
    this.add(file, text);
    this.exported.set(organizationId, { organizationId, name: organizationName, result: "succeeded", error: null, file, items, collections });
  }

  /**
   * Closes the archive with its manifest. `results` pages through the job's clients (all of them, from the server);
   * a client that succeeded but is not in this archive (exported by an earlier visit of the page, before a reload)
   * is exported again here through `keyOf`, so the download always holds every client the job exported.
   */
  async finish(jobId: string, results: AsyncIterable<ClientResult>, keyOf: (organizationId: string) => Promise<SymmetricKey | undefined>,
    now = new Date()): Promise<Blob> {
    const clients: ManifestClient[] = [];
    for await (const r of results) {
      let line = this.exported.get(r.organizationId);
      if (!line && r.succeeded) {
        const key = await keyOf(r.organizationId);
        line = key
          ? await this.addClient(r.organizationId, r.organizationName, key).then(() => this.exported.get(r.organizationId)!,
            (e: unknown) => failed(r, t("bulk.export.refetchFailed", { reason: e instanceof Error ? e.message : String(e) })))
          : failed(r, t("bulk.export.noKeyToRefetch"));
      }
      clients.push(line ?? (r.failed ? failed(r, r.error ?? t("bulk.export.failed")) : { ...failed(r, null), result: "pending" }));
    }
    const count = (result: ManifestClient["result"]) => clients.filter((c) => c.result === result).length;
    this.add("manifest.json", JSON.stringify({
      jobId, date: now.toISOString(), encrypted: true, format: "encrypted_json",
      counts: {
        clients: clients.length, succeeded: count("succeeded"), failed: count("failed"), pending: count("pending"),
        items: clients.reduce((n, c) => n + (c.items ?? 0), 0), collections: clients.reduce((n, c) => n + (c.collections ?? 0), 0),
      },
      clients,
    }, null, 2));
    this.closed = true;
    this.zip.end();
    if (this.failure) throw this.failure;
    this.flush();
    return new Blob(this.parts, { type: "application/zip" });
  }
}

function failed(r: ClientResult, error: string | null): ManifestClient {
  return { organizationId: r.organizationId, name: r.organizationName, result: "failed", error, file: null, items: null, collections: null };
}

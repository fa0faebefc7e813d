/**
 * Hands a file the browser made to the user as a download. The object URL is revoked a minute later, not at once:
 * Chromium may still be reading a large Blob when click() returns.
 */
export function saveFile(data: Blob | string, fileName: string, type = "application/octet-stream"): void {
  const url = URL.createObjectURL(typeof data === "string" ? new Blob([data], { type }) : data);
  const a = Object.assign(document.createElement("a"), { href: url, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

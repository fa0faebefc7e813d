/** Hands the browser a file to save (an export, a report), through a short-lived object URL. */
export function saveFile(content: Blob | string, fileName: string, type = "text/plain") {
  const url = URL.createObjectURL(typeof content === "string" ? new Blob([content], { type }) : content);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

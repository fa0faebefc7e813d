import { t } from "../../../lib/i18n/messages";

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. Returns rows with their first line number. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") (cells.push(cell), (cell = ""));
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.some((x) => x !== "")) rows.push({ line: rowLine, cells });
      (cells = []), (cell = ""), line++, (rowLine = line);
    } else cell += c;
  }
  if (quoted) throw new Error(t("import.unclosedQuote", { line: rowLine }));
  cells.push(cell);
  if (cells.some((x) => x !== "")) rows.push({ line: rowLine, cells });
  return rows;
}

/**
 * Where a transaction was read from, as the user can find it again: `file:line`, or for a
 * spreadsheet `file · sheet:row`.
 */
export function sourceOf(tx: { source_file: string; source_sheet?: string | null; source_line: number }): string {
  const sheet = tx.source_sheet ? ` · ${tx.source_sheet}` : "";
  return `${tx.source_file}${sheet}:${tx.source_line}`;
}

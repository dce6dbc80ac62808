// CSV as spreadsheets read it (RFC 4180): a cell with a comma, quote or line break is quoted.
const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

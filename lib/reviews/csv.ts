/**
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) prefixed with `'`, because CloudTrail
 * values (user agents, session names) are chosen by whoever made the call.
 */
export type CsvValue = string | number | boolean | null | undefined | readonly string[];

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  if (typeof value === 'string' || Array.isArray(value)) {
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(','), ...rows.map((r) => columns.map((c) => cell(c.value(r))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** A download response; the file name is ours (ASCII, no quotes), never request input. */
export function csvResponse(fileName: string, body: string): Response {
  const safe = fileName.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${safe}"`,
      'cache-control': 'no-store',
    },
  });
}

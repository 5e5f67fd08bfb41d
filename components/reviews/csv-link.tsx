/** A real download link to a CSV the API serves (the cookie signs the request). */
export function CsvLink({ href, table, label = 'CSV', fileName }: { href: string; table: string; label?: string; fileName: string }) {
  return (
    <a
      href={href}
      download={fileName}
      data-testid={`csv-${table}`}
      className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-100 print:hidden"
    >
      {label} ↓
    </a>
  );
}

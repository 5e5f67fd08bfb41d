'use client';

/** Prints the page (the browser's "Save as PDF" makes the report a file). */
export function PrintButton({ label = 'Print / save as PDF' }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 print:hidden" data-testid="print-report">
      {label}
    </button>
  );
}

'use client';

/** Opens the browser's print dialog; the page's print styles leave only the report. */
export function PrintButton({ label = 'Print report' }: { label?: string }) {
  return (
    <button
      type="button"
      data-testid="print-report"
      onClick={() => window.print()}
      className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 print:hidden"
    >
      {label}
    </button>
  );
}

/**
 * Print styles for a review: only the element marked `data-print-root` is printed (the app's header,
 * navigation and footer are not ours to mark), forms and buttons are left out, tables are not cut
 * mid-row, and links print as text.
 */
const CSS = `
@media print {
  body * { visibility: hidden; }
  [data-print-root], [data-print-root] * { visibility: visible; }
  [data-print-root] { position: absolute; left: 0; top: 0; width: 100%; }
  [data-print-hide], [data-print-root] form, [data-print-root] button, [data-print-root] nav { display: none !important; }
  tr, section { break-inside: avoid; }
  a { color: inherit !important; text-decoration: none !important; }
  @page { margin: 14mm; }
}`;

export function PrintStyles() {
  return <style>{CSS}</style>;
}

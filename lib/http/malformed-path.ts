/**
 * A path whose percent-encoding is broken (`/roles/%E0%A4%A`) cannot be decoded into route
 * parameters: Next answers such a page with a bare 500 before any of our code runs. The proxy
 * asks this first and answers 400 naming the segment instead.
 */
export function malformedPathSegment(pathname: string): string | null {
  for (const segment of pathname.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}

/** The 400 a browser sees for such a link: plain, self-contained, escaping what it repeats. */
export function malformedPathPage(segment: string): string {
  const shown = segment.slice(0, 200).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invalid link · Trailscope</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#0f172a">
<h1 style="font-size:1.25rem">This link has an invalid parameter</h1>
<p>The path segment <code>${shown}</code> is not valid percent-encoding (a <code>%</code> must be followed by two hex digits forming UTF-8).</p>
<p><a href="/">Open the overview</a></p></body></html>`;
}

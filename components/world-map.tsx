import { countryPaths, MAP_HEIGHT, MAP_WIDTH, spherePath, type MapMarker } from '@/lib/geo/world-map';

/**
 * Locations on a world map: places seen before the scope in blue, places new in the scope in
 * orange, sized by calls. Plain SVG from the server; hovering a marker names the place.
 */
export function WorldMap({ markers, label }: { markers: MapMarker[]; label: string }) {
  // New places are drawn last so a known marker never hides one.
  const ordered = [...markers].sort((a, b) => (a.tone === b.tone ? b.r - a.r : a.tone === 'known' ? -1 : 1));
  return (
    <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-label={label} className="h-auto w-full" data-testid="world-map">
      <path d={spherePath()} className="fill-sky-50 stroke-slate-200" />
      <g className="fill-slate-200 stroke-white" strokeWidth={0.5}>
        {countryPaths().map((d, i) => (
          <path key={i} d={d} />
        ))}
      </g>
      <g>
        {ordered.map((m) => (
          <circle
            key={m.key}
            cx={m.x}
            cy={m.y}
            r={m.r}
            data-tone={m.tone}
            className={m.tone === 'new' ? 'fill-orange-500/70 stroke-orange-700' : 'fill-blue-500/60 stroke-blue-700'}
            strokeWidth={1}
          >
            <title>{m.label}</title>
          </circle>
        ))}
      </g>
    </svg>
  );
}

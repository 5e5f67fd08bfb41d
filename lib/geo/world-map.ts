import { geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';

/**
 * A world map drawn on the server: country outlines from the bundled Natural Earth data
 * (world-atlas, 1:110m) projected once, and markers placed with the same projection. Nothing is
 * fetched at run time and the browser receives plain SVG.
 */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 480;

export interface MapMarker {
  key: string;
  x: number;
  y: number;
  r: number;
  label: string;
  tone: 'known' | 'new';
}

type CountriesTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

let cache: { projection: GeoProjection; countries: string[] } | null = null;

function base() {
  if (cache) return cache;
  const topology = countries110m as unknown as CountriesTopology;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection);
  const countries = collection.features.map((f) => path(f) ?? '').filter((d) => d.length > 0);
  cache = { projection, countries };
  return cache;
}

/** The country outlines as SVG path data. */
export function countryPaths(): string[] {
  return base().countries;
}

/** The outline of the globe, for the ocean. */
export function spherePath(): string {
  return geoPath(base().projection)({ type: 'Sphere' }) ?? '';
}

/**
 * Markers for located points, sized by call count on a square-root scale (area ∝ calls), so a
 * location with a thousand calls does not hide one with three.
 */
export function placeMarkers(points: readonly { key: string; latitude: number; longitude: number; calls: number; label: string; tone: 'known' | 'new' }[]): MapMarker[] {
  const { projection } = base();
  const max = Math.max(1, ...points.map((p) => p.calls));
  return points.flatMap((p) => {
    const xy = projection([p.longitude, p.latitude]);
    if (!xy) return [];
    return [{ key: p.key, x: xy[0], y: xy[1], r: 4 + 14 * Math.sqrt(p.calls / max), label: p.label, tone: p.tone }];
  });
}

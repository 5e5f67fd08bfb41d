import { describe, expect, it } from 'vitest';
import { countryPaths, MAP_HEIGHT, MAP_WIDTH, placeMarkers, spherePath } from './world-map';

describe('world map', () => {
  it('draws the countries inside the frame', () => {
    const paths = countryPaths();
    expect(paths.length).toBeGreaterThan(150);
    expect(spherePath()).toMatch(/^M/);
  });

  it('places markers where they belong and sizes them by calls', () => {
    const [seattle, bucharest, sydney] = placeMarkers([
      { key: 'sea', latitude: 47.6, longitude: -122.3, calls: 100, label: 'Seattle', tone: 'known' },
      { key: 'buh', latitude: 44.4, longitude: 26.1, calls: 4, label: 'Bucharest', tone: 'new' },
      { key: 'syd', latitude: -33.9, longitude: 151.2, calls: 1, label: 'Sydney', tone: 'known' },
    ]);
    for (const m of [seattle, bucharest, sydney]) {
      expect(m?.x).toBeGreaterThan(0);
      expect(m?.x).toBeLessThan(MAP_WIDTH);
      expect(m?.y).toBeGreaterThan(0);
      expect(m?.y).toBeLessThan(MAP_HEIGHT);
    }
    // West to east, north to south.
    expect(seattle!.x).toBeLessThan(bucharest!.x);
    expect(bucharest!.x).toBeLessThan(sydney!.x);
    expect(seattle!.y).toBeLessThan(sydney!.y);
    expect(seattle!.r).toBeGreaterThan(bucharest!.r);
    expect(bucharest!.r).toBeGreaterThan(sydney!.r);
  });
});

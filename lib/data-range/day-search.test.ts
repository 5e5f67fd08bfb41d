import { describe, expect, it } from 'vitest';
import { firstWithData, lastWithData, maxProbes, maxRounds, type AnyIn } from './day-search';

/** A deterministic pseudo-random stream (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Probes over a set of days with data, counting probes and rounds (calls started together). */
function probe(withData: ReadonlySet<number>) {
  let probes = 0;
  let rounds = 0;
  let inRound = false;
  const anyIn: AnyIn = async (from, to) => {
    expect(from).toBeLessThanOrEqual(to);
    probes++;
    if (!inRound) {
      rounds++;
      inRound = true;
      queueMicrotask(() => (inRound = false));
    }
    for (const d of withData) if (d >= from && d <= to) return true;
    return false;
  };
  return { anyIn, stats: () => ({ probes, rounds }) };
}

describe('finding the first and last days with data', () => {
  it('answers a live trail with one probe at each end', async () => {
    const data = new Set(Array.from({ length: 365 }, (_, i) => i));
    const last = probe(data);
    expect(await lastWithData(365, last.anyIn, { fanout: 4 })).toBe(364);
    expect(last.stats().probes).toBe(1);
    const first = probe(data);
    expect(await firstWithData(365, first.anyIn, { fanout: 4 })).toBe(0);
    expect(first.stats().probes).toBe(1);
  });

  it('never spans more than maxWindow days in one probe, and still finds both ends', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const n = 400 + Math.floor(next() * 3000);
      const lo = Math.floor(next() * n);
      const hi = lo + Math.floor(next() * (n - lo));
      const data = new Set([lo, hi]);
      let widest = 0;
      const anyIn: AnyIn = async (from, to) => {
        widest = Math.max(widest, to - from + 1);
        for (const d of data) if (d >= from && d <= to) return true;
        return false;
      };
      expect(await firstWithData(n, anyIn, { fanout: 4, maxWindow: 6 }), `seed ${seed}`).toBe(lo);
      expect(await lastWithData(n, anyIn, { fanout: 4, maxWindow: 6 }), `seed ${seed}`).toBe(hi);
      expect(widest, `seed ${seed}`).toBeLessThanOrEqual(6);
    }
  });

  it('null when no day has data, and for no days at all', async () => {
    expect(await lastWithData(100, probe(new Set()).anyIn)).toBeNull();
    expect(await firstWithData(0, probe(new Set([0])).anyIn)).toBeNull();
  });

  it.each([1, 2, 4, 8])('finds exactly the first and last days of random sparse trails within the probe and round bounds (fanout %i)', async (fanout) => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed * 31 + fanout);
      const n = 1 + Math.floor(next() * (seed % 3 === 0 ? 7300 : 400));
      const data = new Set<number>();
      const start = Math.floor(next() * n);
      const end = start + Math.floor(next() * (n - start));
      for (let d = start; d <= end; d++) if (next() < 0.3 || d === start || d === end) data.add(d);
      const sorted = [...data].sort((a, b) => a - b);
      const last = probe(data);
      const first = probe(data);
      expect(await lastWithData(n, last.anyIn, { fanout }), `seed ${seed}`).toBe(sorted.at(-1));
      expect(await firstWithData(n, first.anyIn, { fanout }), `seed ${seed}`).toBe(sorted[0]);
      for (const s of [last.stats(), first.stats()]) {
        expect(s.probes, `seed ${seed}, n ${n}`).toBeLessThanOrEqual(maxProbes(n, fanout));
        expect(s.rounds, `seed ${seed}, n ${n}`).toBeLessThanOrEqual(maxRounds(n, fanout));
      }
    }
  });

  it('starts at a known first day after one probe shows nothing earlier, and looks again when something is', async () => {
    const later = probe(new Set([500, 501, 900]));
    expect(await firstWithData(1000, later.anyIn, { from: 500 })).toBe(500);
    expect(later.stats().probes).toBe(2);
    // Older logs were added (or the hint is stale): the search starts over from the beginning.
    expect(await firstWithData(1000, probe(new Set([3, 500])).anyIn, { from: 500 })).toBe(3);
    // The known first day expired: the next one is found from there.
    expect(await firstWithData(1000, probe(new Set([620, 900])).anyIn, { from: 500 })).toBe(620);
  });

  it('bounds: ten years of candidate days take a few dozen probes at most, in about a dozen rounds', () => {
    expect(maxProbes(3650, 1)).toBeLessThanOrEqual(26);
    expect(maxProbes(3650, 4)).toBeLessThanOrEqual(40);
    expect(maxRounds(3650, 4)).toBeLessThanOrEqual(12);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CASES } from './registry';

/**
 * The conformance registry lists every query module: each file under lib/ that declares a
 * QueryModule is imported, and every module it exports (directly, or in a record such as the
 * scope-details tabs) must have at least one case, so a new analysis cannot skip the engines' test.
 */
const ROOT = path.resolve(__dirname, '../../lib');

function moduleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return moduleFiles(full);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return /QueryModule</.test(fs.readFileSync(full, 'utf8')) && !full.endsWith(path.join('queries', 'panel.ts')) ? [full] : [];
  });
}

function isModule(value: unknown): value is { name: string; build: unknown } {
  return typeof value === 'object' && value !== null && 'build' in value && 'params' in value && 'row' in value && typeof (value as { build: unknown }).build === 'function';
}

describe('the conformance registry', () => {
  const registered = new Set(CONFORMANCE_CASES.map((c) => c.module as unknown));

  it.each(moduleFiles(ROOT).map((f) => [path.relative(ROOT, f)]))('has a case for every query module in lib/%s', async (file) => {
    const exports = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const modules = Object.entries(exports).flatMap(([name, value]): [string, unknown][] => {
      if (isModule(value)) return [[name, value]];
      if (typeof value !== 'object' || value === null) return [];
      return Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => isModule(v))
        .map(([k, v]): [string, unknown] => [`${name}.${k}`, v]);
    });
    const missing = modules.filter(([, module]) => !registered.has(module)).map(([name]) => name);
    expect(missing, `query modules without a conformance case in test/conformance/registry.ts`).toEqual([]);
  });

  it('finds the modules it checks', () => {
    expect(moduleFiles(ROOT).length).toBeGreaterThanOrEqual(30);
    expect(new Set(CONFORMANCE_CASES.map((c) => c.module.name)).size).toBeGreaterThanOrEqual(40);
  });
});

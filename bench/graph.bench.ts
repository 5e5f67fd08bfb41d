import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { syntheticGraph } from '../lib/graph/synthetic';

/**
 * The graph view at 1,000 nodes and 3,000 edges: the real page and component, only /api/graph
 * answered with a generated neighbourhood. Measures the layout (ELK in its worker), frame times
 * while panning and zooming, and the latency of selecting and expanding a node.
 */
const NODES = Number(process.env.BENCH_GRAPH_NODES ?? 1000);
const EDGES = Number(process.env.BENCH_GRAPH_EDGES ?? 3000);

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
}

test(`graph view with ${NODES} nodes and ${EDGES} edges`, async ({ page }) => {
  const graph = syntheticGraph(NODES, EDGES);
  const scope = { from: '2026-11-18T00:00:00Z', to: '2026-11-19T00:00:00Z' };
  let served = 0;
  await page.route('**/api/graph?**', async (route) => {
    served++;
    await route.fulfill({ json: { ...graph, scope, queries: [] } });
  });
  await page.setViewportSize({ width: 1600, height: 1000 });
  const opened = Date.now();
  await page.goto(`/graph?focus=${encodeURIComponent(graph.focus)}&from=${scope.from}&to=${scope.to}`);
  const canvas = page.getByTestId('graph-canvas');
  await expect(canvas).toHaveAttribute('data-ready', 'true', { timeout: 300_000 });
  const toReady = Date.now() - opened;
  const layoutMs = Number(await canvas.getAttribute('data-layout-ms'));
  await expect(page.getByTestId('graph-counts')).toContainText(`${NODES} nodes`);
  await page.screenshot({ path: path.join(__dirname, 'out', 'graph-large.png') });

  // Frame times while a person pans and zooms.
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const interactStarted = Date.now();
  for (let round = 0; round < 2; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx - 300, cy - 150, { steps: 20 });
    await page.mouse.move(cx, cy, { steps: 20 });
    await page.mouse.up();
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, i < 3 ? -240 : 240);
  }
  const interactMs = Date.now() - interactStarted;
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });

  // Selecting a node: click to its details in the side panel.
  const target = page.locator('[data-testid="graph-node"]').first();
  const label = (await target.getAttribute('data-node-id')) ?? '';
  const selectStarted = Date.now();
  await target.click();
  await expect(page).toHaveURL((url) => url.searchParams.get('selected') === label);
  await expect(page.getByTestId('graph-selected-label')).toBeVisible();
  const selectMs = Date.now() - selectStarted;

  // Expanding a node: a new fetch and a new layout of the whole graph.
  const expandStarted = Date.now();
  await page.getByRole('button', { name: 'Expand' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.getAll('expand').includes(label));
  await expect(canvas).toHaveAttribute('data-ready', 'false');
  await expect(canvas).toHaveAttribute('data-ready', 'true', { timeout: 300_000 });
  const expandMs = Date.now() - expandStarted;

  const result = {
    nodes: NODES,
    edges: graph.edges.length,
    openToReadyMs: toReady,
    layoutMs,
    panZoomInputs: 2 * (40 + 6),
    panZoomWallMs: interactMs,
    frames: frames.length,
    frameP50Ms: pct(frames, 50),
    frameP95Ms: pct(frames, 95),
    frameMaxMs: Math.round(Math.max(...frames)),
    framesOver50Ms: frames.filter((f) => f > 50).length,
    selectMs,
    expandToReadyMs: expandMs,
    apiCalls: served,
  };
  console.log(JSON.stringify(result, null, 2));
  fs.mkdirSync(path.join(__dirname, 'out'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'out', 'graph.json'), JSON.stringify(result, null, 2));
});

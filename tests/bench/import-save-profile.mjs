/**
 * Where the import's 应用 → saved time goes: one 10,000-row import (as `npm run bench`) of a build, with a CPU
 * profile (CDP Profiler) and a timeline trace from the 应用 click until the save state says 保存 done. Prints the
 * phases (applied frame, save started, saved), the functions with the most self and total time, and the main
 * thread's busy/idle time; writes the profile and trace next to OUT (default /tmp/import-profile).
 *
 *   npx vite build --minify false --outDir /tmp/prof && node tests/bench/import-save-profile.mjs /tmp/prof/index.html
 *
 * (BENCH_PORT, default 4191.) A tool for finding costs, not the budget's measure (`npm run bench`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium-path.mjs';
import { importFixture, seedWorkbook, readPlanRows, readyTime } from './run-bench.mjs';

const file = process.argv[2] ?? 'dist/index.html';
const OUT = process.env.OUT ?? '/tmp/import-profile';
const PORT = Number(process.env.BENCH_PORT || 4191);
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(PORT, '127.0.0.1', r));
const base = `http://127.0.0.1:${PORT}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
const page = await context.newPage();
page.on('console', (m) => m.type() === 'error' && console.log('console.error:', m.text()));
await page.goto(`${base}/`);
await readyTime(page, 'F01');
const plan = await readPlanRows(page);
const { workbook, csvBytes } = importFixture(plan);
await seedWorkbook(page, workbook);
await page.goto(`${base}/?workbook=bench-10000`);
await readyTime(page, workbook.indicators[0].code);
await page.locator('.save-state[data-state="saved"]').waitFor();
await page.getByRole('button', { name: '导入CSV' }).click();
await page.evaluate(() => {
  const t = (window.__import = { apply: 0, applied: 0, states: [] });
  document.addEventListener(
    'click',
    (e) =>
      e.target instanceof HTMLElement && e.target.textContent === '应用' && (t.apply ||= performance.now()),
    { capture: true },
  );
  const observer = new MutationObserver(() => {
    const cell = document.querySelector('.status-bar .cell-info');
    if (!t.applied && cell?.textContent?.includes('已导入'))
      requestAnimationFrame(() => (t.applied ||= performance.now()));
    const state = document.querySelector('.save-state')?.getAttribute('data-state');
    if (t.apply && state && t.states.at(-1)?.state !== state) t.states.push({ state, at: performance.now() });
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
});
await page
  .locator('.modal.import input[type="file"]')
  .setInputFiles({ name: '生成数据_10000行.csv', mimeType: 'text/csv', buffer: csvBytes });
await page.locator('.import-preview .summary').waitFor({ timeout: 120_000 });
await page.waitForTimeout(500);

const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await browser.startTracing(page, {
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'IndexedDB', 'v8'],
});
await cdp.send('Profiler.start');
await page.getByRole('button', { name: '应用', exact: true }).click();
await page.waitForFunction(
  () => {
    const t = window.__import;
    const saving = t.states.findIndex((s) => s.state === 'saving');
    return t.applied > 0 && saving >= 0 && t.states.slice(saving).some((s) => s.state === 'saved');
  },
  null,
  { polling: 100, timeout: 120_000 },
);
const savedAt = await page.evaluate(() => performance.now());
const { profile } = await cdp.send('Profiler.stop');
const traceBuf = await browser.stopTracing();
const t = await page.evaluate(() => window.__import);
const notice = await page.locator('.status-bar .cell-info').textContent();
writeFileSync(`${OUT}.cpuprofile`, JSON.stringify(profile));
writeFileSync(`${OUT}.trace.json`, traceBuf);
console.log('notice:', notice);
console.log(
  `applied ${(t.applied - t.apply).toFixed(0)} ms; states:`,
  t.states.map((s) => `${s.state}@${(s.at - t.apply).toFixed(0)}`).join(' '),
  `; polled saved @${(savedAt - t.apply).toFixed(0)}`,
);

// ---- profile summary ----
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const total = new Map();
const key = (n) =>
  `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const n = nodes.get(profile.samples[i]);
  const k = key(n);
  self.set(k, (self.get(k) ?? 0) + dt);
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) {
    const kk = key(nodes.get(id));
    if (seen.has(kk)) continue;
    seen.add(kk);
    total.set(kk, (total.get(kk) ?? 0) + dt);
  }
}
const top = (m, n) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`)
    .join('\n');
console.log('--- self time ---\n' + top(self, 40));
console.log('--- total time ---\n' + top(total, 60));

// ---- main thread: busy per task kind ----
const trace = JSON.parse(traceBuf.toString());
const names = new Map();
for (const e of trace.traceEvents)
  if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
const click = trace.traceEvents.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
let busy = 0;
let tasks = 0;
let longest = 0;
const long = [];
for (const e of trace.traceEvents) {
  if (e.name !== 'RunTask' || e.ph !== 'X' || e.ts < click.ts - 50_000) continue;
  if (!(names.get(`${e.pid}:${e.tid}`) ?? '').startsWith('CrRendererMain')) continue;
  busy += e.dur / 1000;
  tasks += 1;
  longest = Math.max(longest, e.dur / 1000);
  if (e.dur > 50_000) long.push(`${((e.ts - click.ts) / 1000).toFixed(0)}+${(e.dur / 1000).toFixed(0)}`);
}
console.log(`main thread: ${tasks} tasks, busy ${busy.toFixed(0)} ms, longest ${longest.toFixed(0)} ms`);
console.log('long tasks (start+dur ms after click):', long.join(' '));
await browser.close();
server.close();

/**
 * Where the import preview's time goes: the same 10,000-row import as `npm run bench`, traced with V8's sampling
 * profiler on every thread (the page's main thread and the import worker), from the file's `change` event to the
 * frame showing the preview complete (its first page of changed cells drawn, as `npm run bench` counts it). Prints
 * each thread's functions by self time (summed over the runs, divided by them).
 * Build without minifying to read the names:
 *
 *   npx vite build --minify false --outDir /tmp/nomin && node tests/bench/import-preview-profile.mjs /tmp/nomin/index.html 3
 *
 * (BENCH_PORT, default 4191.) A tool for finding what to cut, not the budget's measure (`npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium-path.mjs';
import {
  APP_IMPORT,
  importFixture,
  seedWorkbook,
  readPlanRows,
  readyTime,
  watchImport,
} from './run-bench.mjs';

const [appFile = 'dist/index.html', runsArg = '3', topArg = '30'] = process.argv.slice(2);
const RUNS = Number(runsArg);
const PORT = Number(process.env.BENCH_PORT || 4191);
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(readFileSync(appFile));
});
await new Promise((r) => server.listen(PORT, '127.0.0.1', r));
const base = `http://127.0.0.1:${PORT}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const ctx0 = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
const p0 = await ctx0.newPage();
await p0.goto(`${base}/app/`);
await readyTime(p0, 'F01');
const plan = await readPlanRows(p0);
await ctx0.close();
const { workbook, csvBytes } = importFixture(plan);

/** Self time (ms) by function, per thread, of the samples taken between two trace times (µs). */
function selfTimes(trace, fromTs, toTs) {
  const ev = trace.traceEvents;
  const names = new Map();
  for (const e of ev)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const profiles = new Map();
  for (const e of ev) {
    if (e.name === 'Profile') {
      const thread = names.get(`${e.pid}:${e.tid}`) ?? '?';
      profiles.set(e.id, { thread, time: e.args.data.startTime, nodes: new Map(), bySelf: new Map() });
    }
  }
  for (const e of ev) {
    if (e.name !== 'ProfileChunk') continue;
    const p = profiles.get(e.id);
    if (!p) continue;
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i += 1) {
      const prev = p.time;
      p.time += deltas[i] ?? 0;
      // A sample's time is the interval before it.
      if (p.time < fromTs || p.time > toTs) continue;
      const node = p.nodes.get(samples[i]);
      const f = node?.callFrame ?? {};
      // (The worker's script is a blob whose address changes with every run: the line says where.)
      const file = (f.url ?? '').startsWith('blob:') ? 'worker' : (f.url ?? '').split('/').pop();
      const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber ?? ''}`;
      p.bySelf.set(key, (p.bySelf.get(key) ?? 0) + (p.time - prev) / 1000);
    }
  }
  const threads = {};
  // What the main thread does outside JavaScript (style, layout, paint): top-level timeline events by name.
  const rendering = new Map();
  for (const e of ev) {
    if (e.ph !== 'X' || e.ts < fromTs || e.ts > toTs) continue;
    if (!(names.get(`${e.pid}:${e.tid}`) ?? '').startsWith('CrRendererMain')) continue;
    if (
      ![
        'UpdateLayoutTree',
        'Layout',
        'Paint',
        'PrePaint',
        'Layerize',
        'HitTest',
        'ParseHTML',
        'Commit',
      ].includes(e.name)
    )
      continue;
    rendering.set(`[${e.name}]`, (rendering.get(`[${e.name}]`) ?? 0) + (e.dur ?? 0) / 1000);
  }
  threads['main rendering (timeline events, wall)'] = rendering;
  // The main thread's tasks and what each is, by its first child event's name (thread CPU time).
  const tasks = new Map();
  const mainEvents = ev.filter(
    (e) =>
      e.ph === 'X' &&
      (names.get(`${e.pid}:${e.tid}`) ?? '').startsWith('CrRendererMain') &&
      e.ts >= fromTs &&
      e.ts <= toTs,
  );
  for (const task of mainEvents) {
    if (task.name !== 'RunTask') continue;
    const end = task.ts + task.dur;
    const inner = mainEvents.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
    const label = inner
      .filter((e) => (e.tdur ?? 0) >= 1000 || (task.tdur ?? 0) < 1000)
      .slice(0, 4)
      .map(
        (e) =>
          `${e.name}${e.args?.data?.type ? `(${e.args.data.type})` : ''}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''}:${((e.tdur ?? 0) / 1000).toFixed(0)}`,
      )
      .join(' > ');
    const src = task.args?.src_func ? ` {${task.args.src_file?.split('/').pop()}:${task.args.src_func}}` : '';
    const key = `[task]${src} ${(task.tdur ?? 0) < 1000 ? 'short: ' + label.replace(/:\d+/g, '') : label}`;
    tasks.set(key, (tasks.get(key) ?? 0) + (task.tdur ?? 0) / 1000);
  }
  threads['main tasks (thread CPU)'] = tasks;
  for (const p of profiles.values()) {
    const k = p.thread.startsWith('CrRendererMain')
      ? 'main'
      : p.thread.startsWith('DedicatedWorker')
        ? 'worker'
        : null;
    if (!k) continue;
    const t = (threads[k] ??= new Map());
    for (const [key, ms] of p.bySelf) t.set(key, (t.get(key) ?? 0) + ms);
  }
  return threads;
}

const totals = {};
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${base}/app/`);
  await readyTime(page, 'F01');
  await seedWorkbook(page, workbook);
  await page.goto(`${base}/app/?workbook=bench-10000`);
  await readyTime(page, workbook.indicators[0].code);
  await page.locator('.save-state[data-state="saved"]').waitFor();
  await page.getByRole('button', { name: '导入CSV' }).click();
  // As run-bench.mjs times it: the summary's frame, and the complete preview (its first page of changed cells).
  await watchImport(page, APP_IMPORT);
  await page.waitForTimeout(Number(process.env.BENCH_CHOOSE_MS ?? 1500));
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-v8.cpu_profiler',
      'v8',
    ],
  });
  await page
    .locator('.modal.import input[type="file"]')
    .setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: csvBytes });
  await page.waitForFunction(() => window.__import.preview > 0, null, { polling: 'raf', timeout: 120000 });
  await page.waitForTimeout(100);
  const traceText = (await browser.stopTracing()).toString();
  if (process.env.TRACE_OUT) (await import('node:fs')).writeFileSync(process.env.TRACE_OUT, traceText);
  const trace = JSON.parse(traceText);
  const t = await page.evaluate(() => window.__import);
  const change = trace.traceEvents.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'change');
  const toTs = change.ts + (t.preview - t.change) * 1000;
  console.log(
    `run ${i + 1}: summary ${(t.summary - t.change).toFixed(0)} ms, preview complete ${(t.preview - t.change).toFixed(0)} ms`,
  );
  for (const [thread, fns] of Object.entries(selfTimes(trace, change.ts, toTs))) {
    const into = (totals[thread] ??= new Map());
    for (const [key, ms] of fns) into.set(key, (into.get(key) ?? 0) + ms);
  }
  await context.close();
}
for (const [thread, fns] of Object.entries(totals)) {
  const sorted = [...fns].sort((a, b) => b[1] - a[1]);
  const sum = sorted.reduce((n, [, ms]) => n + ms, 0) / RUNS;
  console.log(`\n${thread}: ${sum.toFixed(0)} ms sampled (per run), top by self time:`);
  for (const [key, ms] of sorted.slice(0, Number(topArg)))
    console.log(`${(ms / RUNS).toFixed(1).padStart(8)}  ${key}`);
}
await browser.close();
server.close();

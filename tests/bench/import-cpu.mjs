/**
 * A/B of the import's cost as CPU time, for a shared machine where wall times spread by 2× (other processes take
 * the cores): the same 10,000-row import as `npm run bench`, but each run is traced (Chromium's timeline) and what
 * is reported beside the wall time is the thread CPU time of the page's main thread and of the import worker from
 * the file's `change` event to the frame showing the preview, and from the 应用 click to the frame showing it
 * applied, and to the save state 已保存 after it (rows and history written to IndexedDB: the main thread's part;
 * the wall time also holds IndexedDB's own work in the browser process). Builds are served side by side and run
 * alternately:
 *
 *   node tests/bench/import-cpu.mjs ROUNDS before=/tmp/before/index.html after=dist/index.html
 *
 * (BENCH_PORT, default 4191.) A tool for comparing two builds, not the budget's measure (`npm run bench`).
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

const [rounds, ...pairs] = process.argv.slice(2);
const files = Object.fromEntries(pairs.map((p) => p.split('=')));
const PORT = Number(process.env.BENCH_PORT || 4191);
const server = createServer((req, res) => {
  const label = new URL(req.url, 'http://x').pathname.split('/')[1];
  const file = files[label];
  if (!file) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(PORT, '127.0.0.1', r));
const base = `http://127.0.0.1:${PORT}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const first = Object.keys(files)[0];
const ctx0 = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
const p0 = await ctx0.newPage();
await p0.goto(`${base}/${first}/`);
await readyTime(p0, 'F01');
const plan = await readPlanRows(p0);
await ctx0.close();
const { workbook, csvBytes } = importFixture(plan);

/**
 * CPU time of the main thread and the import worker: tasks that start between the event and `toTs`, plus the
 * event's own dispatch (the task it runs in began earlier, with the test runner's input).
 */
function cpuOf(trace, fromEvent, toTs) {
  const fromTs = fromEvent.ts;
  const ev = trace.traceEvents;
  const names = new Map();
  for (const e of ev)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const sums = {};
  for (const e of ev) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.ts < fromTs || e.ts > toTs) continue;
    const n = names.get(`${e.pid}:${e.tid}`) ?? '?';
    const k = n.startsWith('CrRendererMain') ? 'main' : n.startsWith('DedicatedWorker') ? 'worker' : null;
    if (!k) continue;
    sums[k] = (sums[k] ?? 0) + (e.tdur ?? 0) / 1000;
  }
  sums.main = (sums.main ?? 0) + (fromEvent.tdur ?? 0) / 1000;
  // The main thread's garbage collections in the window (part of its CPU time): a scavenge's cost is what is
  // still alive, so where one falls moves the figures by tens of ms.
  sums.gc = 0;
  for (const e of ev) {
    if ((e.name !== 'MinorGC' && e.name !== 'MajorGC') || e.ph !== 'X' || e.ts < fromTs || e.ts > toTs)
      continue;
    if ((names.get(`${e.pid}:${e.tid}`) ?? '').startsWith('CrRendererMain')) sums.gc += (e.dur ?? 0) / 1000;
  }
  return sums;
}
const results = {};
for (let i = 0; i < Number(rounds); i++) {
  for (const label of Object.keys(files)) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/${label}/`);
    await readyTime(page, 'F01');
    await seedWorkbook(page, workbook);
    await page.goto(`${base}/${label}/?workbook=bench-10000`);
    await readyTime(page, workbook.indicators[0].code);
    await page.locator('.save-state[data-state="saved"]').waitFor();
    await page.getByRole('button', { name: '导入CSV' }).click();
    // The same timing as run-bench's (change, the summary's frame, 应用, the 已导入 frame); the summary's frame is
    // this tool's "preview".
    await watchImport(page, APP_IMPORT);
    await page.evaluate(() => {
      const t = window.__import;
      let sawSaving = false;
      // The save after 应用: the first 已保存 after the state went to 保存中.
      new MutationObserver(() => {
        const state = document.querySelector('.save-state')?.getAttribute('data-state');
        if (!t.apply) return;
        if (state === 'saving') sawSaving = true;
        else if (state === 'saved' && sawSaving) t.saved ||= performance.now();
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    // As long as a clerk needs to choose the file (run-bench's BENCH_CHOOSE_MS).
    await page.waitForTimeout(Number(process.env.BENCH_CHOOSE_MS ?? 1500));
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
    });
    await page
      .locator('.modal.import input[type="file"]')
      .setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: csvBytes });
    await page.waitForFunction(() => window.__import.summary > 0, null, { polling: 'raf', timeout: 120000 });
    await page.waitForTimeout(200);
    await page.getByRole('button', { name: '应用', exact: true }).click();
    await page.waitForFunction(() => window.__import.applied > 0, null, { polling: 'raf', timeout: 120000 });
    await page.waitForFunction(() => window.__import.saved > 0, null, { polling: 100, timeout: 120000 });
    const buf = await browser.stopTracing();
    const t = await page.evaluate(() => window.__import);
    const trace = JSON.parse(buf.toString());
    // Trace times are µs on another origin: the page's times are placed from the change and click events.
    const changeEvent = trace.traceEvents.find(
      (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'change',
    );
    const clk = trace.traceEvents.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
    const toTs = (ms, refEvent, refMs) => refEvent.ts + (ms - refMs) * 1000;
    const prevCpu = cpuOf(trace, changeEvent, toTs(t.summary, changeEvent, t.change));
    const applyCpu = cpuOf(trace, clk, toTs(t.applied, clk, t.apply));
    const saveCpu = cpuOf(trace, clk, toTs(t.saved, clk, t.apply));
    const r = {
      preview: t.summary - t.change,
      apply: t.applied - t.apply,
      prevMain: prevCpu.main ?? 0,
      prevWorker: prevCpu.worker ?? 0,
      applyMain: applyCpu.main ?? 0,
      applyGc: applyCpu.gc,
      saved: t.saved - t.apply,
      savedMain: saveCpu.main ?? 0,
    };
    (results[label] ??= []).push(r);
    console.log(
      `${label} #${i + 1}: wall preview ${r.preview.toFixed(0)} apply ${r.apply.toFixed(0)} | cpu preview main ${r.prevMain.toFixed(0)} worker ${r.prevWorker.toFixed(0)} | cpu apply main ${r.applyMain.toFixed(0)} (gc ${r.applyGc.toFixed(0)}) | wall saved ${r.saved.toFixed(0)} cpu main ${r.savedMain.toFixed(0)}`,
    );
    await context.close();
  }
}
const med = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
for (const [label, runs] of Object.entries(results)) {
  const f = (k) =>
    `${med(runs.map((r) => r[k])).toFixed(0)} [${Math.min(...runs.map((r) => r[k])).toFixed(0)}–${Math.max(...runs.map((r) => r[k])).toFixed(0)}]`;
  console.log(
    `${label}: wall preview ${f('preview')} apply ${f('apply')} | cpu preview main ${f('prevMain')} worker ${f('prevWorker')} | cpu apply main ${f('applyMain')} (gc ${f('applyGc')}) | wall saved ${f('saved')} cpu main ${f('savedMain')}`,
  );
}
await browser.close();
server.close();

// `npm run bench`: the app's performance budgets, measured in headless Chromium against the built single file
// (dist/index.html) and a bare Handsontable + HyperFormula floor page (dist-bench/floor/index.html).
//
// Prints a table (median of BENCH_RUNS runs, default 5) and writes the same figures to
// bench-results/bench.json. Both pages are served by a small static server on 127.0.0.1:BENCH_PORT (4190).
// All workbook values used here are GENERATED (not real statistics).
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Papa from 'papaparse';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium-path.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The units the app counts one by one (whole numbers, or its import refuses them): the app's own list. */
const COUNT_UNITS = JSON.parse(readFileSync(path.join(root, 'src/model/count-units.json'), 'utf8'));
const RUNS = Number(process.env.BENCH_RUNS || 5);
const PORT = Number(process.env.BENCH_PORT || 4190);
const ONLY = (process.env.BENCH_ONLY || 'cold,scale,import,size').split(',');
const APP_FILE = process.env.BENCH_APP_FILE || path.join(root, 'dist/index.html');
const FLOOR_FILE = path.join(root, 'dist-bench/floor/index.html');
const PAPA_FILE = path.join(root, 'node_modules/papaparse/papaparse.min.js');
const DB_NAME = 'lanxi-children-plan-workbook';
const PLAN_ID = 'lanxi-children-2021-2025';
const VIEWPORT = { width: 1920, height: 1080 };
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const VALUE_YEARS = [2020, 2021, 2022, 2023, 2024];
/**
 * How long after the import dialog opens the file is chosen: a clerk needs at least this long in the system's file
 * dialog (click 选择文件…, find the department's file, open it). The time counted starts when the file is chosen.
 * BENCH_CHOOSE_MS=0 chooses it at once, as the bench did until 2026-11-30.
 */
const CHOOSE_MS = Number(process.env.BENCH_CHOOSE_MS ?? 1500);

const BUDGETS = {
  coldRatio: 1.3,
  openMs: 3000,
  editMs: 100,
  importRatio: 3,
  gzipKB: 700,
};

// ---------- helpers ----------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
const mb = (bytes) => round(bytes / 1024 / 1024, 1);

export function serve() {
  const files = { '/app/': APP_FILE, '/floor/': FLOOR_FILE };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${PORT}`);
    const file = files[url.pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, '127.0.0.1', () => resolve(server));
  });
}

/** A deterministic pseudo-random sequence (generated values must be the same on every run). */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Generated values (NOT real statistics) that fit the row's unit: rates in range, counts whole numbers. */
function generatedValues(indicator, rand) {
  const unit = indicator.unit.trim();
  const target = typeof indicator.target.value === 'number' ? indicator.target.value : 50;
  const count = COUNT_UNITS.includes(unit);
  const values = {};
  let level = target * (0.8 + rand() * 0.3);
  for (const year of VALUE_YEARS) {
    level *= 0.95 + rand() * 0.1;
    let value = count ? Math.max(0, Math.round(level)) : Math.round(level * 100) / 100;
    if (unit === '%') value = Math.min(100, Math.max(0, value));
    if (unit === '‰') value = Math.min(1000, Math.max(0, value));
    values[year] = value;
  }
  return values;
}

/** `counties` × the first `perCounty` indicators of the plan, cut at `total` rows; codes K00F01 … */
export function generatedWorkbook(plan, id, title, total, perCounty, withValues) {
  const rand = random(20261128);
  const indicators = [];
  for (let county = 0; indicators.length < total; county += 1) {
    for (const base of plan.slice(0, perCounty)) {
      if (indicators.length >= total) break;
      const indicator = { ...base };
      delete indicator.workbookId;
      delete indicator.order;
      indicators.push({
        ...indicator,
        code: `K${String(county).padStart(3, '0')}${base.code}`,
        name: `${base.name}（生成县${county + 1}）`,
        values: withValues ? generatedValues(base, rand) : {},
      });
    }
  }
  const now = '2026-11-28T00:00:00.000Z';
  return {
    record: { id, title, baseYear: 2020, targetYear: 2025, isSample: false, createdAt: now, updatedAt: now },
    indicators,
  };
}

/** The app's own export format (src/io/csv-export.ts): UTF-8 with BOM, CRLF, Chinese headers. */
export function exportCsv(indicators) {
  const kindLabel = {
    upper: '上限',
    lower: '下限',
    around: '左右',
    full: '全覆盖',
    count: '数量',
    'yearly-change': '逐年变化',
    direction: '方向性',
  };
  const header = ['代码', '领域', '条款', '指标名称', '单位', '目标类型', '比较', '规划表述', '目标值'];
  header.push('每年变化', '基期年', '目标年', '责任单位', ...YEARS.map((y) => `${y}年`), '备注', '规划原文');
  const rows = indicators.map((r) => [
    r.code,
    r.area,
    r.clause,
    r.name,
    r.unit,
    kindLabel[r.target.kind] ?? '',
    r.target.comparator,
    r.target.wording,
    r.target.value,
    r.target.yearlyStep ?? null,
    r.baseYear,
    r.targetYear,
    r.department,
    ...YEARS.map((y) => r.values[y] ?? null),
    r.note ?? '',
    r.source,
  ]);
  return '\uFEFF' + Papa.unparse([header, ...rows], { newline: '\r\n', quotes: false });
}

/** Writes a workbook into the app's IndexedDB (schema v2, src/store/database.ts) from inside the page. */
/**
 * The import's fixture, shared by the bench and the import profiling scripts: a generated 10,000-row workbook
 * without figures, and the CSV (UTF-8, the app's export format) giving all of them.
 */
export function importFixture(plan) {
  const workbook = generatedWorkbook(
    plan,
    'bench-10000',
    '性能测试：10000行（生成数据，非真实统计）',
    10_000,
    65,
    false,
  );
  const filled = generatedWorkbook(plan, 'bench-10000', '', 10_000, 65, true);
  return { workbook, csvBytes: Buffer.from(exportCsv(filled.indicators), 'utf-8') };
}

export async function seedWorkbook(page, workbook) {
  await page.evaluate(
    async ({ dbName, record, indicators }) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise((resolve, reject) => {
        const tx = db.transaction(['workbooks', 'rows'], 'readwrite');
        tx.objectStore('workbooks').put(record);
        const rows = tx.objectStore('rows');
        indicators.forEach((indicator, order) => rows.put({ ...indicator, workbookId: record.id, order }));
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { dbName: DB_NAME, ...workbook },
  );
}

export async function readPlanRows(page) {
  return page.evaluate(
    async ({ dbName, planId }) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows = await new Promise((resolve, reject) => {
        const request = db.transaction('rows').objectStore('rows').index('workbookId').getAll(planId);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return rows.sort((a, b) => a.order - b.order);
    },
    { dbName: DB_NAME, planId: PLAN_ID },
  );
}

/** Milliseconds from navigation start to the page's 'workbook-ready' mark, once a first-row code is drawn. */
export async function readyTime(page, code) {
  await page.waitForFunction(
    (c) =>
      performance.getEntriesByName('workbook-ready').length > 0 &&
      [...document.querySelectorAll('.ht_clone_inline_start tbody td')].some((td) => td.textContent === c),
    code,
    { timeout: 60_000 },
  );
  return page.evaluate(() => performance.getEntriesByName('workbook-ready')[0].startTime);
}

/** Peak JS heap: performance.memory.usedJSHeapSize (Chromium with --enable-precise-memory-info), sampled in
 * the page every 20 ms and at every frame the bench polls; a peak inside one long task is not seen. */
const HEAP_SAMPLER = `
  window.__heapPeak = 0;
  window.__sampleHeap = () => {
    const m = performance.memory;
    if (m && m.usedJSHeapSize > window.__heapPeak) window.__heapPeak = m.usedJSHeapSize;
  };
  setInterval(window.__sampleHeap, 20);
`;

async function newContext(browser, heap = false) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  if (heap) await context.addInitScript(HEAP_SAMPLER);
  return context;
}

function watchErrors(page, errors) {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
}

// ---------- 1. cold start ----------

async function coldStart(browser, url, code) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(url);
  const ms = await readyTime(page, code);
  await context.close();
  return ms;
}

/**
 * In the page: the aria-colindex of the body cells under the header of that title. Not the header's own
 * aria-colindex: Handsontable numbers header cells from the first one it draws, which moved when a third column
 * was frozen (and the edit then went into 2023年 and its watch never saw the projection change).
 */
function columnUnder(title) {
  const th = [...document.querySelectorAll('.ht_master thead th')].find(
    (h) => h.textContent?.trim() === title,
  );
  const box = th?.getBoundingClientRect();
  if (!box) return NaN;
  const x = box.left + box.width / 2;
  const td = [...document.querySelectorAll('.ht_master tbody tr:first-child td')].find((d) => {
    const r = d.getBoundingClientRect();
    return r.left <= x && x < r.right;
  });
  return Number(td?.getAttribute('aria-colindex'));
}

// ---------- 2. scale: open 5,000 rows, one edit ----------

async function scaleRun(browser, base, workbook, errors) {
  const context = await newContext(browser, true);
  const page = await context.newPage();
  watchErrors(page, errors);
  await page.goto(`${base}/app/`);
  await readyTime(page, 'F01');
  await seedWorkbook(page, workbook);
  await page.evaluate(() => (window.__heapPeak = 0));
  await page.goto(`${base}/app/?workbook=${workbook.record.id}`);
  const first = workbook.indicators[0];
  const openMs = await readyTime(page, first.code);
  await page.locator('.save-state[data-state="saved"]').waitFor();

  // The first row's 2024 cell, its projection and its status.
  const where = {
    year: await page.evaluate(columnUnder, '2024年'),
    projection: await page.evaluate(columnUnder, '预测2025年'),
    status: await page.evaluate(columnUnder, '状态'),
  };
  const rowIndex = await page
    .locator('.ht_clone_inline_start tbody tr', { hasText: first.code })
    .first()
    .getAttribute('aria-rowindex');
  const cell = (colindex) =>
    `.ht_master tbody tr[aria-rowindex="${rowIndex}"] td[aria-colindex="${colindex}"]`;
  const before = await page.evaluate(
    ([p, s]) => [document.querySelector(p)?.textContent, document.querySelector(s)?.textContent],
    [cell(where.projection), cell(where.status)],
  );
  await page.locator(cell(where.year)).click();
  await page.keyboard.press('Enter');
  const editor = page.locator('textarea.handsontableInput:focus');
  await editor.waitFor();
  const typed = String(Number(first.values[2024] ?? 0) + 7);
  await editor.fill(typed);

  // Timestamps inside the page: Enter pressed, first frame with the new projection, save states.
  await page.evaluate(
    ([p, old]) => {
      const t = (window.__edit = { enter: 0, rendered: 0, saving: 0, saved: 0 });
      // The first frame after Enter whose projection cell shows the new value, watched from inside the page.
      const watch = () =>
        requestAnimationFrame(() =>
          document.querySelector(p)?.textContent !== old ? (t.rendered ||= performance.now()) : watch(),
        );
      window.addEventListener(
        'keydown',
        (e) => {
          if (e.key !== 'Enter' || t.enter) return;
          t.enter = performance.now();
          watch();
        },
        { capture: true },
      );
    },
    [cell(where.projection), before[0]],
  );
  await page.evaluate(() => {
    const t = window.__edit;
    const state = document.querySelector('.save-state');
    new MutationObserver(() => {
      const s = state.getAttribute('data-state');
      if (!t.enter) return;
      if (s === 'saving' && !t.saving) t.saving = performance.now();
      if (s === 'saved' && t.saving && !t.saved) t.saved = performance.now();
    }).observe(state, { attributes: true });
  });
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => {
      window.__sampleHeap?.();
      return window.__edit.rendered > 0;
    },
    null,
    { polling: 'raf', timeout: 30_000 },
  );
  await page.waitForFunction(() => window.__edit.saved > 0, null, { timeout: 30_000 });
  const after = await page.evaluate(
    ([p, s]) => [document.querySelector(p)?.textContent, document.querySelector(s)?.textContent],
    [cell(where.projection), cell(where.status)],
  );
  const t = await page.evaluate(() => window.__edit);
  const heap = await page.evaluate(() => (window.__sampleHeap(), window.__heapPeak));
  const { searchMs, summaryMs, searchHits } = await interactions(page);
  await context.close();
  return {
    openMs,
    searchMs,
    summaryMs,
    editRenderedMs: t.rendered - t.enter,
    saveWriteMs: t.saved - t.saving,
    editToSavedMs: t.saved - t.enter,
    editProcessingMs: t.rendered - t.enter + (t.saved - t.saving),
    heapPeak: heap,
    check: { typed, before, after, searchHits },
  };
}

/**
 * Two things a clerk does on a large workbook, outside the budgets: searching (typing 死亡率 into 搜索: every
 * cell is searched, the first hit selected and the hits marked) and opening 预警汇总 (the per-area counts and the
 * rows to watch). Each from the event to the first frame after it; both run synchronously in the event.
 */
async function interactions(page) {
  await page.waitForTimeout(300);
  const search = await page.evaluate(async () => {
    const input = document.querySelector('input[type="search"]');
    const t0 = performance.now();
    input.value = '死亡率';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return { ms: performance.now() - t0, hits: document.querySelector('.hits')?.textContent ?? '' };
  });
  await page.waitForTimeout(300);
  const summaryMs = await page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === '预警汇总');
    const t0 = performance.now();
    button.click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (!document.querySelector('.summary-panel')) throw new Error('预警汇总 did not open');
    return performance.now() - t0;
  });
  return { searchMs: search.ms, summaryMs, searchHits: search.hits };
}

/**
 * The same 5,000 rows in the floor page (bare Handsontable + HyperFormula, same columns and formulas): time to
 * open, and time from Enter to the new projection on screen. The floor page is visited once first, as the app is.
 */
async function floorScaleRun(browser, base) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${base}/floor/`);
  await readyTime(page, 'F01');
  await page.goto(`${base}/floor/?rows=5000`);
  const openMs = await readyTime(page, 'K000F01');
  const year = await page.evaluate(columnUnder, '2021年');
  const rowIndex = await page
    .locator('.ht_clone_inline_start tbody tr', { hasText: 'K000F01' })
    .first()
    .getAttribute('aria-rowindex');
  // The projection is read from the grid: the floor draws fewer columns at first than the app, so its
  // 预测 column may be out of view. Any year cell has the same three dependents (projection, gap, status).
  const projection = () =>
    page.evaluate(() => {
      const hot = window.floorHot;
      const col = hot.getColHeader().indexOf('预测2025年');
      return String(hot.getDataAtCell(0, col));
    });
  const before = await projection();
  await page.locator(`.ht_master tbody tr[aria-rowindex="${rowIndex}"] td[aria-colindex="${year}"]`).click();
  await page.keyboard.press('Enter');
  await page.locator('textarea.handsontableInput:focus').fill('77');
  await page.evaluate((old) => {
    window.__edit = { enter: 0, rendered: 0 };
    const changed = () => {
      const hot = window.floorHot;
      return String(hot.getDataAtCell(0, hot.getColHeader().indexOf('预测2025年'))) !== old;
    };
    // From inside the page, as for the app: the first frame after Enter in which the projection has changed.
    const watch = () =>
      requestAnimationFrame(() => (changed() ? (window.__edit.rendered ||= performance.now()) : watch()));
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Enter' || window.__edit.enter) return;
        window.__edit.enter = performance.now();
        watch();
      },
      { capture: true },
    );
  }, before);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__edit.rendered > 0, null, { polling: 'raf', timeout: 30_000 });
  const t = await page.evaluate(() => window.__edit);
  await context.close();
  return { openMs, editRenderedMs: t.rendered - t.enter };
}

// ---------- 3. import 10,000 rows ----------

/**
 * The file as the clerk chooses it: a file on disk, which the browser reads when asked. (Given as a buffer,
 * Playwright builds the File inside the page from a base64 string: megabytes of the page's own heap, collected
 * by a major GC on the main thread just as the import starts, which a clerk's file does not cost.)
 */
function importFileOnDisk(csvBytes) {
  if (process.env.BENCH_IMPORT_FROM === 'buffer')
    return { name: '生成数据_10000行.csv', mimeType: 'text/csv', buffer: csvBytes };
  const dir = path.join(os.tmpdir(), `bench-import-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '生成数据_10000行.csv');
  writeFileSync(file, csvBytes);
  return file;
}

/** Where the app's import shows its summary, its changed cells and, once applied, its notice. */
export const APP_IMPORT = {
  summary: '.import-preview .summary',
  previewRows: '.import-preview table[aria-label="将修改的单元格"] tbody tr',
  notice: '.status-bar .cell-info',
};

/**
 * Times an import from inside the page, so that they do not depend on when the test runner next polls: the file
 * input's change, the first frame showing the summary (when there is one) and the one showing the first page of
 * changed cells (200 rows), the 应用 click, the first frame whose notice says 已导入, and the longest main-thread
 * task from 应用 on (how long the page may not answer a key or a click). In `window.__import`.
 */
export async function watchImport(page, selectors) {
  await page.evaluate(({ summary, previewRows, notice }) => {
    const t = (window.__import = {
      change: 0,
      summary: 0,
      preview: 0,
      apply: 0,
      applied: 0,
      saved: 0,
      longest: 0,
    });
    new PerformanceObserver((list) => {
      for (const task of list.getEntries())
        if (t.apply && task.startTime + task.duration >= t.apply)
          t.longest = Math.max(t.longest, task.duration);
    }).observe({ type: 'longtask' });
    document.addEventListener('change', () => (t.change ||= performance.now()), { capture: true });
    document.addEventListener(
      'click',
      (e) =>
        e.target instanceof HTMLElement && e.target.textContent === '应用' && (t.apply ||= performance.now()),
      { capture: true },
    );
    const frameOnce = (key, ready) => {
      const observer = new MutationObserver(() => {
        if (!ready()) return;
        observer.disconnect();
        requestAnimationFrame(() => (t[key] ||= performance.now()));
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    };
    if (summary) frameOnce('summary', () => document.querySelector(summary) !== null);
    frameOnce('preview', () => document.querySelectorAll(previewRows).length >= 200);
    frameOnce('applied', () => document.querySelector(notice)?.textContent?.includes('已导入') === true);
  }, selectors);
}

async function importRun(browser, base, workbook, csvBytes, errors) {
  const chosenFile = importFileOnDisk(csvBytes);
  const context = await newContext(browser, true);
  const page = await context.newPage();
  watchErrors(page, errors);
  await page.goto(`${base}/app/`);
  await readyTime(page, 'F01');
  await seedWorkbook(page, workbook);
  await page.goto(`${base}/app/?workbook=${workbook.record.id}`);
  await readyTime(page, workbook.indicators[0].code);
  await page.locator('.save-state[data-state="saved"]').waitFor();

  // PapaParse alone on the same bytes, in the same page: decode (TextDecoder) + Papa.parse.
  await page.addScriptTag({ path: PAPA_FILE });
  // Three times (a first, cold parse is often slower); the median counts.
  const papa = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const runs = [];
    let rows = 0;
    for (let i = 0; i < 3; i += 1) {
      const t0 = performance.now();
      const text = new TextDecoder('utf-8').decode(bytes);
      const t1 = performance.now();
      rows = window.Papa.parse(text).data.length;
      runs.push({ decodeMs: t1 - t0, parseMs: performance.now() - t1 });
    }
    runs.sort((a, b) => a.parseMs - b.parseMs);
    return { ...runs[1], rows };
  }, csvBytes.toString('base64'));

  await page.evaluate(() => (window.__heapPeak = 0));
  await page.getByRole('button', { name: '导入CSV' }).click();
  const input = page.locator('.modal.import input[type="file"]');
  // The summary shows first; the preview is complete when its first page of changed cells is drawn (the preview
  // draws the top of each list in its first frame and the rest of the page just after): the budget counts the
  // complete preview.
  await watchImport(page, APP_IMPORT);
  await page.waitForTimeout(CHOOSE_MS);
  await input.setInputFiles(chosenFile);
  await page.waitForFunction(
    () => {
      window.__sampleHeap?.();
      return window.__import.preview > 0;
    },
    null,
    { polling: 'raf', timeout: 120_000 },
  );
  const summary = await page.locator('.import-preview .summary').textContent();
  await page.getByRole('button', { name: '应用', exact: true }).click();
  await page.waitForFunction(
    () => {
      window.__sampleHeap?.();
      return window.__import.applied > 0;
    },
    null,
    { polling: 'raf', timeout: 120_000 },
  );
  const notice = await page.locator('.status-bar .cell-info').textContent();
  await page.locator('.save-state[data-state="saved"]').waitFor({ timeout: 120_000 });
  await page.evaluate(() => (window.__import.saved = performance.now()));
  // Long tasks are reported a moment after they end.
  await page.waitForTimeout(100);
  const t = await page.evaluate(() => window.__import);
  const heap = await page.evaluate(() => (window.__sampleHeap(), window.__heapPeak));
  // For context (not the budget): PapaParse given the same file as a File, chosen in a file input as the clerk
  // chooses it, which reads and decodes it too (Papa.parse(file)), as the app's import starts from the File. After
  // the import, so that what it leaves is not counted in the import's heap.
  await page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'papa-file' });
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator('#papa-file').setInputFiles(chosenFile);
  const papaFileMs = await page.evaluate(async () => {
    const file = document.getElementById('papa-file').files[0];
    const runs = [];
    for (let i = 0; i < 3; i += 1) {
      const t0 = performance.now();
      await new Promise((complete, error) => window.Papa.parse(file, { complete, error }));
      runs.push(performance.now() - t0);
    }
    return runs.sort((a, b) => a - b)[1];
  });
  await context.close();
  const previewMs = t.preview - t.change;
  const summaryMs = t.summary - t.change;
  const applyMs = t.applied - t.apply;
  return {
    previewMs,
    summaryMs,
    applyMs,
    totalMs: previewMs + applyMs,
    savedMs: t.saved - t.apply,
    longestTaskMs: t.longest,
    papaParseMs: papa.parseMs,
    papaDecodeParseMs: papa.decodeMs + papa.parseMs,
    papaFileMs,
    heapPeak: heap,
    check: { papaRows: papa.rows, summary: summary?.replace(/\s+/g, ' '), notice },
  };
}

/**
 * The import's floor (tests/bench/floor/floor-import.ts): the same rows, the same file chosen from disk, PapaParse
 * reading it, the first 200 changed cells drawn, and on 应用 the figures written into a bare Handsontable grid —
 * no checks, no messages, no undo, no storage, no formulas. Timed as the app's import is: file chosen → preview
 * drawn, 应用 → the frame showing 已导入. What any import with a preview costs on this stack, at least.
 */
async function floorImportRun(browser, base, workbook, csvBytes) {
  const chosenFile = importFileOnDisk(csvBytes);
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${base}/floor/?import`);
  await page.waitForFunction(() => typeof window.floorImport === 'function');
  await page.evaluate((rows) => window.floorImport(rows), workbook.indicators);
  await page.locator('.handsontable td').first().waitFor();
  await watchImport(page, { previewRows: '#floor-preview tbody tr', notice: '#floor-status' });
  await page.waitForTimeout(CHOOSE_MS);
  await page.locator('.floor-import input[type="file"]').setInputFiles(chosenFile);
  await page.waitForFunction(() => window.__import.preview > 0, null, { polling: 'raf', timeout: 120_000 });
  const summary = await page.locator('.floor-import .summary').textContent();
  await page.getByRole('button', { name: '应用', exact: true }).click();
  await page.waitForFunction(() => window.__import.applied > 0, null, { polling: 'raf', timeout: 120_000 });
  const t = await page.evaluate(() => window.__import);
  const notice = await page.locator('#floor-status').textContent();
  await context.close();
  return {
    previewMs: t.preview - t.change,
    applyMs: t.applied - t.apply,
    totalMs: t.preview - t.change + (t.applied - t.apply),
    check: { summary, notice },
  };
}

// ---------- main ----------

async function main() {
  for (const file of [APP_FILE, FLOOR_FILE]) statSync(file); // fails early with the path when not built
  const server = await serve();
  const base = `http://127.0.0.1:${PORT}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--enable-precise-memory-info'],
  });
  const errors = [];
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      node: process.version,
      chromium: browser.version(),
      platform: `${os.type()} ${os.release()}`,
    },
    runs: RUNS,
    command: 'npm run bench',
    heapMethod:
      'performance.memory.usedJSHeapSize with --enable-precise-memory-info, sampled every 20 ms and every frame',
    budgets: BUDGETS,
  };
  const log = (...a) => console.error('[bench]', ...a);
  try {
    // Plan rows as the app stores them, for generating the large workbooks.
    const setup = await newContext(browser);
    const setupPage = await setup.newPage();
    await setupPage.goto(`${base}/app/`);
    await readyTime(setupPage, 'F01');
    const plan = await readPlanRows(setupPage);
    await setup.close();
    if (plan.length !== 65) throw new Error(`expected the plan's 65 rows, got ${plan.length}`);

    if (ONLY.includes('cold')) {
      // One warm-up of each (file cache, Chromium's own start-up), not counted; then alternate app and floor.
      await coldStart(browser, `${base}/app/`, 'F01');
      await coldStart(browser, `${base}/floor/`, 'F01');
      const app = [];
      const floor = [];
      for (let i = 0; i < RUNS; i += 1) {
        app.push(await coldStart(browser, `${base}/app/`, 'F01'));
        floor.push(await coldStart(browser, `${base}/floor/`, 'F01'));
        log(`cold ${i + 1}/${RUNS}: app ${round(app[i])} ms, floor ${round(floor[i])} ms`);
      }
      results.cold = {
        appMs: median(app),
        floorMs: median(floor),
        ratio: median(app) / median(floor),
        app,
        floor,
      };
    }

    if (ONLY.includes('scale')) {
      const workbook = generatedWorkbook(
        plan,
        'bench-5000',
        '性能测试：5000行（生成数据，非真实统计）',
        5000,
        55,
        true,
      );
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) {
        runs.push(await scaleRun(browser, base, workbook, errors));
        const r = runs[i];
        log(
          `scale ${i + 1}/${RUNS}: open ${round(r.openMs)} ms, edit→shown ${round(r.editRenderedMs)} ms, ` +
            `write ${round(r.saveWriteMs)} ms, edit→saved ${round(r.editToSavedMs)} ms, ` +
            `search ${round(r.searchMs)} ms, 预警汇总 ${round(r.summaryMs)} ms, heap ${mb(r.heapPeak)} MB`,
          JSON.stringify(r.check),
        );
      }
      const floorRuns = [];
      for (let i = 0; i < RUNS; i += 1) {
        floorRuns.push(await floorScaleRun(browser, base));
        log(
          `floor 5000 ${i + 1}/${RUNS}: open ${round(floorRuns[i].openMs)} ms, ` +
            `edit→shown ${round(floorRuns[i].editRenderedMs)} ms`,
        );
      }
      const pick = (k) => median(runs.map((r) => r[k]));
      const floorPick = (k) => median(floorRuns.map((r) => r[k]));
      results.scaleFloor = {
        openMs: floorPick('openMs'),
        editRenderedMs: floorPick('editRenderedMs'),
        runs: floorRuns,
      };
      results.scale = {
        rows: workbook.indicators.length,
        openMs: pick('openMs'),
        editRenderedMs: pick('editRenderedMs'),
        saveWriteMs: pick('saveWriteMs'),
        editProcessingMs: pick('editProcessingMs'),
        editToSavedMs: pick('editToSavedMs'),
        searchMs: pick('searchMs'),
        summaryMs: pick('summaryMs'),
        heapPeakMB: mb(pick('heapPeak')),
        runs,
      };
    }

    if (ONLY.includes('import')) {
      const { workbook, csvBytes } = importFixture(plan);
      const runs = [];
      const floorRuns = [];
      // The floor visited once first (Chromium's start-up, the file cache), then app and floor alternate.
      await floorImportRun(browser, base, workbook, csvBytes);
      for (let i = 0; i < RUNS; i += 1) {
        runs.push(await importRun(browser, base, workbook, csvBytes, errors));
        const r = runs[i];
        log(
          `import ${i + 1}/${RUNS}: summary ${round(r.summaryMs)} ms, preview ${round(r.previewMs)} ms, apply ${round(r.applyMs)} ms, ` +
            `saved ${round(r.savedMs)} ms (longest task ${round(r.longestTaskMs)} ms), ` +
            `PapaParse ${round(r.papaParseMs)} ms (from the File ${round(r.papaFileMs)} ms), heap ${mb(r.heapPeak)} MB`,
          JSON.stringify(r.check),
        );
        floorRuns.push(await floorImportRun(browser, base, workbook, csvBytes));
        const f = floorRuns[i];
        // The two are only comparable when they change the same cells.
        const changed = (text) => /将修改 ([\d,]+) 个单元格/.exec(text ?? '')?.[1]?.replace(/,/g, '');
        if (changed(f.check.summary) !== changed(r.check.summary))
          errors.push(
            `floor import changed ${changed(f.check.summary)} cells, the app ${changed(r.check.summary)}`,
          );
        log(
          `floor import ${i + 1}/${RUNS}: preview ${round(f.previewMs)} ms, apply ${round(f.applyMs)} ms`,
          JSON.stringify(f.check),
        );
      }
      const pick = (k) => median(runs.map((r) => r[k]));
      const floorPick = (k) => median(floorRuns.map((r) => r[k]));
      results.import = {
        rows: 10_000,
        fileMB: round(csvBytes.length / 1024 / 1024, 2),
        previewMs: pick('previewMs'),
        summaryMs: pick('summaryMs'),
        applyMs: pick('applyMs'),
        totalMs: pick('totalMs'),
        savedMs: pick('savedMs'),
        longestTaskMs: pick('longestTaskMs'),
        papaParseMs: pick('papaParseMs'),
        ratio: pick('totalMs') / pick('papaParseMs'),
        previewRatio: pick('previewMs') / pick('papaParseMs'),
        papaFileMs: pick('papaFileMs'),
        fileRatio: pick('totalMs') / pick('papaFileMs'),
        heapPeakMB: mb(pick('heapPeak')),
        runs,
        floor: {
          previewMs: floorPick('previewMs'),
          applyMs: floorPick('applyMs'),
          totalMs: floorPick('totalMs'),
          runs: floorRuns,
        },
      };
    }

    if (ONLY.includes('size')) {
      const html = readFileSync(APP_FILE);
      results.size = {
        rawBytes: html.length,
        gzipBytes: gzipSync(html).length,
        gzipKB: gzipSync(html).length / 1000,
      };
    }
  } finally {
    await browser.close();
    server.close();
  }
  results.pageErrors = errors;
  report(results);
  const outDir = path.join(root, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten: bench-results/bench.json`);
  if (errors.length) console.log(`page errors:\n${errors.join('\n')}`);
}

function report(r) {
  const rows = [];
  const ok = (good) => (good ? 'met' : 'MISSED');
  if (r.cold) {
    rows.push(['cold start, app (65 rows) → grid ready', `${round(r.cold.appMs)} ms`, '', '']);
    rows.push(['cold start, floor (HOT+HF only)', `${round(r.cold.floorMs)} ms`, '', '']);
    rows.push([
      'cold start ratio app / floor',
      `${round(r.cold.ratio, 2)}×`,
      `≤ ${BUDGETS.coldRatio}×`,
      ok(r.cold.ratio <= BUDGETS.coldRatio),
    ]);
  }
  if (r.scale) {
    const s = r.scale;
    rows.push([
      `open ${s.rows} rows (generated)`,
      `${round(s.openMs)} ms`,
      `≤ ${BUDGETS.openMs} ms`,
      ok(s.openMs <= BUDGETS.openMs),
    ]);
    rows.push(['edit → projection/status shown', `${round(s.editRenderedMs)} ms`, '', '']);
    rows.push(['save write (IndexedDB)', `${round(s.saveWriteMs)} ms`, '', '']);
    rows.push([
      'edit → shown and saved',
      `${round(s.editToSavedMs)} ms`,
      `≤ ${BUDGETS.editMs} ms`,
      ok(s.editToSavedMs <= BUDGETS.editMs),
    ]);
    if (r.scaleFloor) {
      const f = r.scaleFloor;
      rows.push([`floor: open ${s.rows} rows (HOT+HF only)`, `${round(f.openMs)} ms`, '', '']);
      rows.push(['open ratio app / floor', `${round(s.openMs / f.openMs, 2)}×`, '', '']);
      rows.push(['floor: edit → projection shown', `${round(f.editRenderedMs)} ms`, '', '']);
      rows.push([
        'edit ratio app shown / floor shown',
        `${round(s.editRenderedMs / f.editRenderedMs, 2)}×`,
        '',
        '',
      ]);
    }
    rows.push(['peak JS heap, open + edit', `${s.heapPeakMB} MB`, '', '']);
    rows.push([`search ${s.rows} rows (死亡率) → hits marked`, `${round(s.searchMs)} ms`, '', '']);
    rows.push([`预警汇总 opened on ${s.rows} rows`, `${round(s.summaryMs)} ms`, '', '']);
  }
  if (r.import) {
    const i = r.import;
    rows.push([
      `import ${i.rows} rows (${i.fileMB} MB): file → summary shown`,
      `${round(i.summaryMs)} ms`,
      '',
      '',
    ]);
    rows.push(['import: file → preview complete (first page drawn)', `${round(i.previewMs)} ms`, '', '']);
    rows.push(['import: 应用 → applied', `${round(i.applyMs)} ms`, '', '']);
    rows.push(['import total (preview + apply)', `${round(i.totalMs)} ms`, '', '']);
    rows.push(['import: 应用 → saved (IndexedDB, history)', `${round(i.savedMs)} ms`, '', '']);
    rows.push(['longest page freeze, 应用 → saved', `${round(i.longestTaskMs)} ms`, '', '']);
    rows.push(['PapaParse alone, same file, same page', `${round(i.papaParseMs)} ms`, '', '']);
    rows.push([
      'import ratio total / PapaParse',
      `${round(i.ratio, 1)}×`,
      `≤ ${BUDGETS.importRatio}×`,
      ok(i.ratio <= BUDGETS.importRatio),
    ]);
    rows.push(['import ratio preview / PapaParse', `${round(i.previewRatio, 1)}×`, '', '']);
    rows.push([
      'floor import (PapaParse from the File, 200 rows drawn, bare grid written): preview',
      `${round(i.floor.previewMs)} ms`,
      '',
      '',
    ]);
    rows.push(['floor import: 应用 → applied', `${round(i.floor.applyMs)} ms`, '', '']);
    rows.push(['floor import total', `${round(i.floor.totalMs)} ms`, '', '']);
    rows.push(['floor import total / PapaParse', `${round(i.floor.totalMs / i.papaParseMs, 1)}×`, '', '']);
    rows.push([
      'import ratio total / floor import total',
      `${round(i.totalMs / i.floor.totalMs, 2)}×`,
      '',
      '',
    ]);
    rows.push([
      'context: PapaParse reading the same File (Papa.parse(file))',
      `${round(i.papaFileMs)} ms`,
      '',
      '',
    ]);
    rows.push(['context: import ratio total / PapaParse from the File', `${round(i.fileRatio, 1)}×`, '', '']);
    rows.push(['peak JS heap, import', `${i.heapPeakMB} MB`, '', '']);
  }
  if (r.size) {
    rows.push([
      'dist/index.html gzip (zlib level 6)',
      `${round(r.size.gzipKB, 1)} kB`,
      `≤ ${BUDGETS.gzipKB} kB`,
      ok(r.size.gzipKB <= BUDGETS.gzipKB),
    ]);
  }
  const m = r.machine;
  console.log(
    `\n${r.date} · ${m.cpus} cores (${m.cpuModel}) · Node ${m.node} · Chromium ${m.chromium} · median of ${r.runs}`,
  );
  console.log('| measure | median | budget | |');
  console.log('|---|---:|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`heap: ${r.heapMethod}; kB = 1000 bytes`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    execFileSync(chromiumPath, ['--version'], { stdio: 'ignore' });
  } catch {
    console.error(
      `Chromium not found at ${chromiumPath}: apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH`,
    );
    process.exit(1);
  }
  await main();
}

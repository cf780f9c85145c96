/**
 * Storage faults on the built file opened by double-click (file://): IndexedDB blocked (as in a private window
 * or with site data disallowed), and the disk filling up in the middle of an import. The faults are made by
 * the test, in the page, below the app: the browser's own IndexedDB calls throw the errors browsers throw.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { serializeIndicatorsCsv } from '../../src/io/csv-export';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { WorkbookPage } from './workbook-page';

const plan = LANXI_2021_2025;
const INFANT = plan.indicators.find((r) => r.name === '婴儿死亡率')!;
const NEONATAL = plan.indicators.find((r) => r.name === '新生儿死亡率')!;
const BUILT = fileURLToPath(new URL('../../dist/index.html', import.meta.url));

let folder = '';
let url = '';
test.beforeEach(() => {
  expect(existsSync(BUILT), `${BUILT} exists (run vite build first)`).toBe(true);
  folder = mkdtempSync(join(tmpdir(), 'faults-'));
  const file = join(folder, '儿童发展规划监测工作簿.html');
  copyFileSync(BUILT, file);
  url = pathToFileURL(file).href;
});
test.afterEach(() => rmSync(folder, { recursive: true, force: true }));

test('IndexedDB blocked: the clerk is told, the workbook still works, and CSV export keeps the work', async ({
  page,
}) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  const workbook = new WorkbookPage(page);
  await workbook.open(url);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('无法使用浏览器的本地存储（IndexedDB），修改不会被保存');
  await expect(workbook.saveState).toHaveAttribute('data-state', 'unavailable');
  await expect(workbook.counts()).toContainText(`共 ${plan.indicators.length} 项指标`);

  await workbook.typeInto(INFANT.code, '2021年', '4.6');
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
  const downloading = page.waitForEvent('download');
  await alert.getByRole('button', { name: '导出CSV' }).click();
  const csv = readFileSync(await (await downloading).path(), 'utf8');
  expect(csv.split('\r\n').find((line) => line.startsWith(`${INFANT.code},`))).toContain('4.6');
  // 设置 cannot be saved either: said as such (it read 最近的修改尚未保存。将自动重试).
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByLabel('编制单位（印在报告标题下）').fill('兰溪市妇儿工委办');
  await page.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '保存' }).click();
  await expect(alert).toContainText('设置没有保存');
  await expect(alert).not.toContainText('将自动重试');
  // Nothing is saved here: closing the page would lose the edit, so the browser asks first.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
  workbook.expectNoErrors([/\[storage\]/]);
});

test('disk full in the middle of an import: told, nothing half-written, all saved once there is room', async ({
  page,
  context,
}) => {
  // Below the app: while `storageFull` is set, the disk fills up after a few more records are written, so
  // the failure comes midway through a save, with part of it already written in its transaction.
  await page.addInitScript(() => {
    const state = window as { storageFull?: boolean; writesLeft?: number };
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        if (state.storageFull && (state.writesLeft = (state.writesLeft ?? 3) - 1) < 0)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
  const workbook = new WorkbookPage(page);
  await workbook.open(url);
  await workbook.typeInto(INFANT.code, '2021年', '4.6');
  await workbook.waitSaved();

  await page.evaluate(() => ((window as { storageFull?: boolean }).storageFull = true));
  const rows = [INFANT, NEONATAL].map((row) => ({
    ...row,
    values: { 2021: row === INFANT ? 4.6 : 2.1, 2022: row === INFANT ? 4.5 : 2.0 },
  }));
  await page.getByRole('button', { name: '导入CSV' }).click();
  const importDialog = page.getByRole('dialog', { name: '导入 CSV' });
  await importDialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '卫健局回传.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(serializeIndicatorsCsv(rows, [2021, 2022]), 'utf8'),
  });
  await expect(importDialog.getByLabel('导入摘要')).toContainText('将修改 3 个单元格');
  await importDialog.getByRole('button', { name: '应用' }).click();

  await expect(page.getByRole('alert')).toContainText('浏览器存储空间已满，最近的修改没有保存');
  await expect(workbook.saveState).toHaveText('保存失败');
  // The import's notice no longer says it is being saved.
  await expect(page.locator('.status-bar .cell-info')).toContainText(
    '已导入：3 个单元格、0 项新指标。可点“撤销”整体撤回。尚未保存：见页面上方的提示。',
  );
  // The imported values stay on screen.
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('4.5‰');

  // Storage holds the workbook exactly as before the import: nothing of it half-written.
  const other = new WorkbookPage(await context.newPage());
  await other.open(url);
  await other.revealRow(INFANT.code);
  await expect(await other.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
  await expect(await other.cell(INFANT.code, '2022年')).toHaveText('');
  await other.revealRow(NEONATAL.code);
  await expect(await other.cell(NEONATAL.code, '2021年')).toHaveText('');
  await other.page.close();

  // Room again: the pending import is written on the next attempt, and all of it is there after a reload.
  await page.evaluate(() => ((window as { storageFull?: boolean }).storageFull = false));
  await expect(workbook.saveState).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('4.5‰');
  await workbook.revealRow(NEONATAL.code);
  await expect(await workbook.cell(NEONATAL.code, '2021年')).toHaveText('2.1‰');
  await expect(await workbook.cell(NEONATAL.code, '2022年')).toHaveText('2‰');
  workbook.expectNoErrors([/\[storage\]/]);
});

test('after a failed save the browser asks before leaving, and an edit made once there is room is saved at once', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const state = window as { storageFull?: boolean };
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        if (state.storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
  const workbook = new WorkbookPage(page);
  await workbook.open(url);
  await page.evaluate(() => ((window as { storageFull?: boolean }).storageFull = true));
  await workbook.typeInto(INFANT.code, '2022年', '5.2');
  await expect(workbook.saveState).toHaveText('保存失败');

  // Closing the page now would lose the edit: the browser asks first (the clerk stays).
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);

  // Room again; the next edit is written with the one that failed, without waiting for the retry (5 s): a reload
  // right after keeps both.
  await page.evaluate(() => ((window as { storageFull?: boolean }).storageFull = false));
  await workbook.typeInto(INFANT.code, '2023年', '5');
  await expect(workbook.saveState).toHaveAttribute('data-state', 'saved', { timeout: 4000 });
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('5.2‰');
  await expect(await workbook.cell(INFANT.code, '2023年')).toHaveText('5‰');
  workbook.expectNoErrors([/\[storage\]/]);
});

test('a backup chosen while storage cannot be read: told in Chinese, nothing restored', async ({ page }) => {
  // Below the app: while `readFails` is set, every IndexedDB read throws as a damaged profile makes it throw.
  await page.addInitScript(() => {
    const state = window as { readFails?: boolean };
    for (const method of ['getAll', 'openCursor', 'get'] as const) {
      const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
      Object.assign(IDBObjectStore.prototype, {
        [method](this: IDBObjectStore, ...args: unknown[]) {
          if (state.readFails) throw new DOMException('Internal error.', 'UnknownError');
          return original.apply(this, args);
        },
      });
    }
  });
  const workbook = new WorkbookPage(page);
  await workbook.open(url);
  await workbook.typeInto(INFANT.code, '2021年', '4.6');
  await workbook.waitSaved();
  await page.getByRole('button', { name: '工作簿' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '备份全部到文件' }).click();
  const backup = readFileSync(await (await downloading).path());

  await page.evaluate(() => ((window as { readFails?: boolean }).readFails = true));
  await page
    .getByLabel('从备份文件恢复')
    .setInputFiles({ name: '备份.json', mimeType: 'application/json', buffer: backup });
  const dialog = page.getByRole('dialog', { name: '工作簿' });
  // What was done before (已备份到文件…) no longer stands as the last word: the failure is said, with what to do.
  await expect(dialog).toContainText('“备份.json”没有恢复');
  await expect(dialog).not.toContainText('已备份到文件');
  await expect(dialog.getByRole('table', { name: '恢复内容' })).toHaveCount(0);
  await page.evaluate(() => ((window as { readFails?: boolean }).readFails = false));
  workbook.expectNoErrors([/\[storage\]/]);
});

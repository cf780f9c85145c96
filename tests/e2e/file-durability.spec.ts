/**
 * Never losing data, on the built file opened by double-click (file://), as an office uses it: the clerk's
 * name in the settings, each row's change history, named versions (save, compare with now, restore with the
 * current state kept first), and a backup restored after the browser's storage was cleared.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';
import { WorkbookPage } from './workbook-page';

const INFANT = LANXI_2021_2025.indicators.find((r) => r.name === '婴儿死亡率')!;
const BUILT = fileURLToPath(new URL('../../dist/index.html', import.meta.url));

let folder = '';
let profile = '';
let url = '';
let context: BrowserContext | null = null;

test.beforeEach(() => {
  expect(existsSync(BUILT), `${BUILT} exists (run vite build first)`).toBe(true);
  folder = mkdtempSync(join(tmpdir(), 'durability-'));
  const file = join(folder, '儿童发展规划监测工作簿.html');
  copyFileSync(BUILT, file);
  url = pathToFileURL(file).href;
  profile = mkdtempSync(join(tmpdir(), 'durability-profile-'));
});

test.afterEach(async () => {
  await context?.close();
  context = null;
  rmSync(profile, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

async function launch(): Promise<WorkbookPage> {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  const workbook = new WorkbookPage(context.pages()[0] ?? (await context.newPage()));
  await workbook.open(url);
  return workbook;
}

async function setClerk(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByLabel('填报人（经办人）姓名').fill(name);
  // A name alone is taken in place (the page is not reloaded: the clerk's undo steps and cell stay); the name in
  // the status bar shows it is the one the next edit is recorded under.
  await page.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.status-bar')).toContainText('设置已保存');
  await expect(page.locator('.status-bar')).toContainText(`填报人：${name}`);
}

async function historyRows(workbook: WorkbookPage, code: string): Promise<string[]> {
  await workbook.revealRow(code);
  await (await workbook.cell(code, '指标名称')).click();
  await workbook.page.getByRole('button', { name: '修改记录' }).click();
  const dialog = workbook.page.getByRole('dialog', { name: /修改记录/ });
  await expect(dialog).toContainText(INFANT.name);
  // The list is read from storage after the dialog opens (正在读取…): wait for it, or for its absence said.
  const table = dialog.getByRole('table', { name: '修改记录' });
  await expect(table.or(dialog.getByText('这一行还没有保存过的修改。'))).toBeVisible();
  const rows = await table.locator('tbody tr').allInnerTexts();
  await dialog.getByRole('button', { name: '关闭' }).click();
  return rows.map((r) => r.replace(/\s+/g, ' ').trim());
}

test('history per row with the clerk’s name; versions saved, compared with now and restored', async () => {
  let workbook = await launch();
  const { page } = workbook;
  // No name yet: said in the status bar, which leads to 设置 (the history would say （未填姓名）).
  const missing = page.locator('.status-bar').getByRole('button', { name: '填报人：未填写' });
  const named = page.locator('.status-bar').getByRole('button', { name: '填报人：张丽' });
  await missing.click();
  await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
  await page.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '取消' }).click();
  await setClerk(page, '张丽');
  await workbook.waitForGrid();
  await expect(missing).toHaveCount(0);
  await expect(named).toBeVisible();

  await workbook.typeInto(INFANT.code, '2021年', '4.6');
  await workbook.typeInto(INFANT.code, '2022年', '4.5');
  await workbook.waitSaved();
  let history = await historyRows(workbook, INFANT.code);
  expect(history).toHaveLength(2);
  // Newest first: when, column, old → new, source, clerk.
  expect(history[0]).toMatch(/2022年 （空） 4\.5‰ 录入 张丽$/);
  expect(history[1]).toMatch(/2021年 （空） 4\.6‰ 录入 张丽$/);

  // A named version of this state.
  await page.getByRole('button', { name: '版本', exact: true }).click();
  let versions = page.getByRole('dialog', { name: '版本' });
  await versions.getByLabel('版本名称').fill('2023年中期评估定稿');
  await versions.getByRole('button', { name: '保存当前版本' }).click();
  await expect(versions.getByRole('table', { name: '已保存的版本' })).toContainText('2023年中期评估定稿');
  await expect(versions.getByRole('table', { name: '已保存的版本' })).toContainText('张丽');
  await versions.getByRole('button', { name: '关闭' }).click();

  // Later edits: one value changed, one cleared, one added.
  await workbook.typeInto(INFANT.code, '2021年', '4.8');
  await workbook.typeInto(INFANT.code, '2023年', '4.2');
  await workbook.waitSaved();

  await page.getByRole('button', { name: '版本', exact: true }).click();
  versions = page.getByRole('dialog', { name: '版本' });
  await versions.getByRole('button', { name: '与当前比较' }).click();
  const result = versions.getByRole('region', { name: '比较结果' });
  await expect(result).toContainText('共 2 处不同');
  const differences = (await result.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
  expect(differences).toEqual([
    `${INFANT.code} ${INFANT.name} 2021年 4.6‰ 4.8‰`,
    `${INFANT.code} ${INFANT.name} 2023年 （空） 4.2‰`,
  ]);

  // Restore: the current state is kept as a version first, then the page shows the restored values.
  await versions.getByRole('button', { name: '恢复此版本' }).click();
  await versions.getByRole('group', { name: '恢复版本' }).getByRole('button', { name: '确认恢复' }).click();
  await workbook.waitForGrid();
  // The page opened again says what was done, and where the replaced content went: the kept version's own quotes
  // nest as Chinese nests them inside the message's (“恢复‘…’前的自动保存（…）”, not “恢复“…”前…”).
  await expect(page.locator('.status-bar')).toContainText(
    '已恢复版本“2023年中期评估定稿”。恢复前的内容已存为版本“恢复‘2023年中期评估定稿’前的自动保存（',
  );
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
  await expect(await workbook.cell(INFANT.code, '2023年')).toHaveText('');
  history = await historyRows(workbook, INFANT.code);
  expect(history[0]).toMatch(/恢复版本“2023年中期评估定稿” 张丽$/);

  await page.getByRole('button', { name: '版本', exact: true }).click();
  versions = page.getByRole('dialog', { name: '版本' });
  const list = versions.getByRole('table', { name: '已保存的版本' });
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await expect(list.locator('tbody tr').first()).toContainText('恢复“2023年中期评估定稿”前的自动保存');
  // The state before the restore is not lost: comparing it with now shows the two later edits.
  await list.locator('tbody tr').first().getByRole('button', { name: '与当前比较' }).click();
  await expect(versions.getByRole('region', { name: '比较结果' })).toContainText('共 2 处不同');
  await versions.getByRole('button', { name: '关闭' }).click();
  workbook.expectNoErrors();

  // The browser is closed and opened again: the restored values, the versions and the history are all there.
  await context?.close();
  workbook = await launch();
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
  expect((await historyRows(workbook, INFANT.code)).length).toBeGreaterThanOrEqual(5);
  workbook.expectNoErrors();
});

test('a row deleted and another added: the new row has its own code, and 修改记录 says 新增指标 and 删除指标', async () => {
  const workbook = await launch();
  const { page } = workbook;
  const total = LANXI_2021_2025.indicators.length;
  await workbook.more('新增指标');
  await workbook.typeInto('X01', '指标名称', '乡镇儿童友好公园数');
  await workbook.typeInto('X01', '单位', '个');
  await workbook.typeInto('X01', '2021年', '3');
  await workbook.waitSaved();
  await page.getByRole('button', { name: '版本', exact: true }).click();
  let versions = page.getByRole('dialog', { name: '版本' });
  await versions.getByLabel('版本名称').fill('第一稿');
  await versions.getByRole('button', { name: '保存当前版本' }).click();
  await expect(versions.getByRole('table', { name: '已保存的版本' })).toContainText('第一稿');
  await versions.getByRole('button', { name: '关闭' }).click();

  await (await workbook.cell('X01', '指标名称')).click();
  await workbook.more('删除所选指标');
  await page.getByRole('dialog', { name: '确认删除指标' }).getByRole('button', { name: /删除/ }).click();
  await expect(workbook.counts()).toContainText(`共 ${total} 项指标`);
  // The next row is another row: not X01 again, whose history is the deleted row's.
  await workbook.more('新增指标');
  await expect(workbook.row('X02')).toHaveCount(1);
  await expect(workbook.row('X01')).toHaveCount(0);
  await workbook.typeInto('X02', '指标名称', '乡镇儿童之家数');
  await workbook.waitSaved();
  // Opened again, the workbook still knows X01 from its history: the next new row is X03; 撤销 and 重做 of it
  // bring it back as X03.
  await page.reload();
  await workbook.waitForGrid();
  await workbook.more('新增指标');
  await expect(workbook.row('X03')).toHaveCount(1);
  await workbook.waitSaved();
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(workbook.row('X03')).toHaveCount(0);
  await page.getByRole('button', { name: '重做', exact: true }).click();
  await expect(workbook.row('X03')).toHaveCount(1);
  await expect(workbook.counts()).toContainText(`共 ${total + 2} 项指标`);
  await workbook.waitSaved();

  await page.getByRole('button', { name: '历次修改' }).click();
  const dialog = page.getByRole('dialog', { name: '修改记录：全部指标' });
  const lines = dialog.getByRole('table', { name: '修改记录' }).locator('tbody tr');
  await dialog.getByLabel('指标或列').fill('X01');
  // Newest first: the deletion says so, as its 撤销 would say 撤销删除指标; X01 is the deleted row's alone.
  await expect(lines).toHaveCount(5);
  await expect(lines.nth(0)).toContainText(
    'X01 乡镇儿童友好公园数整行（原有此行）已删除此行删除指标（未填姓名）',
  );
  await expect(lines.nth(1)).toContainText('X01 乡镇儿童友好公园数2021年（空）3 个录入');
  await expect(lines.nth(4)).toContainText('整行（无此行）新增此行新增指标');
  await dialog.getByLabel('指标或列').fill('X03');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(0)).toContainText('整行（无此行）新增此行重做新增指标');
  await expect(lines.nth(1)).toContainText('整行（原有此行）已删除此行撤销新增指标');
  await expect(lines.nth(2)).toContainText('整行（无此行）新增此行新增指标');
  await dialog.getByRole('button', { name: '关闭' }).click();

  // Compared with 第一稿, the deleted row and each new one are told apart.
  await page.getByRole('button', { name: '版本', exact: true }).click();
  versions = page.getByRole('dialog', { name: '版本' });
  await versions.getByRole('button', { name: '与当前比较' }).click();
  const result = versions.getByRole('region', { name: '比较结果' });
  await expect(result).toContainText('共 3 处不同');
  expect((await result.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '))).toEqual([
    'X01 乡镇儿童友好公园数 整行 （原有此行） 已删除此行',
    'X02 乡镇儿童之家数 整行 （无此行） 新增此行',
    'X03 新增指标（请填写名称） 整行 （无此行） 新增此行',
  ]);
  workbook.expectNoErrors();
});

test('every row’s changes in one list: narrowed by clerk and by import file, saved as CSV', async () => {
  const workbook = await launch();
  const { page } = workbook;
  const neonatal = LANXI_2021_2025.indicators.find((r) => r.name === '新生儿死亡率')!;
  await setClerk(page, '张丽');
  await workbook.waitForGrid();
  await workbook.typeInto(INFANT.code, '2021年', '5.9');
  await workbook.waitSaved();
  // 卫健局's file brings two figures; then a colleague on the same PC types one.
  await page.getByRole('button', { name: '导入CSV' }).click();
  const importDialog = page.getByRole('dialog', { name: '导入 CSV' });
  await importDialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '卫健局2025.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`代码,2025年\r\n${INFANT.code},4.1\r\n${neonatal.code},2.2\r\n`, 'utf8'),
  });
  await expect(importDialog.getByLabel('导入摘要')).toContainText('将修改 2 个单元格');
  await importDialog.getByRole('button', { name: '应用' }).click();
  await workbook.waitSaved();
  await setClerk(page, '王强');
  await workbook.typeInto(neonatal.code, '2022年', '2.6');
  await workbook.waitSaved();

  await page.getByRole('button', { name: '历次修改' }).click();
  const dialog = page.getByRole('dialog', { name: '修改记录：全部指标' });
  await expect(dialog.getByRole('status')).toHaveText('共 4 处修改，涉及 2 个指标。');
  const rows = dialog.getByRole('table', { name: '修改记录' }).locator('tbody tr');
  await expect(rows).toHaveCount(4);
  // Newest first: 王强's figure, then the import, then 张丽's first figure.
  await expect(rows.first()).toContainText(`${neonatal.code} ${neonatal.name}2022年（空）2.6‰录入王强`);
  await expect(rows.last()).toContainText(`${INFANT.code} ${INFANT.name}2021年（空）5.9‰录入张丽`);

  await dialog.getByLabel('来源').selectOption({ label: '导入“卫健局2025.csv”（2）' });
  await expect(rows).toHaveCount(2);
  await expect(dialog.getByRole('status')).toHaveText('符合条件的 2 处修改，涉及 2 个指标（共 4 处）。');
  await expect(dialog).toContainText(`${INFANT.code} ${INFANT.name}2025年（空）4.1‰导入“卫健局2025.csv”张丽`);
  await dialog.getByLabel('来源').selectOption({ label: '全部' });
  await dialog.getByLabel('填报人').selectOption({ label: '王强（1）' });
  await expect(rows).toHaveCount(1);
  await dialog.getByLabel('填报人').selectOption({ label: '全部' });
  await dialog.getByLabel('指标或列').fill('2025');
  await expect(rows).toHaveCount(2);

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出符合条件的记录（CSV）' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/_修改记录_\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8')
    .slice(1)
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('时间,代码,指标名称,列,原值,新值,来源,填报人');
  expect(lines.slice(1).map((l) => l.split(',').slice(1).join(','))).toEqual(
    expect.arrayContaining([
      `${INFANT.code},${INFANT.name},2025年,（空）,4.1‰,导入“卫健局2025.csv”,张丽`,
      `${neonatal.code},${neonatal.name},2025年,（空）,2.2‰,导入“卫健局2025.csv”,张丽`,
    ]),
  );
  expect(lines).toHaveLength(3);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toHaveCount(0);

  // From a row's own history to every row's.
  const history = await historyRows(workbook, INFANT.code);
  expect(history).toHaveLength(2);
  await page.getByRole('button', { name: '修改记录', exact: true }).click();
  await page
    .getByRole('dialog', { name: /修改记录：/ })
    .getByRole('button', { name: '全部指标的修改记录' })
    .click();
  await expect(page.getByRole('dialog', { name: '修改记录：全部指标' }).getByRole('status')).toHaveText(
    '共 4 处修改，涉及 2 个指标。',
  );
  workbook.expectNoErrors();
});

test('backup on file://, storage cleared, restore: values, versions and history are identical', async () => {
  const workbook = await launch();
  const { page } = workbook;
  await setClerk(page, '李明');
  await workbook.waitForGrid();
  await workbook.typeInto(INFANT.code, '2021年', '4.6');
  await workbook.typeInto(INFANT.code, '2022年', '五');
  await workbook.waitSaved();
  await page.getByRole('button', { name: '版本', exact: true }).click();
  const versions = page.getByRole('dialog', { name: '版本' });
  await versions.getByLabel('版本名称').fill('2022年度监测');
  await versions.getByRole('button', { name: '保存当前版本' }).click();
  await expect(versions.getByRole('table', { name: '已保存的版本' })).toContainText('2022年度监测');
  await versions.getByRole('button', { name: '关闭' }).click();
  const historyBefore = await historyRows(workbook, INFANT.code);

  await page.getByRole('button', { name: '工作簿' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '备份全部到文件' }).click();
  const backup = readFileSync(await (await downloading).path());
  expect(JSON.parse(backup.toString('utf8'))).toMatchObject({ version: 3 });

  // Clear the browser's storage for the file, as "clear browsing data" would, and open the file again.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('lanxi-children-plan-workbook');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(new Error('delete failed'));
        request.onblocked = () => resolve();
      }),
  );
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('');

  await page.getByRole('button', { name: '工作簿' }).click();
  await page
    .getByLabel('从备份文件恢复')
    .setInputFiles({ name: '备份.json', mimeType: 'application/json', buffer: backup });
  // This browser has no settings any more (a new PC): the backup's are ticked to come back with the workbooks.
  await expect(page.getByLabel('同时恢复设置（填报人、编制单位、许可证密钥、预警阈值）')).toBeChecked();
  await expect(page.getByRole('dialog', { name: '工作簿' })).toContainText(
    '本浏览器还没有填报人和编制单位，已默认勾选一并恢复',
  );
  await page.getByRole('button', { name: /恢复所选/ }).click();
  await workbook.waitForGrid();
  await expect(page.locator('.status-bar')).toContainText('已从备份“备份.json”恢复');
  // The restored settings bring a name: said, and shown in the status bar (the next changes go under it).
  await expect(page.locator('.status-bar')).toContainText('填报人现为“李明”：如不是您本人');
  await expect(page.locator('.status-bar').getByRole('button', { name: '填报人：李明' })).toBeVisible();
  // The file just restored from is a backup of this state: no 还没有备份过 reminder right after it.
  await expect(page.locator('body')).not.toContainText('还没有备份过');
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('⚠ 五');
  const historyAfter = await historyRows(workbook, INFANT.code);
  // The file's history is back; the restore itself adds its own lines on top.
  expect(historyAfter.slice(-historyBefore.length)).toEqual(historyBefore);
  // Storage was cleared, so no clerk's name was set when restoring; the restored settings bring it back.
  expect(historyAfter[0]).toMatch(/从备份“备份\.json”恢复 （未填姓名）$/);
  await page.getByRole('button', { name: '设置' }).click();
  await expect(page.getByLabel('填报人（经办人）姓名')).toHaveValue('李明');
  await page.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '版本', exact: true }).click();
  await expect(
    page.getByRole('dialog', { name: '版本' }).getByRole('table', { name: '已保存的版本' }),
  ).toContainText('2022年度监测');
  workbook.expectNoErrors();
});

test('closing the page asks while a figure is typed but not entered, or still being written; nothing is lost', async () => {
  let workbook = await launch();
  let { page } = workbook;
  await workbook.typeInto(INFANT.code, '2021年', '4.6');
  await workbook.waitSaved();
  const asked: string[] = [];
  page.on('dialog', async (dialog) => {
    asked.push(dialog.type());
    await dialog.dismiss(); // the clerk stays on the page
  });

  // Typed, not entered yet, and the tab closed: the browser asks; the clerk stays and enters it.
  await workbook.select(INFANT.code, '2022年');
  await page.keyboard.type('4.7');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);
  await page.keyboard.press('Enter');
  await workbook.waitSaved();

  // Entered, but its write has not finished (another window holds the database a moment): the browser asks too,
  // where closing had dropped the write unsaid.
  await page.evaluate(async (name) => {
    const state = window as { holdWrites?: boolean };
    state.holdWrites = true;
    const db = await new Promise<IDBDatabase>((done) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => done(request.result);
    });
    const store = db.transaction('rows', 'readwrite').objectStore('rows');
    const keepBusy = () => {
      if (state.holdWrites) store.count().onsuccess = keepBusy;
    };
    keepBusy();
  }, 'lanxi-children-plan-workbook');
  await workbook.typeInto(INFANT.code, '2023年', '4.4');
  await expect(workbook.saveState).toHaveAttribute('data-state', 'saving');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload', 'beforeunload']);
  await page.evaluate(() => ((window as { holdWrites?: boolean }).holdWrites = false));
  await workbook.waitSaved();
  workbook.expectNoErrors();

  // Nothing asked once everything is written; after a restart all three figures are there.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toHaveLength(2);
  await context?.close();
  workbook = await launch();
  ({ page } = workbook);
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('4.7‰');
  await expect(await workbook.cell(INFANT.code, '2023年')).toHaveText('4.4‰');
  workbook.expectNoErrors();
});

/**
 * The browser killed as a crash or the task manager kills it (no shutdown, nothing flushed on the way out): its
 * main process, the one started for this test's profile, by its id.
 */
function killBrowser(): void {
  const main = readdirSync('/proc').find((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return (
        args.some((a) => a === `--user-data-dir=${profile}`) && !args.some((a) => a.startsWith('--type='))
      );
    } catch {
      return false; // gone meanwhile
    }
  });
  expect(main, 'the browser of this profile is running').toBeDefined();
  process.kill(Number(main), 'SIGKILL');
}

/**
 * A workbook of 10,000 rows (the plan's rows again and again, under codes G00001 …; made-up, no figures) written
 * straight into storage, as a large county-level workbook would be. Returns its rows, for the CSV that fills them.
 */
async function seedLargeWorkbook(page: Page, id: string): Promise<{ code: string; name: string }[]> {
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const base = LANXI_2021_2025.indicators[i % LANXI_2021_2025.indicators.length]!;
    return {
      ...structuredClone(base),
      code: `G${String(i).padStart(5, '0')}`,
      name: `${base.name}（测试${i + 1}）`,
      values: {},
    };
  });
  const at = '2026-11-28T00:00:00.000Z';
  const record = { id, title: '大量导入测试（生成数据，非真实统计）', baseYear: 2020, targetYear: 2025 };
  await page.evaluate(
    async ({ record, rows }) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('lanxi-children-plan-workbook');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      await new Promise<void>((done, fail) => {
        const tx = db.transaction(['workbooks', 'rows'], 'readwrite');
        tx.objectStore('workbooks').put(record);
        rows.forEach((row, order) => tx.objectStore('rows').put({ ...row, workbookId: record.id, order }));
        tx.oncomplete = () => done();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { record: { ...record, isSample: false, createdAt: at, updatedAt: at }, rows },
  );
  return rows;
}

test('a 10,000-line import: 已自动保存 only once it is written; the browser closed right then keeps every figure', async () => {
  test.setTimeout(180_000);
  let workbook = await launch();
  let { page } = workbook;
  const id = 'durable-10000';
  const rows = await seedLargeWorkbook(page, id);
  await workbook.open(`${url}?workbook=${id}`);
  await workbook.waitSaved();
  // Made-up figures, each row's own (its line number), in range for any unit.
  const figure = (i: number, year: number) => String(((i * 7 + year) % 90) + 5);
  const csv =
    '代码,指标名称,2021年,2022年,2023年\r\n' +
    rows
      .map((r, i) => `${r.code},${r.name},${figure(i, 2021)},${figure(i, 2022)},${figure(i, 2023)}`)
      .join('\r\n');
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '各县2021-2023年.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf-8'),
  });
  await expect(dialog.getByRole('button', { name: '应用' })).toBeEnabled({ timeout: 60_000 });
  // 应用, and in the same moment what the page says and whether closing it would ask: the rows are saved only
  // after the frame that shows them, and until then the header went on saying 已自动保存 and closing did not ask.
  const atApply = await page.evaluate(() => {
    const apply = [...document.querySelectorAll<HTMLButtonElement>('.modal.import button')].find(
      (b) => b.textContent === '应用',
    )!;
    apply.click();
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    return {
      asks: leaving.defaultPrevented,
      header: document.querySelector('.save-state')?.textContent ?? '',
      notice: document.querySelector('.status-bar .cell-info')?.textContent ?? '',
    };
  });
  expect(atApply.notice).toContain('已导入：30000 个单元格');
  expect(atApply.notice).toContain('正在保存');
  expect(atApply.header).toMatch(/即将保存|正在保存/);
  expect(atApply.asks).toBe(true);
  await expect(dialog).toHaveCount(0);
  // What a clerk does: waits for the page to say saved, then the browser goes (killed, not closed).
  await expect(workbook.saveState).toHaveAttribute('data-state', 'saved', { timeout: 60_000 });
  await expect(workbook.saveState).toContainText('已自动保存');
  await expect(page.locator('.status-bar .cell-info')).toContainText(
    '已导入：30000 个单元格、0 项新指标。可点“撤销”整体撤回。已保存。',
  );
  workbook.expectNoErrors();
  killBrowser();
  context = null;

  workbook = await launch();
  ({ page } = workbook);
  await workbook.open(`${url}?workbook=${id}`);
  for (const i of [0, 4_999, 9_999]) {
    const code = rows[i]!.code;
    await workbook.revealRow(code);
    for (const year of [2021, 2023])
      await expect(await workbook.cell(code, `${year}年`)).toHaveText(
        new RegExp(`^${figure(i, year)}(?!\\d)`),
      );
  }
  workbook.expectNoErrors();
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { quoted } from '../../src/model/quote';
import { nextFileChooser, WorkbookPage } from './workbook-page';

const INFANT = LANXI_2021_2025.indicators.find((r) => r.name === '婴儿死亡率')!;

test('back up, restore into a fresh browser, identical; newer data is not overwritten silently', async ({
  page,
  browser,
}) => {
  const first = new WorkbookPage(page);
  await first.open();
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByLabel('编制单位（印在报告标题下）').fill('兰溪市妇儿工委办');
  await page.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.status-bar')).toContainText('设置已保存');
  await first.waitForGrid();
  await first.typeInto(INFANT.code, '2021年', '4.6');
  await first.typeInto(INFANT.code, '2022年', '五');
  await first.waitSaved();
  await page.getByRole('button', { name: '工作簿' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '备份全部到文件' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^儿童发展规划工作簿备份_\d{4}-\d{2}-\d{2}_\d{4}\.json$/);
  const backup = readFileSync(await download.path());
  // The clerk is told it is done, and where to keep it.
  await expect(page.getByRole('dialog').getByRole('status')).toContainText(
    `已备份到文件“${download.suggestedFilename()}”`,
  );

  // A fresh browser profile, on the clerk's 1366×768 laptop: nothing stored yet.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const fresh = await context.newPage();
  const restoreChooser = nextFileChooser(fresh);
  const second = new WorkbookPage(fresh);
  await second.open();
  await second.revealRow(INFANT.code);
  await expect(await second.cell(INFANT.code, '2021年')).toHaveText('');

  // The restore chooser is a Chinese button, reached with Tab and opened with Space; the browser's own input
  // (which says "Choose File / No file chosen" on a browser not set to Chinese) is not drawn.
  await fresh.getByRole('button', { name: '工作簿' }).click();
  const restoreButton = fresh.getByRole('button', { name: '选择备份文件…' });
  await expect(restoreButton).toBeVisible();
  await expect(fresh.getByLabel('从备份文件恢复')).toBeHidden();
  await expect(fresh.getByRole('dialog').getByText('未选择文件')).toBeVisible();
  await fresh.getByRole('button', { name: '备份全部到文件' }).focus();
  await fresh.keyboard.press('Tab');
  await expect(restoreButton).toBeFocused();
  await fresh.keyboard.press('Space');
  expect((await restoreChooser()).isMultiple()).toBe(false);
  await fresh.keyboard.press('Escape');
  await expect(fresh.getByRole('dialog', { name: '工作簿' })).toHaveCount(0);

  const restoreFrom = async () => {
    await fresh.getByRole('button', { name: '工作簿' }).click();
    await fresh
      .getByLabel('从备份文件恢复')
      .setInputFiles({ name: '备份.json', mimeType: 'application/json', buffer: backup });
    return fresh.getByRole('table', { name: '恢复内容' });
  };
  const plan = await restoreFrom();
  await expect(fresh.getByRole('dialog').getByText('备份.json', { exact: true })).toBeVisible();
  await expect(plan).toContainText(LANXI_2021_2025.title);
  // What the file holds and the button to restore it are in view (they stayed below the dialog's fold).
  await expect(plan).toBeInViewport();
  await expect(fresh.getByRole('button', { name: /恢复所选/ })).toBeInViewport();
  await expect(plan.getByLabel(`恢复 ${LANXI_2021_2025.title}`)).toBeChecked();
  // The new PC's own copy of the plan is later by date but was never filled in: said so, not 旧版本.
  await expect(plan).toContainText('替换浏览器中未填写过的初始工作簿');
  // A new PC has no settings of its own: the backup's (编制单位 …) come back too unless the clerk unticks them.
  const withSettings = fresh.getByLabel('同时恢复设置（填报人、编制单位、许可证密钥、预警阈值）');
  await expect(withSettings).toBeChecked();
  await fresh.getByRole('button', { name: /恢复所选/ }).click();
  await second.waitForGrid();
  await fresh.getByRole('button', { name: '设置' }).click();
  await expect(fresh.getByLabel('编制单位（印在报告标题下）')).toHaveValue('兰溪市妇儿工委办');
  await fresh.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '取消' }).click();
  await second.revealRow(INFANT.code);
  await expect(await second.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
  await expect(await second.cell(INFANT.code, '2022年')).toHaveText('⚠ 五');

  // Restoring the same file again at once: the browser holds that very state, nothing is ticked.
  const same = await restoreFrom();
  await expect(same).toContainText('与浏览器中的版本相同（最后修改时间一致），无需恢复');
  await expect(same.getByLabel(`恢复 ${LANXI_2021_2025.title}`)).not.toBeChecked();
  // This browser has settings now: they are not replaced unless asked.
  await expect(withSettings).not.toBeChecked();
  await fresh.keyboard.press('Escape');
  await expect(fresh.getByRole('dialog', { name: '工作簿' })).toHaveCount(0);

  // Now the browser has newer data: restoring the same file does not overwrite it unless the clerk chooses to.
  await second.typeInto(INFANT.code, '2023年', '4.4');
  await second.waitSaved();
  const again = await restoreFrom();
  await expect(again).toContainText('浏览器中的版本较新，默认不覆盖');
  await expect(again.getByLabel(`恢复 ${LANXI_2021_2025.title}`)).not.toBeChecked();
  await expect(fresh.getByRole('button', { name: /恢复所选/ })).toBeDisabled();
  second.expectNoErrors();
  first.expectNoErrors();
  await context.close();
});

test('a backup whose last-changed time was edited by hand: compared by time, and one that is no time is refused', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(INFANT.code, '2021年', '4.6');
  await workbook.waitSaved();
  await page.getByRole('button', { name: '工作簿' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '备份全部到文件' }).click();
  const file = JSON.parse(readFileSync(await (await downloading).path(), 'utf8')) as {
    workbooks: { id: string; updatedAt: string }[];
  };
  await page.keyboard.press('Escape');
  // The browser's copy changes after the backup.
  await workbook.typeInto(INFANT.code, '2022年', '4.5');
  await workbook.waitSaved();
  const restoreWith = async (updatedAt: string) => {
    const edited = structuredClone(file);
    edited.workbooks.find((w) => w.id === LANXI_2021_2025.id)!.updatedAt = updatedAt;
    await page.getByRole('button', { name: '工作簿' }).click();
    await page.getByLabel('从备份文件恢复').setInputFiles({
      name: '改过的备份.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(edited), 'utf8'),
    });
  };

  // The file's time written again by hand in Beijing time, an hour earlier than the backup: as text (…T1x:…+08:00)
  // it read as later than the browser's (…T0x:…Z), and the browser's newer figure was ticked to be replaced.
  const backedUp = Date.parse(file.workbooks.find((w) => w.id === LANXI_2021_2025.id)!.updatedAt);
  const inBeijing = new Date(backedUp - 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
  await restoreWith(inBeijing);
  const plan = page.getByRole('table', { name: '恢复内容' });
  await expect(plan).toContainText('浏览器中的版本较新，默认不覆盖');
  await expect(plan.getByLabel(`恢复 ${LANXI_2021_2025.title}`)).not.toBeChecked();
  await expect(page.getByRole('button', { name: /恢复所选/ })).toBeDisabled();
  await page.keyboard.press('Escape');

  // A time that is no time: said, with the workbook, the text and what to do; nothing restored.
  await restoreWith('2026年11月29日上午');
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(
    `“改过的备份.json”不能用于恢复：第 1 个工作簿${quoted(LANXI_2021_2025.title)}的最后修改时间（updatedAt）` +
      '“2026年11月29日上午”无法读取，无法判断文件与浏览器中哪一份较新，本文件未恢复任何内容：' +
      '请把它改回备份时的写法（如 2026-11-29T10:00:00.000Z），或换用其他备份文件。',
  );
  await expect(page.getByRole('table', { name: '恢复内容' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('4.5‰');
  workbook.expectNoErrors();
});

test('a backup whose 备份时间 was edited into no time says so (never “Invalid Date”)', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(INFANT.code, '2021年', '4.6');
  await workbook.waitSaved();
  await page.getByRole('button', { name: '工作簿' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '备份全部到文件' }).click();
  const file = JSON.parse(readFileSync(await (await downloading).path(), 'utf8')) as { createdAt: string };
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: '工作簿' }).click();
  await page.getByLabel('从备份文件恢复').setInputFiles({
    name: '改过的备份.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...file, createdAt: '上周五' }), 'utf8'),
  });
  const plan = page.locator('.restore-plan');
  await expect(plan).toContainText('备份时间：无法识别的时间“上周五”。请选择要恢复的工作簿');
  await expect(plan).not.toContainText('Invalid Date');
  workbook.expectNoErrors();
});

test('a department’s CSV chosen as a backup by mistake: the message names the button that makes a backup, and it is there', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '工作簿' }).click();
  await page.getByLabel('从备份文件恢复').setInputFiles({
    name: '卫健局.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`代码,2025年\r\n${INFANT.code},4.1\r\n`, 'utf8'),
  });
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(
    '“卫健局.csv”不能用于恢复：这不是本程序的备份文件（无法读取）。' +
      '请选择在“工作簿”中点“备份全部到文件”生成的 .json 文件。',
  );
  // The button the message names is the one in this dialog (it said “备份全部”, a name no button has).
  await expect(page.getByRole('dialog').getByRole('button', { name: '备份全部到文件' })).toBeVisible();
  workbook.expectNoErrors();
});

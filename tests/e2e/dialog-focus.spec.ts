/**
 * A clerk who works with the keyboard only: every dialog takes the focus when it opens, Tab and Shift+Tab stay
 * in it, Escape closes it, and afterwards the arrow keys move in the grid again.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { WorkbookPage } from './workbook-page';

const plan = LANXI_2021_2025;
const INFANT = plan.indicators.find((r) => r.name === '婴儿死亡率')!.code;

/** The row under `code` in the plan's order (the order the grid shows before any filter or sort). */
function rowAfter(code: string): { code: string; name: string } {
  const next = plan.indicators[plan.indicators.findIndex((r) => r.code === code) + 1];
  if (!next) throw new Error(`no row after ${code}`);
  return next;
}

const cellInfo = (page: Page) => page.locator('.status-bar .cell-info');

/** Whether the browser's focus is inside `dialog` (the dialog itself counts). */
const focusInside = (dialog: Locator) =>
  dialog.evaluate((element) => element.contains(document.activeElement));

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return '(body)';
    return `${active.tagName} ${active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 20) ?? ''}`;
  });

/** Press Tab (or Shift+Tab) `times` times; after each press the focus must still be in the dialog. */
async function tabAround(page: Page, dialog: Locator, key: 'Tab' | 'Shift+Tab', times: number) {
  const visited = new Set<string>();
  for (let i = 1; i <= times; i += 1) {
    await page.keyboard.press(key);
    const where = await focusedLabel(page);
    expect(await focusInside(dialog), `${key} ×${i}: the focus went to ${where}`).toBe(true);
    visited.add(where);
  }
  return visited;
}

test('工作簿 and 导入CSV opened from their buttons have the focus; Escape closes them, back to the button', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  for (const [buttonName, dialogName] of [
    ['工作簿', '工作簿'],
    ['导入CSV', '导入 CSV'],
  ] as const) {
    const button = page.getByRole('button', { name: buttonName, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: dialogName });
    await expect(dialog).toBeVisible();
    await expect.poll(() => focusInside(dialog), `focus in ${dialogName}`).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    // No cell is selected yet: the focus is back on the button that opened the dialog, not on the page.
    await expect(button).toBeFocused();
  }
  workbook.expectNoErrors();
});

test('Tab and Shift+Tab go round 设置 and 导出CSV and never to the page behind', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();

  await page.getByRole('button', { name: '设置', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '设置' });
  await expect(settings.getByLabel('填报人（经办人）姓名')).toBeFocused();
  const stops = await settings.locator('input, button, select, textarea').count();
  const forwards = await tabAround(page, settings, 'Tab', stops + 5);
  // Round the whole dialog: its last button and its first field were both reached.
  expect([...forwards].some((label) => label.startsWith('BUTTON 保存'))).toBe(true);
  expect([...forwards].some((label) => label.startsWith('INPUT'))).toBe(true);
  await tabAround(page, settings, 'Shift+Tab', stops + 5);
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);

  await page.getByRole('button', { name: '导出CSV', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: '导出 CSV' });
  await expect(exportDialog.getByRole('radio').first()).toBeFocused();
  const backwards = await tabAround(page, exportDialog, 'Shift+Tab', 12);
  expect([...backwards].some((label) => label.startsWith('BUTTON 导出'))).toBe(true);
  expect([...backwards].some((label) => label.startsWith('BUTTON 取消'))).toBe(true);
  await tabAround(page, exportDialog, 'Tab', 12);
  // A click on the backdrop leaves the focus on the page: Escape still closes the dialog, Tab comes back into it.
  await page.mouse.click(5, 5);
  expect(await focusedLabel(page)).toBe('(body)');
  await page.keyboard.press('Tab');
  expect(await focusInside(exportDialog)).toBe(true);
  await page.mouse.click(5, 5);
  await page.keyboard.press('Escape');
  await expect(exportDialog).toHaveCount(0);
  workbook.expectNoErrors();
});

test('every dialog keeps Tab in it, and once closed with Escape the arrow keys move in the grid again', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.select(INFANT, '指标名称');
  let code = INFANT;

  const dialogs: { name: string | RegExp; open: () => Promise<void> }[] = [
    { name: '工作簿', open: () => page.getByRole('button', { name: '工作簿', exact: true }).click() },
    { name: '版本', open: () => page.getByRole('button', { name: '版本', exact: true }).click() },
    { name: '设置', open: () => page.getByRole('button', { name: '设置', exact: true }).click() },
    { name: '导出 CSV', open: () => page.getByRole('button', { name: '导出CSV', exact: true }).click() },
    { name: '导入 CSV', open: () => page.getByRole('button', { name: '导入CSV', exact: true }).click() },
    { name: '监测报告', open: () => page.getByRole('button', { name: '打印报告', exact: true }).click() },
    { name: '确认删除指标', open: () => workbook.more('删除所选指标') },
    { name: /修改记录/, open: () => page.getByRole('button', { name: '修改记录' }).click() },
    {
      name: '修改记录：全部指标',
      open: () => page.getByRole('button', { name: '历次修改', exact: true }).click(),
    },
    { name: /^图表：/, open: () => page.keyboard.press('Alt+c') },
  ];
  for (const { name, open } of dialogs) {
    await open();
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await expect.poll(() => focusInside(dialog), `focus in ${String(name)}`).toBe(true);
    await tabAround(page, dialog, 'Tab', 8);
    await tabAround(page, dialog, 'Shift+Tab', 3);
    await page.keyboard.press('Escape');
    await expect(dialog, String(name)).toHaveCount(0);
    // The keys are the grid's again: ArrowDown selects the next row, as the status bar shows.
    await page.keyboard.press('ArrowDown');
    const next = rowAfter(code);
    await expect(cellInfo(page), `ArrowDown after ${String(name)}`).toContainText(
      `${next.code} ${next.name} · 指标名称`,
    );
    code = next.code;
  }
  workbook.expectNoErrors();
});

test('Escape in a workbook’s new name leaves the name and keeps the dialog; the next Escape closes it', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '工作簿', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '工作簿' });
  const list = dialog.getByRole('table', { name: '工作簿列表' });
  await list.getByRole('button', { name: '重命名' }).first().click();
  const name = list.getByLabel('新名称');
  await expect(name).toBeVisible();
  await name.fill('不要的名称');
  await page.keyboard.press('Escape');
  await expect(name).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(list).toContainText(plan.title);
  expect(await focusInside(dialog)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  workbook.expectNoErrors();
});

test('Escape in the search box empties it and gives the arrow keys back to the grid', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.select(INFANT, '指标名称');
  await page.keyboard.press('Control+f');
  const search = page.getByRole('searchbox', { name: '搜索' });
  await expect(search).toBeFocused();
  await page.keyboard.type('出生缺陷');
  await expect(page.locator('.search .hits')).toBeVisible();
  await page.keyboard.press('Enter');
  // The cell found (its row code and column, as the status bar says).
  await expect(cellInfo(page)).not.toContainText(`${INFANT} `);
  const [found = '', column = ''] = ((await cellInfo(page).textContent()) ?? '').split(' · ');
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.locator('.search .hits')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  const next = rowAfter(found.split(' ')[0]!);
  await expect(cellInfo(page)).toContainText(`${next.code} ${next.name} · ${column}`);
  workbook.expectNoErrors();
});

test('删除示例数据 cancelled with Escape gives the arrow keys back to the grid', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open('/?workbook=sample');
  await workbook.select(INFANT, '指标名称');
  await page.getByRole('button', { name: '删除示例数据' }).click();
  const confirm = page.getByRole('dialog', { name: '删除示例数据' });
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
  await tabAround(page, confirm, 'Tab', 4);
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  const next = rowAfter(INFANT);
  await expect(cellInfo(page)).toContainText(`${next.code} ${next.name} · 指标名称`);
  workbook.expectNoErrors();
});

test('工作簿: 删除 and 永久删除 ask in the page with 取消 focused — Enter keeps the workbook; a renamed one keeps the focus', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // A native confirm (OK focused: Enter deleted for good) must not be what asks.
  const nativePrompts: string[] = [];
  page.on('dialog', (prompt) => {
    nativePrompts.push(prompt.message());
    void prompt.dismiss();
  });
  await page.getByRole('button', { name: '工作簿', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '工作簿' });
  const list = dialog.getByRole('table', { name: '工作簿列表' });
  await list.getByRole('button', { name: '复制' }).first().click();
  const copy = list.getByRole('row').filter({ hasText: '（副本）' });
  await expect(copy).toHaveCount(1);

  // Renamed with Enter: the field goes, the focus stays in the dialog (it fell to the page's body).
  await copy.getByRole('button', { name: '重命名' }).click();
  await list.getByLabel('新名称').fill('草稿簿');
  await page.keyboard.press('Enter');
  const draft = list.getByRole('row').filter({ hasText: '草稿簿' });
  await expect(draft).toHaveCount(1);
  expect(await focusInside(dialog)).toBe(true);

  await draft.getByRole('button', { name: '删除' }).click();
  const ask = page.getByRole('dialog', { name: '删除工作簿' });
  await expect(ask).toContainText('草稿簿');
  await expect(ask.getByRole('button', { name: '取消' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(draft).toHaveCount(1);
  expect(await focusInside(dialog)).toBe(true);
  // Escape closes the question only, not 工作簿 behind it.
  await draft.getByRole('button', { name: '删除' }).click();
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await draft.getByRole('button', { name: '删除' }).click();
  await ask.getByRole('button', { name: '删除', exact: true }).click();
  const deleted = dialog.getByRole('list', { name: '已删除的工作簿' });
  await expect(deleted).toContainText('草稿簿');

  await deleted.getByRole('button', { name: '永久删除' }).click();
  const forGood = page.getByRole('dialog', { name: '永久删除工作簿' });
  await expect(forGood).toContainText('不能撤销');
  await expect(forGood.getByRole('button', { name: '取消' })).toBeFocused();
  await tabAround(page, forGood, 'Tab', 3);
  await forGood.getByRole('button', { name: '取消' }).focus();
  await page.keyboard.press('Enter');
  await expect(forGood).toHaveCount(0);
  await expect(deleted).toContainText('草稿簿');
  await deleted.getByRole('button', { name: '永久删除' }).click();
  await forGood.getByRole('button', { name: '永久删除', exact: true }).click();
  await expect(deleted).toHaveCount(0);
  expect(nativePrompts).toEqual([]);
  workbook.expectNoErrors();
});

test('版本: 删除 asks in the row with 取消 focused — Enter keeps the version, the focus stays in the dialog', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '版本', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '版本' });
  await expect(dialog.getByLabel('版本名称')).toBeFocused();
  await page.keyboard.type('2023年中期评估定稿');
  await page.keyboard.press('Enter');
  const saved = dialog
    .getByRole('table', { name: '已保存的版本' })
    .getByRole('row', { name: /2023年中期评估定稿/ });
  await expect(saved).toHaveCount(1);
  await saved.getByRole('button', { name: '删除', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(saved.getByRole('button', { name: '确认删除' })).toBeVisible();
  await expect(saved.getByRole('button', { name: '取消' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(saved.getByRole('button', { name: '确认删除' })).toHaveCount(0);
  await expect(saved.getByRole('button', { name: '删除', exact: true })).toBeFocused();
  await saved.getByRole('button', { name: '删除', exact: true }).click();
  await saved.getByRole('button', { name: '确认删除' }).click();
  await expect(saved).toHaveCount(0);
  expect(await focusInside(dialog)).toBe(true);
  workbook.expectNoErrors();
});

/**
 * A clerk who uses only the keyboard, in her yearly round: what dialog-focus.spec.ts does not walk — the grid's
 * column menu, the long lists of a dialog (the import's changed cells, a version's differences) and the version
 * restore she changes her mind about.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { nextFileChooser, WorkbookPage } from './workbook-page';

const plan = LANXI_2021_2025;
const INFANT = plan.indicators.find((r) => r.name === '婴儿死亡率')!;
const cellInfo = (page: Page) => page.locator('.status-bar .cell-info');

/** The row under `code` in the plan's order (the order the grid shows before any filter or sort). */
function rowAfter(code: string): { code: string; name: string } {
  const next = plan.indicators[plan.indicators.findIndex((r) => r.code === code) + 1];
  if (!next) throw new Error(`no row after ${code}`);
  return next;
}

/** Press Tab until `target` has the focus (at most `limit` presses); fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 12): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reached with Tab within ${limit} presses`).toBeFocused();
}

test('the column menu opened with Shift+Alt+↓ and closed with Escape leaves the clerk on her cell', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.select(INFANT.code, '2021年');
  await page.keyboard.press('Shift+Alt+ArrowDown');
  const menu = page.locator('.htDropdownMenu');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  // Still on 婴儿死亡率's 2021 (the menu had selected the whole column, and the next arrow key jumped to F01 代码).
  await expect(cellInfo(page)).toContainText(`${INFANT.code} ${INFANT.name} · 2021年`);
  await page.keyboard.press('ArrowDown');
  const next = rowAfter(INFANT.code);
  await expect(cellInfo(page)).toContainText(`${next.code} ${next.name} · 2021年`);
  // And what she types goes into that cell.
  await page.keyboard.type('4.4');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(next.code, '2021年')).toHaveText('4.4‰');
  workbook.expectNoErrors();
});

test('an import chosen, read and applied with the keyboard: the whole list of changed cells can be scrolled', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // Made-up figures (2 in each row's unit) for the first 40 rows: more changed cells than the list shows at once.
  const rows = plan.indicators.slice(0, 40);
  const file = `代码,2021年\r\n${rows.map((r) => `${r.code},2`).join('\r\n')}\r\n`;
  const chooser = nextFileChooser(page);
  await page.getByRole('button', { name: '导入CSV', exact: true }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await expect(dialog.getByRole('button', { name: '选择文件…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await (
    await chooser()
  ).setFiles({
    name: '各单位.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${file}`),
  });
  const changed = dialog.getByRole('table', { name: '将修改的单元格' });
  // 将修改 N 个单元格: a heading line and N.
  const summary = dialog.getByLabel('导入摘要');
  await expect(summary).toContainText(/将修改 \d+ 个单元格/);
  const updates = Number(/将修改 (\d+) 个单元格/.exec((await summary.textContent()) ?? '')![1]);
  expect(updates).toBeGreaterThan(20);
  await expect(changed.getByRole('row')).toHaveCount(updates + 1);
  const last = changed.getByRole('row').last();
  // Below the fold of its box at first…
  await expect(last).not.toBeInViewport();
  // …and Tab reaches the list, where End scrolls to its last line, as a clerk checks what she is about to apply.
  const list = dialog.getByRole('region', { name: '将修改的单元格' });
  await tabTo(page, list);
  await page.keyboard.press('End');
  await expect(last).toBeInViewport();
  await tabTo(page, dialog.getByRole('button', { name: '应用' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(cellInfo(page)).toContainText(`已导入：${updates} 个单元格`);
  await workbook.revealRow(rows.at(-1)!.code);
  await expect(await workbook.cell(rows.at(-1)!.code, '2021年')).toHaveText(/^2\D/);
  workbook.expectNoErrors();
});

test('版本: the differences of a long comparison can be scrolled with the keyboard; 取消 of a restore keeps the focus', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open('/?workbook=sample');
  const versionsButton = page.getByRole('button', { name: '版本', exact: true });
  await versionsButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '版本' });
  await expect(dialog.getByLabel('版本名称')).toBeFocused();
  await page.keyboard.type('2024年监测初稿');
  await page.keyboard.press('Enter');
  const saved = dialog
    .getByRole('table', { name: '已保存的版本' })
    .getByRole('row', { name: /2024年监测初稿/ });
  await expect(saved).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // 2024's figures of the first 30 rows cleared: 30 differences, more than the list shows at once.
  await workbook.select(plan.indicators[0]!.code, '2024年');
  for (let i = 0; i < 29; i += 1) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Delete');
  await workbook.waitSaved();

  await versionsButton.focus();
  await page.keyboard.press('Enter');
  await expect(saved).toHaveCount(1);
  await tabTo(page, saved.getByRole('button', { name: '与当前比较' }));
  await page.keyboard.press('Enter');
  const result = dialog.getByRole('region', { name: '比较结果' });
  await expect(result.getByRole('heading')).toContainText(/共 \d+ 处不同/);
  const last = result.getByRole('table', { name: '不同的单元格' }).getByRole('row').last();
  await expect(last).not.toBeInViewport();
  await tabTo(page, result.getByRole('region', { name: '不同的单元格' }));
  await page.keyboard.press('End');
  await expect(last).toBeInViewport();

  // 恢复此版本, then 取消: the focus goes back to the button pressed, not to the page (Tab then started over).
  const restore = saved.getByRole('button', { name: '恢复此版本' });
  await tabTo(page, restore, 20);
  await page.keyboard.press('Enter');
  const asking = dialog.getByRole('group', { name: '恢复版本' });
  await tabTo(page, asking.getByRole('button', { name: '取消' }));
  await page.keyboard.press('Enter');
  await expect(asking).toHaveCount(0);
  await expect(restore).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  workbook.expectNoErrors();
});

test('a row’s 修改记录 longer than the dialog can be read to its last line with the keyboard', async ({
  page,
}) => {
  // A laptop's page at 125 % (1366×768): the list of a row's changes soon runs past the dialog's foot.
  await page.setViewportSize({ width: 1093, height: 520 });
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // Made-up figures for 2021–2025, typed four times over: twenty changes of the row.
  for (let round = 1; round <= 4; round += 1) {
    await workbook.select(INFANT.code, '2021年');
    for (let year = 1; year <= 5; year += 1) {
      await page.keyboard.type(`4.${round}${year}`, { delay: 30 });
      await page.keyboard.press(year < 5 ? 'Tab' : 'Enter');
    }
  }
  await workbook.waitSaved();
  await workbook.select(INFANT.code, '2025年');
  await page.getByRole('button', { name: '修改记录', exact: true }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `修改记录：${INFANT.code} ${INFANT.name}` });
  const lines = dialog.getByRole('table', { name: '修改记录' }).locator('tbody tr');
  await expect(lines.first()).toBeVisible();
  // Its buttons (全部指标的修改记录, 关闭) are below the list, outside what scrolls: Tab reaches the list itself.
  await expect(lines.last()).not.toBeInViewport();
  await tabTo(page, dialog.getByRole('region', { name: '修改记录' }));
  await page.keyboard.press('End');
  await expect(lines.last()).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  workbook.expectNoErrors();
});

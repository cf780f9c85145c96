/**
 * A clerk's afternoon with the keyboard, as in Excel: 撤销 and 重做 (Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z) after each kind
 * of edit, with the grid, the row's 状态 and a reload agreeing; what 撤销 says when it has nothing to take back
 * (after a reload); and the cell she was on kept when a dialog closes — 设置 saved too.
 */
import { expect, test, type Page } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { WorkbookPage } from './workbook-page';

const plan = LANXI_2021_2025;
const INFANT = plan.indicators.find((r) => r.name === '婴儿死亡率')!;
const cellInfo = (page: Page) => page.locator('.status-bar .cell-info');

/** The row under `code` in the plan's order (the order the grid shows before any filter or sort). */
function rowAfter(code: string): (typeof plan.indicators)[number] {
  const next = plan.indicators[plan.indicators.findIndex((r) => r.code === code) + 1];
  if (!next) throw new Error(`no row after ${code}`);
  return next;
}

async function reload(workbook: WorkbookPage): Promise<void> {
  await workbook.waitSaved();
  await workbook.page.reload();
  await workbook.waitForGrid();
}

test('Ctrl+Z after a reload says that nothing of this opening is left to undo, and where the earlier edits are', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(INFANT.code, '2021年', '5.8');
  await reload(workbook);
  await workbook.select(INFANT.code, '2021年');
  await page.keyboard.press('Control+z');
  // Not silence: the figure stays (it is saved), and the status bar says why 撤销 does not take it back.
  await expect(cellInfo(page)).toHaveText(
    '没有可撤销的操作：撤销只对本次打开页面后的修改有效。之前的修改都已保存，可在“修改记录”中查看。',
  );
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('5.8‰');
  await page.keyboard.press('Control+y');
  await expect(cellInfo(page)).toHaveText('没有可重做的操作。');
  // The keys are still the grid's: the next arrow moves on from her cell.
  await page.keyboard.press('ArrowDown');
  const next = rowAfter(INFANT.code);
  await expect(cellInfo(page)).toContainText(`${next.code} ${next.name} · 2021年`);
  // Once there is something to undo, Ctrl+Z takes it back as before, and says so.
  await workbook.typeInto(INFANT.code, '2022年', '5.6');
  await page.keyboard.press('Control+z');
  await expect(cellInfo(page)).toHaveText('已撤销修改。可点“重做”恢复。');
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('');
  await page.keyboard.press('Control+Shift+z');
  await expect(cellInfo(page)).toHaveText('已重做修改。');
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('5.6‰');
  workbook.expectNoErrors();
});

test('设置 saved with 保存 gives the clerk her cell back; a new name keeps 撤销, a threshold says it is lost', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const next = rowAfter(INFANT.code);
  await workbook.typeInto(INFANT.code, '2021年', '5.8');
  await workbook.select(INFANT.code, '2021年');

  // Her name, as the status bar's 填报人：未填写 asks for.
  await page.getByRole('button', { name: '设置', exact: true }).click();
  let settings = page.getByRole('dialog', { name: '设置' });
  await settings.getByLabel('填报人（经办人）姓名').fill('张丽');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings).toHaveCount(0);
  await expect(page.locator('.status-bar')).toContainText('填报人：张丽');
  // The keys go on from her cell (they started over at the top-left cell, and 撤销 had nothing left).
  await page.keyboard.press('ArrowDown');
  await expect(cellInfo(page)).toContainText(`${next.code} ${next.name} · 2021年`);
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('');
  await page.keyboard.press('Control+y');
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('5.8‰');
  // What she does after saving her name is recorded under it (the history took the name of the page's opening).
  await workbook.waitSaved();
  await page.getByRole('button', { name: '修改记录' }).click();
  const history = page.getByRole('dialog', { name: /修改记录/ }).getByRole('table', { name: '修改记录' });
  await expect(history.locator('tbody tr').first()).toContainText(/重做修改\s*张丽$/);
  // What she typed before she gave her name keeps the record it was saved with.
  await expect(history.locator('tbody tr').last()).toContainText('录入');
  await expect(history.locator('tbody tr').last()).not.toContainText('张丽');
  await page
    .getByRole('dialog', { name: /修改记录/ })
    .getByRole('button', { name: '关闭' })
    .click();

  // A threshold changes every row's 状态: the page is built again, on her cell, and says 撤销 starts afresh.
  await workbook.select(INFANT.code, '2021年');
  await page.getByRole('button', { name: '设置', exact: true }).click();
  settings = page.getByRole('dialog', { name: '设置' });
  await settings.getByLabel('方向性指标预计达标：年均变化不低于').fill('1%');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(cellInfo(page)).toContainText(
    '设置已保存。页面已按新设置重新载入：之前的修改都已保存，但不能再撤销。',
  );
  await expect(page.getByRole('button', { name: '撤销', exact: true })).toBeDisabled();
  await page.keyboard.press('ArrowDown');
  await expect(cellInfo(page)).toContainText(`${next.code} ${next.name} · 2021年`);
  await reload(workbook);
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('5.8‰');
  workbook.expectNoErrors();
});

test('after the toolbar’s 撤销 or 重做 is clicked the keys are the grid’s again: arrows move, Ctrl+Y and Ctrl+Z work', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const next = rowAfter(INFANT.code);
  await workbook.typeInto(INFANT.code, '2021年', '5.8');
  await workbook.select(INFANT.code, '2022年');
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('');
  // 撤销 put her on the cell it changed; the next arrow goes on from there (the keys went to a hidden field).
  await page.keyboard.press('ArrowDown');
  await expect(cellInfo(page)).toContainText(`${next.code} ${next.name} · 2021年`);
  await page.keyboard.press('Control+y');
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('5.8‰');

  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('');
  await page.getByRole('button', { name: '重做', exact: true }).click();
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('5.8‰');
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('');
  await expect(cellInfo(page)).toHaveText('已撤销修改。可点“重做”恢复。');
  // A figure typed at once goes into her cell.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('4.9');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(next.code, '2021年')).toHaveText('4.9‰');
  workbook.expectNoErrors();
});

test('Ctrl+D fills down as in Excel: the top row of the selection into the rows below it, one step for 撤销', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const [second, third] = [rowAfter(INFANT.code), rowAfter(rowAfter(INFANT.code).code)];
  expect(plan.indicators.find((r) => r.code === third.code)?.unit).toBe('1/10万');
  await workbook.typeInto(INFANT.code, '2021年', '5.8');
  await workbook.typeInto(INFANT.code, '2022年', '5.6');
  // Two years of three rows: the top row's figures go into the two below, with the rows' own unit.
  await workbook.select(INFANT.code, '2021年');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+d');
  await expect(await workbook.cell(second.code, '2021年')).toHaveText('5.8‰');
  // (The third row, 儿童常见疾病和恶性肿瘤等严重疾病发病率, counts per 10万: the figure is read in its own unit.)
  await expect(await workbook.cell(third.code, '2022年')).toHaveText('5.6/10万');
  // The selection stays as she made it, and one 撤销 takes back the whole fill.
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(second.code, '2021年')).toHaveText('');
  await expect(await workbook.cell(third.code, '2022年')).toHaveText('');
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('5.6‰');
  await page.keyboard.press('Control+y');
  await expect(await workbook.cell(third.code, '2021年')).toHaveText('5.8/10万');

  // One cell selected: the cell above comes down into it (责任单位, an office for a whole block of rows).
  await workbook.typeInto(INFANT.code, '责任单位', '市妇幼保健院');
  await workbook.select(second.code, '责任单位');
  await page.keyboard.press('Control+d');
  await expect(await workbook.cell(second.code, '责任单位')).toHaveText('▼市妇幼保健院');
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(second.code);
  await expect(await workbook.cell(second.code, '责任单位')).toHaveText('▼市妇幼保健院');
  await expect(await workbook.cell(third.code, '2022年')).toHaveText('5.6/10万');
  workbook.expectNoErrors();
});

test('a click on the row panel or the status bar to read them leaves the keys to the grid: arrows, figures, Ctrl+Z', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const next = rowAfter(INFANT.code);
  await workbook.select(INFANT.code, '2021年');
  // She reads what the panel says of the row (clicking on its text), then goes on with the keyboard.
  await page.getByRole('complementary', { name: '指标说明' }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowDown');
  await expect(cellInfo(page)).toContainText(`${next.code} ${next.name} · 2021年`);
  await page.keyboard.type('4.9');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(next.code, '2021年')).toHaveText('4.9‰');
  await page.locator('.status-bar .counts').click();
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(next.code, '2021年')).toHaveText('');
  await expect(cellInfo(page)).toHaveText('已撤销修改。可点“重做”恢复。');
  workbook.expectNoErrors();
});

test('撤销 of 删除所选指标 puts the clerk back on the row it brings back, so what she types next goes there', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.select(INFANT.code, '2021年');
  await workbook.more('删除所选指标');
  await page.getByRole('dialog', { name: '确认删除指标' }).getByRole('button', { name: /删除/ }).click();
  await expect(workbook.row(INFANT.code)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(cellInfo(page)).toHaveText('已撤销删除指标。可点“重做”恢复。');
  await expect(workbook.row(INFANT.code)).toHaveCount(1);
  // She was on 婴儿死亡率 2021年 when she deleted it: the next arrow goes on from there (it went from the row above).
  await page.keyboard.press('ArrowRight');
  await expect(cellInfo(page)).toContainText(`${INFANT.code} ${INFANT.name} · 2022年`);
  await page.keyboard.type('5.6');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('5.6‰');
  workbook.expectNoErrors();
});

test('three rows deleted at once come back with one 撤销, as the confirmation promises, and go again with one 重做', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const total = plan.indicators.length;
  const [second, third] = [rowAfter(INFANT.code), rowAfter(rowAfter(INFANT.code).code)];
  await workbook.typeInto(third.code, '2021年', '12.5');
  await workbook.select(INFANT.code, '2021年');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await workbook.more('删除所选指标');
  const confirm = page.getByRole('dialog', { name: '确认删除指标' });
  await expect(confirm).toContainText('删除后可以点“撤销”恢复');
  await confirm.getByRole('button', { name: '删除 3 项' }).click();
  await expect(workbook.counts()).toContainText(`共 ${total - 3} 项指标`);
  await page.keyboard.press('Control+z');
  await expect(cellInfo(page)).toHaveText('已撤销删除指标。可点“重做”恢复。');
  await expect(workbook.counts()).toContainText(`共 ${total} 项指标`);
  await expect(await workbook.cell(third.code, '2021年')).toHaveText('12.5/10万');
  await expect(page.getByRole('button', { name: '重做', exact: true })).toBeEnabled();
  // Back on the first of them, in her column.
  await page.keyboard.press('ArrowDown');
  await expect(cellInfo(page)).toContainText(`${second.code} ${second.name} · 2021年`);
  await page.keyboard.press('Control+y');
  await expect(workbook.counts()).toContainText(`共 ${total - 3} 项指标`);
  await page.keyboard.press('Control+z');
  await expect(workbook.counts()).toContainText(`共 ${total} 项指标`);
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await expect(workbook.counts()).toContainText(`共 ${total} 项指标`);
  await workbook.revealRow(third.code);
  await expect(await workbook.cell(third.code, '2021年')).toHaveText('12.5/10万');
  workbook.expectNoErrors();
});

test('a block from Excel with an empty cell, 95% and CRLF line ends: written as Excel would, one 撤销, a reload agrees', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // The plan's first row in %, and the row under it (社区图书馆设立亲子阅读区比例, then 家庭教育工作经费投入 in 万元).
  const share = plan.indicators.find((r) => r.unit === '%')!;
  const below = rowAfter(share.code);
  await workbook.typeInto(share.code, '2021年', '50');
  await workbook.typeInto(below.code, '2022年', '82');
  await workbook.select(share.code, '2020年（基期）');
  // Excel's copy: CRLF, a trailing line end, an empty cell in the middle and one at a line's end.
  await page.evaluate(() => navigator.clipboard.writeText('95%\t\t96.5\r\n80\t81\t\r\n'));
  await page.keyboard.press('Control+v');
  // An empty cell of the block empties the cell under it, as in Excel; the trailing line end adds no row.
  await expect(await workbook.cell(share.code, '2020年（基期）')).toHaveText('95%');
  await expect(await workbook.cell(share.code, '2021年')).toHaveText('');
  await expect(await workbook.cell(share.code, '2022年')).toHaveText('96.5%');
  await expect(await workbook.cell(below.code, '2021年')).toHaveText(`81 ${below.unit}`);
  await expect(await workbook.cell(below.code, '2022年')).toHaveText('');
  await expect(await workbook.cell(rowAfter(below.code).code, '2020年（基期）')).toHaveText('');
  await page.keyboard.press('Control+z');
  await expect(cellInfo(page)).toHaveText('已撤销修改。可点“重做”恢复。');
  await expect(await workbook.cell(share.code, '2021年')).toHaveText('50%');
  await expect(await workbook.cell(share.code, '2020年（基期）')).toHaveText('');
  await expect(await workbook.cell(below.code, '2022年')).toHaveText(`82 ${below.unit}`);
  await reload(workbook);
  await workbook.revealRow(share.code);
  await expect(await workbook.cell(share.code, '2021年')).toHaveText('50%');
  await expect(await workbook.cell(share.code, '2020年（基期）')).toHaveText('');
  await expect(await workbook.cell(below.code, '2022年')).toHaveText(`82 ${below.unit}`);
  workbook.expectNoErrors();
});

/**
 * Small things a clerk meets in the grid: the 责任单位 list, Escape in 预警汇总, a gap of exactly 0, a 基期年 before the
 * workbook's first year, and a saved row whose figures start before its 基期年. Made-up figures throughout.
 */
import { expect, test } from '@playwright/test';
import { DEPARTMENTS } from '../../src/grid/columns';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { WorkbookPage } from './workbook-page';

const codeOf = (name: string) => LANXI_2021_2025.indicators.find((r) => r.name === name)!.code;
const INFANT = codeOf('婴儿死亡率');
const HIGH_SCHOOL = codeOf('高中阶段毛入学率');
const MYOPIA = codeOf('儿童青少年总体近视率');

test('责任单位 opened with Enter or its ▾ lists every office, narrowing as she types; a new office is kept', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const list = page.locator('.autocompleteEditor .htCore td');
  await workbook.select(INFANT, '责任单位');
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市卫健局');
  await page.keyboard.press('Enter');
  // The list scrolls: more offices than the one in the cell, the next ones of the list among them.
  await expect(list.filter({ hasText: /^市教育局$/ })).toHaveCount(1);
  await expect(list.filter({ hasText: /^市民政局$/ })).toHaveCount(1);
  expect(await list.count()).toBeGreaterThanOrEqual(10);
  // Typing narrows the list to the offices holding what is typed.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('教育');
  await expect(list).toHaveCount(DEPARTMENTS.filter((d) => d.includes('教育')).length);
  await expect(list.first()).toHaveText('市教育局');
  await page.keyboard.press('Escape');
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市卫健局');

  // The ▾ opens the whole list too.
  await (await workbook.cell(INFANT, '责任单位')).locator('.htAutocompleteArrow').click();
  await expect(list.filter({ hasText: /^市教育局$/ })).toHaveCount(1);
  await list.filter({ hasText: /^市民政局$/ }).click();
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市民政局');

  // An office not in the list is still typed in and kept.
  await workbook.select(INFANT, '责任单位');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('市妇幼保健院');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市妇幼保健院');
  workbook.expectNoErrors();
});

test('Escape in 预警汇总 closes it, back to the grid cell or to the 预警汇总 button', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const panel = page.getByRole('region', { name: '预警汇总' });
  const toggle = page.getByRole('button', { name: '预警汇总', exact: true });

  // No cell selected: the focus goes back to the button that opened it.
  await toggle.click();
  await expect(panel).toBeVisible();
  await panel.getByRole('heading', { name: '预警汇总：各领域指标状态' }).click();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(toggle).toBeFocused();

  // A cell selected: Escape gives the keys back to the grid (the arrow keys move from that cell).
  await workbook.select(INFANT, '责任单位');
  await toggle.click();
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: '收起' }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.status-bar .cell-info')).toContainText(`${INFANT} 婴儿死亡率 · 目标类型`);
  workbook.expectNoErrors();
});

test('a gap of exactly 0 says 与目标持平 in the grid, as the report does', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(HIGH_SCHOOL, '2025年', '98');
  const gap = await workbook.cell(HIGH_SCHOOL, '与目标差距');
  await expect(gap).toHaveText('与目标持平');
  await expect(gap).toHaveAttribute('title', '2025年实际值与目标持平');
  // A figure off the target still shows its size.
  await workbook.typeInto(HIGH_SCHOOL, '2025年', '97.5');
  await expect(await workbook.cell(HIGH_SCHOOL, '与目标差距')).toHaveText('−0.5个百分点');
  workbook.expectNoErrors();
});

test('a 基期年 before the workbook’s first year column is refused, said with the earliest year; undo and reload agree', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  expect(workbook.columnTitles).toContain('2018年');
  expect(workbook.columnTitles).not.toContain('2017年');
  const bar = page.locator('.status-bar');
  await workbook.typeInto(INFANT, '基期年', '2017');
  await expect(bar).toContainText(
    `${INFANT} 婴儿死亡率 基期年：本工作簿的年份从2018年起，基期年不能早于2018年`,
  );
  await expect(bar).toContainText('此格未保存');
  await expect(await workbook.cell(INFANT, '基期年')).toHaveClass(/cell-invalid/);
  // One 撤销 puts the saved year back, unmarked; nothing else moved.
  await workbook.select(INFANT, '基期年');
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(INFANT, '基期年')).toHaveText('2020');
  await expect(await workbook.cell(INFANT, '基期年')).not.toHaveClass(/cell-invalid/);
  await workbook.typeInto(INFANT, '基期年', '2017');
  await expect(await workbook.cell(INFANT, '基期年')).toHaveClass(/cell-invalid/);
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  expect(await page.locator('.ht_master thead th').allTextContents()).not.toContain('2017年');
  await expect(await workbook.cell(INFANT, '基期年')).toHaveText('2020');
  await expect(await workbook.cell(INFANT, '基期年')).not.toHaveClass(/cell-invalid/);
  // 2018 itself is a year of the workbook: taken.
  await workbook.typeInto(INFANT, '基期年', '2018');
  await expect(await workbook.cell(INFANT, '基期年')).toHaveText('2018');
  await expect(await workbook.cell(INFANT, '基期年')).not.toHaveClass(/cell-invalid/);
  await expect(await workbook.cell(INFANT, '2018年')).not.toHaveClass(/cell-na/);
  workbook.expectNoErrors();
});

test('a saved row whose figure is before its 基期年 says the figure is still counted', async ({ page }) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(MYOPIA, '2018年', '50');
  await workbook.typeInto(MYOPIA, '2019年', '49.5');
  await workbook.typeInto(MYOPIA, '2020年（基期）', '49');
  await workbook.waitSaved();
  // As a workbook saved before base years were checked against figures holds it: 基期年 2019 beside a 2018 figure.
  await page.evaluate(async (code) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('lanxi-children-plan-workbook');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('rows', 'readwrite').objectStore('rows');
    const rows = await new Promise<{ code: string; baseYear: number }[]>((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const row = rows.find((r) => r.code === code)!;
    await new Promise((resolve) => (store.put({ ...row, baseYear: 2019 }).onsuccess = resolve));
    db.close();
  }, MYOPIA);
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(MYOPIA);
  await expect(await workbook.cell(MYOPIA, '基期年')).toHaveText('⚠ 2019');
  // Selected, the 基期年 cell says what the projection does with the 2018 figure: counted, not left out.
  await workbook.select(MYOPIA, '基期年');
  const info = page.locator('.status-bar .cell-info');
  await expect(info).toContainText('2018年的数值早于基期年（2019年），目前仍计入预测和状态');
  await expect(info).not.toContainText('不计入预测');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel).toContainText('2018年的数值早于基期年（2019年），目前仍计入预测和状态');
  // Nothing saved was changed by opening it.
  await expect(await workbook.cell(MYOPIA, '2018年')).toHaveText('50%');
  workbook.expectNoErrors();
});

import { expect, test } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { makeNextPlan } from '../../src/model/planning';
import { workbookFromPlan } from '../../src/model/workbook';
import { WorkbookPage } from './workbook-page';

// Made-up figures throughout: none of them is the plan's.
const MYOPIA = LANXI_2021_2025.indicators.find((r) => r.name === '儿童青少年总体近视率')!.code;
const COUNTED_FROM_2019 = '在2019年基础上每年降低1个百分点以上';

test('近视率 counted from 2019: refused while 2018 holds a figure; once it is cleared, 2018 is grey, one 撤销 takes it back, a reload shows it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');
  await workbook.typeInto(MYOPIA, '2018年', '50');
  await workbook.typeInto(MYOPIA, '2019年', '49.5');
  await workbook.typeInto(MYOPIA, '2020年（基期）', '49');

  // The target counting from 2019 would leave the 2018 figure in the trend of a period that starts after it.
  await workbook.typeInto(MYOPIA, '目标', COUNTED_FROM_2019);
  await expect(bar).toContainText(
    `${MYOPIA} 目标未改：2018年已有数值，基期年不能晚于2018年（基期以前的数值不计入预测和达标进度）。` +
      '如确需从2019年起算，请先删除2019年以前各年的数值，再改基期年。',
  );
  await page.keyboard.press('Escape');
  await expect(await workbook.cell(MYOPIA, '基期年')).toHaveText('2018');
  // Typed into 基期年 (in full-width digits), it is a slip as any other: shown, marked, not saved.
  await workbook.typeInto(MYOPIA, '基期年', '２０１９');
  await expect(bar).toContainText(
    `${MYOPIA} 儿童青少年总体近视率 基期年：2018年已有数值，基期年不能晚于2018年`,
  );
  await expect(bar).toContainText('此格未保存');
  await expect(await workbook.cell(MYOPIA, '基期年')).toHaveClass(/cell-invalid/);
  await expect(await workbook.cell(MYOPIA, '2018年')).toHaveText('50%');
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await expect(await workbook.cell(MYOPIA, '基期年')).toHaveText('2018');
  await expect(await workbook.cell(MYOPIA, '基期年')).not.toHaveClass(/cell-invalid/);

  // 2018 cleared: the target goes in, 基期年 is 2019 and 2018 is grey, said why when selected.
  await workbook.select(MYOPIA, '2018年');
  await page.keyboard.press('Delete');
  await expect(await workbook.cell(MYOPIA, '2018年')).toHaveText('');
  await workbook.typeInto(MYOPIA, '目标', COUNTED_FROM_2019);
  await expect(await workbook.cell(MYOPIA, '基期年')).toHaveText('2019');
  await expect(await workbook.cell(MYOPIA, '2018年')).toHaveClass(/cell-na/);
  await expect(await workbook.cell(MYOPIA, '2019年')).not.toHaveClass(/cell-na/);
  await workbook.select(MYOPIA, '2018年');
  await expect(page.locator('.status-bar .cell-info')).toContainText(
    '2018年早于基期（2019年），本指标不需填写。',
  );
  // The status counts from 2019's figure, with no stand-in for a base year without one: the trend 49.5 → 49 % to
  // 46.5 % in 2025 against 49.5 − 6 = 43.5 %, half the way (CR 0.5).
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await workbook.select(MYOPIA, '状态');
  await expect(panel).toContainText('需加快');
  await expect(panel).not.toContainText('无数值');
  // One 撤销: 基期年 back to 2018, and 2018 open again; the status says 2018 has no figure to count from.
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(MYOPIA, '基期年')).toHaveText('2018');
  await expect(await workbook.cell(MYOPIA, '2018年')).not.toHaveClass(/cell-na/);
  await workbook.select(MYOPIA, '状态');
  await expect(panel).toContainText('基期2018年无数值，以最近的2019年 49.5% 为基数');
  await expect(await workbook.cell(MYOPIA, '2018年')).toHaveText('');
  await page.keyboard.press('Control+y');
  await expect(await workbook.cell(MYOPIA, '基期年')).toHaveText('2019');
  await workbook.waitSaved();
  workbook.expectNoErrors();
  // Opened again, no row needs 2018 any more: the year columns start at 2019 (近视率's base year).
  const reopened = new WorkbookPage(page, {
    ...LANXI_2021_2025,
    indicators: LANXI_2021_2025.indicators.map((r) => (r.code === MYOPIA ? { ...r, baseYear: 2019 } : r)),
  });
  await page.reload();
  await reopened.waitForGrid();
  expect(reopened.columnTitles).not.toContain('2018年');
  await reopened.revealRow(MYOPIA);
  await expect(await reopened.cell(MYOPIA, '基期年')).toHaveText('2019');
  await expect(await reopened.cell(MYOPIA, '2019年')).toHaveText('49.5%');
  reopened.expectNoErrors();
});

test('a row the clerk adds with base year 2022 takes no figure for 2020 or 2021: grey, said why', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.more('新增指标');
  await workbook.typeInto('X01', '指标名称', '儿童友好公园数');
  await expect(await workbook.cell('X01', '2021年')).not.toHaveClass(/cell-na/);
  await workbook.typeInto('X01', '基期年', '2022');
  await expect(await workbook.cell('X01', '基期年')).not.toHaveClass(/cell-invalid/);
  await expect(await workbook.cell('X01', '2020年（基期）')).toHaveClass(/cell-na/);
  await expect(await workbook.cell('X01', '2021年')).toHaveClass(/cell-na/);
  await expect(await workbook.cell('X01', '2022年')).not.toHaveClass(/cell-na/);
  await workbook.select('X01', '2021年');
  await expect(page.locator('.status-bar .cell-info')).toContainText(
    '2021年早于基期（2022年），本指标不需填写。',
  );
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell('X01', '2021年')).toHaveText('');
  workbook.expectNoErrors();
});

test('a next plan made from a workbook with 近视率’s 2018 figure keeps its 2019 open, to be typed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  page.on('dialog', (dialog) => void dialog.accept());
  const old = new WorkbookPage(page);
  await old.open();
  await old.typeInto(MYOPIA, '2018年', '50');
  await old.typeInto(MYOPIA, '2020年（基期）', '48');
  await old.waitSaved();
  await page.getByRole('button', { name: '工作簿' }).click();
  const dialog = page.getByRole('dialog', { name: '工作簿' });
  await dialog.getByLabel('名称').fill('十五五草案');
  await dialog.getByRole('button', { name: '新建并打开' }).click();
  await expect(page).toHaveURL(/\?workbook=wb-/);

  const source = workbookFromPlan(LANXI_2021_2025, 'x', new Date());
  source.indicators = source.indicators.map((r) =>
    r.code === MYOPIA ? { ...r, values: { 2018: 50, 2020: 48 } } : r,
  );
  const next = new WorkbookPage(
    page,
    makeNextPlan(source, { id: 'n', title: 'n', baseYear: 2025, targetYear: 2030 }, new Date()),
  );
  await next.waitForGrid();
  await next.revealRow(MYOPIA);
  await expect(await next.cell(MYOPIA, '2018年')).toHaveText('50%');
  await expect(await next.cell(MYOPIA, '2019年')).not.toHaveClass(/cell-na/);
  await next.typeInto(MYOPIA, '2019年', '49');
  await expect(await next.cell(MYOPIA, '2019年')).toHaveText('49%');
  // A row that brought nothing from before 2020 keeps those years grey.
  const INFANT = LANXI_2021_2025.indicators.find((r) => r.name === '婴儿死亡率')!.code;
  await next.revealRow(INFANT);
  await expect(await next.cell(INFANT, '2019年')).toHaveClass(/cell-na/);
  next.expectNoErrors();
});

/**
 * A gross rate (学前教育毛入园率, 高中阶段毛入学率: children enrolled, of any age, ÷ children of the age) passes 100 %
 * where children come from other places: 101.3 % is a figure, typed or imported, and its trend is not held at
 * 100 %. Made-up figures throughout.
 */
import { expect, test } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { WorkbookPage } from './workbook-page';

const row = (name: string) => LANXI_2021_2025.indicators.find((r) => r.name === name)!;
const PRESCHOOL = row('学前教育毛入园率');
const HIGH_SCHOOL = row('高中阶段毛入学率');
const INCLUSIVE = row('普惠性幼儿园覆盖率');

test('101.3 typed into 学前教育毛入园率 is kept, judged 已达标, its trend past 100 %; 160 is questioned; another % row still refuses 101', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');
  await workbook.typeInto(PRESCHOOL.code, '2021年', '99.2');
  await workbook.typeInto(PRESCHOOL.code, '2022年', '100.4');
  // It was kept red: 百分比应在 0 到 100 之间，“101.3”超出范围.
  await workbook.typeInto(PRESCHOOL.code, '2023年', '101.3');
  const typed = await workbook.cell(PRESCHOOL.code, '2023年');
  await expect(typed).toHaveText('101.3%');
  await expect(typed).not.toHaveClass(/cell-invalid/);
  await expect(bar).not.toContainText('超出范围');
  await expect(bar).not.toContainText('请核实');
  await expect(await workbook.cell(PRESCHOOL.code, '状态')).toHaveText('已达标');
  // The linear trend of 99.2, 100.4, 101.3 reaches 103.45 % by 2025: it was held at 100 %.
  await expect(await workbook.cell(PRESCHOOL.code, '预测2025年')).toHaveText('103.45%');

  // Far past 100 %, a gross rate is taken but questioned.
  await workbook.typeInto(HIGH_SCHOOL.code, '2023年', '160');
  await expect(await workbook.cell(HIGH_SCHOOL.code, '2023年')).toHaveText('160%');
  await expect(bar).toContainText('请核实');
  await expect(bar).toContainText('毛入园率、毛入学率可以超过100%，但超过150%极少见');

  // Any other rate keeps 100 % as its limit.
  await workbook.typeInto(INCLUSIVE.code, '2023年', '101');
  const other = await workbook.cell(INCLUSIVE.code, '2023年');
  await expect(other).toHaveClass(/cell-invalid/);
  await expect(other).toHaveAttribute('title', /百分比应在 0 到 100 之间，“101”超出范围/);

  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(PRESCHOOL.code);
  await expect(await workbook.cell(PRESCHOOL.code, '2023年')).toHaveText('101.3%');
  await expect(await workbook.cell(PRESCHOOL.code, '状态')).toHaveText('已达标');
  workbook.expectNoErrors();
});

test('a CSV with 101.3 for 学前教育毛入园率 goes in without an error or a question, and the row reads 已达标', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  const file = `代码,指标名称,2022年,2023年\r\n${PRESCHOOL.code},${PRESCHOOL.name},100.4,101.3%\r\n`;
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '教育局.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${file}`),
  });
  const changes = dialog.getByRole('table', { name: '将修改的单元格' });
  await expect(changes.locator('tbody tr')).toHaveCount(2);
  await expect(changes.locator('tbody tr', { hasText: '2023' })).toContainText('101.3%');
  await expect(dialog.getByLabel('导入错误')).toHaveCount(0);
  await expect(dialog).not.toContainText('超出范围');
  await expect(dialog).not.toContainText('请核实');
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toBeHidden();
  await workbook.revealRow(PRESCHOOL.code);
  await expect(await workbook.cell(PRESCHOOL.code, '2023年')).toHaveText('101.3%');
  await expect(await workbook.cell(PRESCHOOL.code, '2023年')).not.toHaveClass(/cell-invalid/);
  await expect(await workbook.cell(PRESCHOOL.code, '状态')).toHaveText('已达标');
  workbook.expectNoErrors();
});

test('a row renamed to or from a gross rate has its figures checked by its new name, and by the old one again after 撤销', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const counts = workbook.counts();
  // 105 on an ordinary rate is refused: kept as typed, marked.
  await workbook.typeInto(INCLUSIVE.code, '2023年', '105');
  await expect(await workbook.cell(INCLUSIVE.code, '2023年')).toHaveClass(/cell-invalid/);
  await expect(counts).toContainText('1 处需更正');
  // Renamed a gross rate, the row takes it as its figure: it stayed red, counted, and out of the trend.
  await workbook.typeInto(INCLUSIVE.code, '指标名称', '测试毛入园率（虚构）');
  const taken = await workbook.cell(INCLUSIVE.code, '2023年');
  await expect(taken).toHaveText('105%');
  await expect(taken).not.toHaveClass(/cell-invalid/);
  await expect(counts).not.toContainText('处需更正');
  // 撤销 of the rename: an ordinary rate again, its limit 100 % again.
  await workbook.select(INCLUSIVE.code, '指标名称');
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(INCLUSIVE.code, '指标名称')).toHaveText(INCLUSIVE.name);
  const refused = await workbook.cell(INCLUSIVE.code, '2023年');
  await expect(refused).toHaveClass(/cell-invalid/);
  await expect(refused).toHaveAttribute('title', /百分比应在 0 到 100 之间，“105”超出范围/);
  // 重做: the gross rate's again, and its figure with it; 撤销 once more for the rest of the test.
  await page.keyboard.press('Control+y');
  await expect(await workbook.cell(INCLUSIVE.code, '指标名称')).toHaveText('测试毛入园率（虚构）');
  await expect(await workbook.cell(INCLUSIVE.code, '2023年')).not.toHaveClass(/cell-invalid/);
  await expect(await workbook.cell(INCLUSIVE.code, '2023年')).toHaveText('105%');
  await workbook.select(INCLUSIVE.code, '指标名称');
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(INCLUSIVE.code, '2023年')).toHaveClass(/cell-invalid/);

  // The other way: 101.3 on 学前教育毛入园率 is a figure; renamed an ordinary rate, it is marked with the reason.
  await workbook.typeInto(PRESCHOOL.code, '2023年', '101.3');
  await expect(await workbook.cell(PRESCHOOL.code, '2023年')).not.toHaveClass(/cell-invalid/);
  await workbook.typeInto(PRESCHOOL.code, '指标名称', '测试入园率（虚构）');
  const past = await workbook.cell(PRESCHOOL.code, '2023年');
  await expect(past).toHaveClass(/cell-invalid/);
  await expect(past).toHaveAttribute('title', /百分比应在 0 到 100 之间/);
  await workbook.select(PRESCHOOL.code, '指标名称');
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(PRESCHOOL.code, '指标名称')).toHaveText(PRESCHOOL.name);
  await expect(await workbook.cell(PRESCHOOL.code, '2023年')).not.toHaveClass(/cell-invalid/);

  // What is saved is what is shown: after a reload, the same marks.
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(PRESCHOOL.code);
  await expect(await workbook.cell(PRESCHOOL.code, '2023年')).toHaveText('101.3%');
  await expect(await workbook.cell(PRESCHOOL.code, '2023年')).not.toHaveClass(/cell-invalid/);
  await workbook.revealRow(INCLUSIVE.code);
  await expect(await workbook.cell(INCLUSIVE.code, '2023年')).toHaveClass(/cell-invalid/);
  workbook.expectNoErrors();
});

import { expect, test, type Page } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { defaultMethod, project, projectByDefault, seriesOf } from '../../src/model/projection';
import { makeSampleWorkbook, SAMPLE_LABEL } from '../../src/model/sample-data';
import { ATTENTION, STATUSES, assessStatus, targetSpecOf, type Status } from '../../src/model/status';
import type { Indicator } from '../../src/model/indicator';
import { WorkbookPage } from './workbook-page';

const plan = LANXI_2021_2025;
const rowOf = (name: string) => {
  const index = plan.indicators.findIndex((r) => r.name === name);
  const row = plan.indicators[index];
  if (!row) throw new Error(name);
  return { row, code: row.code, sheetRow: index + 1 };
};
const INFANT = rowOf('婴儿死亡率');
const NEONATAL = rowOf('新生儿死亡率');
/** A row's default log-linear formula: GROWTH, with FORECAST.LINEAR standing in for its errors. */
const logLinearDefault = (r: number) =>
  `=IFERROR(GROWTH(G${r}:N${r}, {2018,2019,2020,2021,2022,2023,2024,2025}, 2025), ` +
  `FORECAST.LINEAR(2025, G${r}:N${r}, {2018,2019,2020,2021,2022,2023,2024,2025}))`;
const PRESCHOOL = rowOf('学前教育毛入园率');
/** A row counted in 家, which may be 0. */
const COUNTED = rowOf(plan.indicators.find((r) => r.unit === '家')?.name ?? '');

/** What the pure module says for a row with these values (the grid must agree). */
function expected(row: Indicator, values: Record<number, number>) {
  const withValues = { ...row, values };
  const series = seriesOf(withValues);
  const projection = projectByDefault(defaultMethod(row), series, row.targetYear);
  const projected = projection.ok ? projection.value : null;
  return { projected, status: assessStatus(targetSpecOf(row), series, projected).status };
}

const round2 = (v: number) => String(Math.round(v * 100) / 100);

test('four years of values project to 2025 and give the status the model computes', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();

  const infantValues = { 2020: 6.2, 2021: 5.9, 2022: 5.8, 2023: 5.5 };
  for (const [year, value] of Object.entries(infantValues)) {
    await workbook.typeInto(INFANT.code, year === '2020' ? '2020年（基期）' : `${year}年`, String(value));
  }
  const infant = expected(INFANT.row, infantValues);
  expect(infant.projected).not.toBeNull();
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText(`${round2(infant.projected!)}‰`);
  await expect(await workbook.cell(INFANT.code, '状态')).toHaveText(infant.status);
  await workbook.select(INFANT.code, '状态');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel).toContainText(`状态：${infant.status}`);
  await expect(panel).toContainText('按对数线性趋势（年均降低率），2025年预计为');
  await expect(panel).toContainText('波动判断：');
  await expect(panel.locator('code')).toHaveText(logLinearDefault(INFANT.sheetRow));
  // All its figures are positive: GROWTH's own projection, nothing said of a fallback.
  await expect(panel).not.toContainText('改用线性趋势');

  const preschoolValues = { 2020: 92, 2021: 93.5, 2022: 94.6, 2023: 95.8 };
  for (const [year, value] of Object.entries(preschoolValues)) {
    await workbook.typeInto(PRESCHOOL.code, year === '2020' ? '2020年（基期）' : `${year}年`, `${value}%`);
  }
  const preschool = expected(PRESCHOOL.row, preschoolValues);
  await expect(await workbook.cell(PRESCHOOL.code, '预测2025年')).toHaveText(
    `${round2(preschool.projected!)}%`,
  );
  await expect(await workbook.cell(PRESCHOOL.code, '状态')).toHaveText(preschool.status);
  await workbook.select(PRESCHOOL.code, '状态');
  await expect(panel).toContainText('按线性趋势，2025年预计为');

  // A fifth year that drops changes the status, live.
  await workbook.typeInto(PRESCHOOL.code, '2024年', '93');
  const dropped = expected(PRESCHOOL.row, { ...preschoolValues, 2024: 93 });
  expect(dropped.status).not.toBe(preschool.status);
  await expect(await workbook.cell(PRESCHOOL.code, '状态')).toHaveText(dropped.status);
  workbook.expectNoErrors();
});

test('the share of progress beside a status never reads as the next tier (49.7 %, not 50 %, beside 进展缓慢)', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // 乡镇婴幼儿照护服务机构覆盖率 ≥50 %: linear 2025 = 34.9 %, CR = 14.9/30 = 0.4967; 需加快 starts at 0.5.
  const nursery = rowOf('乡镇（街道）婴幼儿照护服务机构覆盖率');
  const values = { 2020: 20, 2021: 25, 2022: 28, 2023: 30, 2024: 31 };
  for (const [year, value] of Object.entries(values)) {
    await workbook.typeInto(nursery.code, year === '2020' ? '2020年（基期）' : `${year}年`, `${value}%`);
  }
  await expect(await workbook.cell(nursery.code, '状态')).toHaveText('进展缓慢');
  await workbook.select(nursery.code, '状态');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel).toContainText('2025年预计为 34.9%');
  await expect(panel).toContainText('预计完成所需进展的 49.7%）：进展缓慢。');
  workbook.expectNoErrors();
});

test('once 2025 is in, gap and status come from it; the projection is dimmed and said to be superseded', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // The trend of 2020–2024 would meet <5‰; 2025 itself came in at 5.3‰.
  const values = { 2020: 6, 2021: 5.8, 2022: 5.5, 2023: 5.2, 2024: 4.9, 2025: 5.3 };
  for (const [year, value] of Object.entries(values)) {
    await workbook.typeInto(INFANT.code, year === '2020' ? '2020年（基期）' : `${year}年`, String(value));
  }
  await expect(await workbook.cell(INFANT.code, '状态')).toHaveText('未达标');
  await expect(await workbook.cell(INFANT.code, '与目标差距')).toHaveText('+0.3个千分点');
  const projection = await workbook.cell(INFANT.code, '预测2025年');
  await expect(projection).toHaveClass(/htDimmed/);
  await expect(projection).toHaveAttribute('title', /2025年已有实际值 5\.3‰/);
  await workbook.select(INFANT.code, '状态');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel).toContainText('（2025年已有实际值 5.3‰，以实际值为准）');
  await expect(panel).toContainText('2025年实际为 5.3‰，目标 <5‰，未达标');
  // Selecting another row with its own 2025 figure shows that row's figure (it kept the first row's), also 0.
  for (const [year, value] of Object.entries({ 2023: 97, 2024: 98, 2025: 99 }))
    await workbook.typeInto(PRESCHOOL.code, `${year}年`, String(value));
  await workbook.select(PRESCHOOL.code, '状态');
  await expect(panel).toContainText('（2025年已有实际值 99%，以实际值为准）');
  await expect(panel).not.toContainText('5.3‰，以实际值为准');
  for (const [year, value] of Object.entries({ 2023: 2, 2024: 1, 2025: 0 }))
    await workbook.typeInto(COUNTED.code, `${year}年`, String(value));
  await workbook.select(COUNTED.code, '状态');
  await expect(panel).toContainText(`（2025年已有实际值 0 ${COUNTED.row.unit}，以实际值为准）`);
  workbook.expectNoErrors();
});

test('an edited projection formula is kept after a reload and can be reset', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const values = { 2020: 7.5, 2021: 5.9, 2022: 5.6, 2023: 5.4, 2024: 5.1 };
  for (const [year, value] of Object.entries(values)) {
    await workbook.typeInto(INFANT.code, year === '2020' ? '2020年（基期）' : `${year}年`, String(value));
  }
  // Leave out the 2020 outlier and use the linear trend.
  const r = INFANT.sheetRow;
  const edited = `=FORECAST.LINEAR(2025, J${r}:M${r}, {2021,2022,2023,2024})`;
  await workbook.typeInto(INFANT.code, '预测2025年', edited);
  const linear = project(
    'linear',
    seriesOf({ values: { 2021: 5.9, 2022: 5.6, 2023: 5.4, 2024: 5.1 } }),
    2025,
  );
  expect(linear.ok).toBe(true);
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText(
    `${round2(linear.ok ? linear.value : 0)}‰`,
  );
  await workbook.select(INFANT.code, '状态');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel.locator('code')).toHaveText(edited);
  await expect(panel).toContainText('（已修改）');
  await workbook.waitSaved();

  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText(
    `${round2(linear.ok ? linear.value : 0)}‰`,
  );
  await workbook.select(INFANT.code, '状态');
  await expect(panel.locator('code')).toHaveText(edited);

  await panel.getByRole('button', { name: '恢复默认公式' }).click();
  await expect(panel.locator('code')).toHaveText(logLinearDefault(r));
  await expect(panel).not.toContainText('（已修改）');
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(INFANT.code);
  await workbook.select(INFANT.code, '状态');
  await expect(panel.locator('code')).toHaveText(logLinearDefault(r));
  workbook.expectNoErrors();
});

test('a year with no deaths (0‰): the linear trend stands in for GROWTH, said in the panel, and the row is judged', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // 新生儿死亡率 <3‰: 0, 2.5, 3.5, 3.2‰. GROWTH has no answer with a 0; least squares by hand: mean 2.3‰ at
  // 2022.5, slope 5.3 / 5 = 1.06‰ a year, so 2.3 + 1.06 × 2.5 = 4.95‰ in 2025 — moving away from <3‰.
  const values = { 2021: '0', 2022: '2.5', 2023: '3.5', 2024: '3.2' };
  for (const [year, value] of Object.entries(values))
    await workbook.typeInto(NEONATAL.code, `${year}年`, value);
  await expect(await workbook.cell(NEONATAL.code, '预测2025年')).toHaveText('4.95‰');
  // 2021's 0‰ stands in for the base year and met <3‰; the trend no longer does.
  await expect(await workbook.cell(NEONATAL.code, '状态')).toHaveText('倒退');
  await workbook.select(NEONATAL.code, '状态');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel).toContainText(
    '预测方法：含0值，无法按对数线性（GROWTH）测算，改用线性趋势（FORECAST.LINEAR）。',
  );
  await expect(panel).toContainText('按线性趋势，2025年预计为 4.95‰，高于目标 3‰');
  await expect(panel.locator('code')).toHaveText(logLinearDefault(NEONATAL.sheetRow));
  await expect(panel).not.toContainText('（已修改）');
  // The only row with figures, and it needs attention.
  await page.getByLabel('只看需关注').check();
  await expect(workbook.counts()).toContainText('当前显示 1 项');
  await page.getByLabel('只看需关注').uncheck();

  // The default as written before (GROWTH alone), pasted back from an old copy, is the row's default still.
  const r = NEONATAL.sheetRow;
  await workbook.typeInto(
    NEONATAL.code,
    '预测2025年',
    `=GROWTH(G${r}:N${r}, {2018,2019,2020,2021,2022,2023,2024,2025}, 2025)`,
  );
  await workbook.select(NEONATAL.code, '状态');
  await expect(panel.locator('code')).toHaveText(logLinearDefault(r));
  await expect(panel).not.toContainText('（已修改）');
  await expect(await workbook.cell(NEONATAL.code, '预测2025年')).toHaveText('4.95‰');
  workbook.expectNoErrors();
});

test('a mistyped formula says so in Chinese instead of giving a status', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(INFANT.code, '2021年', '5.9');
  await workbook.typeInto(INFANT.code, '2022年', '5.6');
  const r = INFANT.sheetRow;
  await workbook.typeInto(
    INFANT.code,
    '预测2025年',
    `=FORECST.LINEAR(2025, G${r}:N${r}, {2018,2019,2020,2021,2022,2023,2024,2025})`,
  );
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText('⚠ #NAME?');
  await expect(await workbook.cell(INFANT.code, '状态')).toHaveText('⚠ 公式有误');
  await workbook.select(INFANT.code, '状态');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel).toContainText('无法识别的函数名');
  await panel.getByRole('button', { name: '恢复默认公式' }).click();
  await expect(await workbook.cell(INFANT.code, '状态')).not.toHaveText('⚠ 公式有误');

  // A gap typed into 预测 is no projection: it was taken for one (a gap shown as the 2025 figure, and judged).
  await workbook.typeInto(
    INFANT.code,
    '预测2025年',
    `=TARGETGAP(FORECAST.LINEAR(2025, G${r}:N${r}, {2018,2019,2020,2021,2022,2023,2024,2025}), 5, "上限")`,
  );
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText('⚠ #VALUE!');
  await expect(await workbook.cell(INFANT.code, '状态')).toHaveText('⚠ 公式有误');
  await workbook.select(INFANT.code, '状态');
  await expect(panel).toContainText('TARGETGAP 算的是与目标的差距');
  workbook.expectNoErrors();
});

test('sample data shows warnings at once, apart from the real workbook, and the grid agrees with the model', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.more('看示例数据');
  await workbook.waitForGrid();
  await expect(page.getByRole('note')).toContainText(SAMPLE_LABEL);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(SAMPLE_LABEL);

  // The per-area summary, computed from the grid's formulas, matches the pure model row by row.
  const sample = makeSampleWorkbook(plan, new Date());
  const modelCounts = new Map<Status, number>();
  for (const row of sample.indicators) {
    const status = expected(row, row.values as Record<number, number>).status;
    modelCounts.set(status, (modelCounts.get(status) ?? 0) + 1);
  }
  await page.getByRole('button', { name: '预警汇总' }).click();
  const summary = page.getByRole('region', { name: '预警汇总' });
  const headers = await summary.locator('thead th').allTextContents();
  const totals = await summary.locator('tfoot td').allTextContents();
  for (const status of STATUSES) {
    const index = headers.indexOf(status);
    if (index < 0) continue;
    // tfoot: th (合计) then td per column after 领域; headers[0] is 领域.
    expect(Number(totals[index - 1] || 0), status).toBe(modelCounts.get(status) ?? 0);
  }
  const attention =
    (modelCounts.get('需加快') ?? 0) +
    (modelCounts.get('进展缓慢') ?? 0) +
    (modelCounts.get('停滞') ?? 0) +
    (modelCounts.get('倒退') ?? 0);
  expect(attention).toBeGreaterThan(0);
  await page.getByLabel('只看需关注').check();
  await expect(workbook.counts()).toContainText(`当前显示 ${attention} 项`);

  // The real workbook has no values; deleting the sample (asked first) brings the clerk back to it.
  await page.getByRole('button', { name: '删除示例数据' }).click();
  const confirm = page.getByRole('dialog', { name: '删除示例数据' });
  await expect(confirm).toContainText(SAMPLE_LABEL);
  await expect(confirm).toContainText('正式工作簿不受影响');
  await confirm.getByRole('button', { name: '删除 1 个示例工作簿' }).click();
  await workbook.waitForGrid();
  await expect(page.getByRole('note')).toHaveCount(0);
  await page.getByRole('button', { name: '预警汇总' }).click();
  await expect(page.getByRole('region', { name: '预警汇总' }).locator('tfoot td').nth(0)).toHaveText(
    String(plan.indicators.length),
  );
  const dataInsufficient = headers.indexOf('数据不足');
  await expect(
    page
      .getByRole('region', { name: '预警汇总' })
      .locator('tfoot td')
      .nth(dataInsufficient - 1),
  ).toHaveText(String(plan.indicators.length));
  workbook.expectNoErrors();
});

test('a formula that reads another row follows it, also after a row above both is deleted', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const first = plan.indicators[0];
  if (!first) throw new Error('empty plan');
  expect(INFANT.sheetRow).toBeGreaterThan(1);
  expect(PRESCHOOL.sheetRow).toBeGreaterThan(1);
  // 2018…2025 sit in columns G…N: M is 2024. The infant row's projection reads the preschool row's 2024 value.
  await workbook.typeInto(PRESCHOOL.code, '2024年', '95%');
  await workbook.typeInto(INFANT.code, '预测2025年', `=M${PRESCHOOL.sheetRow}/10`);
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText('9.5‰');
  // A change in the other row reaches this one at once.
  await workbook.typeInto(PRESCHOOL.code, '2024年', '97%');
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText('9.7‰');

  // Delete the plan's first row: every row moves up one, and the formula keeps reading the same row.
  await workbook.select(first.code, '指标名称');
  await workbook.more('删除所选指标');
  await page.getByRole('dialog').getByRole('button', { name: /删除/ }).click();
  await expect(workbook.row(first.code)).toHaveCount(0);
  await workbook.select(INFANT.code, '状态');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel.locator('code')).toHaveText(`=M${PRESCHOOL.sheetRow - 1}/10`);
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText('9.7‰');
  await workbook.typeInto(PRESCHOOL.code, '2024年', '90');
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText('9‰');

  // The default formulas of the rows below moved with them.
  await workbook.select(PRESCHOOL.code, '状态');
  await expect(panel.locator('code')).toContainText(`G${PRESCHOOL.sheetRow - 1}:N${PRESCHOOL.sheetRow - 1}`);

  // Deleting the row the formula reads breaks it (#REF!, as in Excel); undoing the deletion mends it.
  await workbook.select(PRESCHOOL.code, '指标名称');
  await workbook.more('删除所选指标');
  await page.getByRole('dialog').getByRole('button', { name: /删除/ }).click();
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '状态')).toHaveText('⚠ 公式有误');
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText('9‰');
  await workbook.select(INFANT.code, '状态');
  await expect(panel.locator('code')).toHaveText(`=M${PRESCHOOL.sheetRow - 1}/10`);

  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText('9‰');
  await workbook.select(INFANT.code, '状态');
  await expect(panel.locator('code')).toHaveText(`=M${PRESCHOOL.sheetRow - 1}/10`);
  workbook.expectNoErrors();
});

test('sorting by the projection orders rows by the computed value, not by the formula text', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // Two rows with values; every other row has no projection.
  await workbook.typeInto(INFANT.code, '2022年', '6');
  await workbook.typeInto(INFANT.code, '2023年', '5');
  await workbook.typeInto(PRESCHOOL.code, '2022年', '90%');
  await workbook.typeInto(PRESCHOOL.code, '2023年', '91%');
  await workbook.revealRow(INFANT.code);
  await workbook.cell(INFANT.code, '预测2025年');
  const header = page.locator('.ht_clone_top thead th', { hasText: '预测2025年' }).first();
  await header.locator('.columnSorting').click();
  await page.locator('.ht_master .wtHolder').evaluate((holder) => holder.scrollTo(0, 0));
  await expect(page.locator('.ht_master tbody tr').first()).toHaveAttribute('aria-rowindex', '2');
  // Ascending: the infant rate (about 3.5‰) comes before the preschool rate (about 93%), empty projections last.
  const names = await workbook.renderedNames();
  const infantAt = names.indexOf(INFANT.row.name);
  const preschoolAt = names.indexOf(PRESCHOOL.row.name);
  expect(infantAt).toBe(0);
  expect(preschoolAt).toBe(1);
  // 撤销 first puts the order back, then takes back the last value typed — in its own row.
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect.poll(async () => (await workbook.renderedNames())[0]).toBe(plan.indicators[0]?.name);
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await workbook.revealRow(PRESCHOOL.code);
  await expect(await workbook.cell(PRESCHOOL.code, '2023年')).toHaveText('');
  await expect(await workbook.cell(PRESCHOOL.code, '2022年')).toHaveText('90%');
  workbook.expectNoErrors();
});

/**
 * Every drawn cell of the grid, by row and column: its look, tooltip and text. The frozen columns (状态 among
 * them) are drawn twice, under their overlay and in it: both are compared.
 */
const drawnCells = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.ht_master tbody td, .ht_clone_inline_start tbody td')].map((td) => [
        `${td.closest('.ht_clone_inline_start') ? 'frozen ' : ''}${td.parentElement?.getAttribute('aria-rowindex')}/${td.getAttribute('aria-colindex')}`,
        `[${td.className}] ${td.getAttribute('title') ?? ''} ${td.textContent}`,
      ]),
    ),
  );
/** The cells drawn both times, with what each showed the first and the second time where they differ. */
const drawnDifferences = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(before)
    .filter((key) => key in after && before[key] !== after[key])
    .map((key) => `${key}: ${before[key]} → ${after[key]}`);
/** A change of the window's size makes the grid draw every cell anew. */
const redrawAll = async (page: Page) => {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: size.width + 1, height: size.height });
  await page.setViewportSize(size);
};
/** What is drawn now equals what a full redraw then draws (cell by cell). */
const expectSameAsFullRedraw = async (page: Page, message: string) => {
  const drawn = await drawnCells(page);
  await redrawAll(page);
  await expect.poll(async () => drawnDifferences(drawn, await drawnCells(page)), { message }).toEqual([]);
  return drawn;
};

test('after each edit the grid shows exactly what a full redraw shows (only the changed rows are redrawn)', async ({
  page,
}) => {
  // Wide enough to have the year, projection and gap columns on screen together.
  await page.setViewportSize({ width: 1920, height: 1000 });
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const drawn = () => drawnCells(page);
  const differences = drawnDifferences;
  const letter = (title: string) => String.fromCharCode(65 + workbook.columnIndex(title));
  const preschoolIn2023 = `${letter('2023年')}${PRESCHOOL.sheetRow}`;

  const edits: [string, string, string, string][] = [
    [INFANT.code, '2021年', '5.9', '5.9‰'],
    [INFANT.code, '2022年', '5.8', '5.8‰'],
    // A formula of the clerk's in one row reading a value of another row.
    [INFANT.code, '预测2025年', `=${preschoolIn2023}/20`, ''],
    [PRESCHOOL.code, '2023年', '95', '95%'],
    [PRESCHOOL.code, '2022年', '九十', '⚠ 九十'],
    [PRESCHOOL.code, '2023年', '96.5', '96.5%'],
  ];
  for (const [code, column, typed, shown] of edits) {
    await workbook.typeInto(code, column, typed);
    if (shown) await expect(await workbook.cell(code, column)).toHaveText(shown);
    const afterEdit = await drawn();
    // The edited row's projection and gap cells are among the cells compared (the comparison is not empty).
    const rowIndex = await workbook.row(code).getAttribute('aria-rowindex');
    const computed = ['预测2025年', '与目标差距'].map((t) => `${rowIndex}/${workbook.columnIndex(t) + 2}`);
    for (const key of computed) expect(Object.keys(afterEdit)).toContain(key);
    await redrawAll(page);
    await expect
      .poll(async () => differences(afterEdit, await drawn()), {
        message: `after typing ${typed} into ${code} ${column}`,
      })
      .toEqual([]);
    for (const key of computed) expect(Object.keys(await drawn())).toContain(key);
  }
  // What the clerk sees: the formula follows the other row's last value; the selection moved down after Enter.
  await expect(page.locator('.ht_master tbody td.current')).toHaveCount(1);
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText('4.83‰');
  await workbook.revealRow(PRESCHOOL.code);
  // Its only readable value is 2023's (九十 is marked, not read): one value is not a trend.
  await expect(await workbook.cell(PRESCHOOL.code, '状态')).toHaveText('数据不足');
  workbook.expectNoErrors();
});

test('after an import, its undo and its redo, the grid shows exactly what a full redraw shows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1000 });
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // A formula of the clerk's reading a value the import changes: its row must be redrawn too.
  const letter = (title: string) => String.fromCharCode(65 + workbook.columnIndex(title));
  await workbook.typeInto(INFANT.code, '预测2025年', `=${letter('2023年')}${PRESCHOOL.sheetRow}/20`);
  await workbook.waitSaved();
  // Generated figures (not statistics) for the rows on screen and the last row, far below: three years for most,
  // one year (数据不足) for every fifth.
  const last = plan.indicators[plan.indicators.length - 1]!;
  const rows = [...plan.indicators.slice(0, 40), last].filter((row) => row.code !== INFANT.code);
  const figures = new Map(
    rows.map((row, i) => {
      const level = Math.min(typeof row.target.value === 'number' ? row.target.value : 40, 90);
      const whole = ['次/年', '家', '项', '起', '个', '所', '人'].includes(row.unit);
      const at = (step: number) =>
        whole ? Math.round(level + step) : Math.round((level + step * 0.7) * 10) / 10;
      const values: Record<number, number> =
        i % 5 === 4 ? { 2023: at(1) } : { 2021: at(0), 2022: at(1), 2023: at(3) };
      return [row.code, values] as const;
    }),
  );
  const csv = [
    '代码,指标名称,单位,2021年,2022年,2023年',
    ...rows.map((row) => {
      const values = figures.get(row.code) ?? {};
      return [row.code, row.name, row.unit, values[2021] ?? '', values[2022] ?? '', values[2023] ?? ''].join(
        ',',
      );
    }),
  ].join('\r\n');
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog
    .getByLabel('选择各单位发回的 CSV 文件（可一次选多个）')
    .setInputFiles({ name: '回传.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(page.locator('.status-bar .cell-info')).toContainText('已导入');

  // What the model computes is shown, in the rows drawn at once and in the formula's row.
  const preschool = figures.get(PRESCHOOL.code)!;
  const formulaCell = await workbook.cell(INFANT.code, '预测2025年');
  await expect
    .poll(async () => Number((await formulaCell.textContent())?.replace('‰', '')))
    .toBeCloseTo(preschool[2023]! / 20, 1);
  const f02 = plan.indicators[1]!;
  await expect(await workbook.cell(f02.code, '状态')).toHaveText(
    expected(f02, figures.get(f02.code)!).status,
  );
  const afterImport = await expectSameAsFullRedraw(page, 'after the import');
  const f02Row = await workbook.row(f02.code).getAttribute('aria-rowindex');
  expect(Object.keys(afterImport)).toContain(`frozen ${f02Row}/${workbook.columnIndex('状态') + 2}`);
  expect(Object.keys(afterImport)).toContain(`${f02Row}/${workbook.columnIndex('与目标差距') + 2}`);

  // Rows drawn only when scrolled to show their new results too.
  // (Scrolled again until the last row is drawn: the grid's height can still change after the import's notice and
  // row panel, leaving a scroll made before that short of the bottom — CI saw it once.)
  await expect(async () => {
    await page.locator('.ht_master .wtHolder').evaluate((holder) => holder.scrollTo(0, holder.scrollHeight));
    await expect(workbook.row(last.code)).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(await workbook.cell(last.code, '状态')).toHaveText(
    expected(last, figures.get(last.code)!).status,
  );
  await expectSameAsFullRedraw(page, 'after scrolling to the last row');
  await page.locator('.ht_master .wtHolder').evaluate((holder) => holder.scrollTo(0, 0));
  await expect(workbook.row(f02.code)).toHaveCount(1);

  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(await workbook.cell(f02.code, '2021年')).toHaveText('');
  await expect(await workbook.cell(f02.code, '状态')).toHaveText('数据不足');
  await expectSameAsFullRedraw(page, 'after undoing the import');
  await page.getByRole('button', { name: '重做', exact: true }).click();
  await expect(await workbook.cell(f02.code, '状态')).toHaveText(
    expected(f02, figures.get(f02.code)!).status,
  );
  await expectSameAsFullRedraw(page, 'after redoing the import');
  // Every row's status, drawn or not, is the model's: the filter reads them all (also right after the redo).
  const attention = rows.filter((row) => ATTENTION.has(expected(row, figures.get(row.code)!).status)).length;
  const infantStatus = (await (await workbook.cell(INFANT.code, '状态')).textContent()) ?? '';
  const infantNeedsAttention = [...ATTENTION].some((status) => infantStatus.includes(status));
  expect(attention).toBeGreaterThan(0);
  await page.getByLabel('只看需关注').check();
  await expect(workbook.counts()).toContainText(`当前显示 ${attention + (infantNeedsAttention ? 1 : 0)} 项`);
  workbook.expectNoErrors();
});

test('a row met now whose trend passes the target is marked; a rate held at 100 % to 提高 is met', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const panel = page.getByRole('complementary', { name: '指标说明' });
  // 5岁以下儿童死亡率 (<6‰): under the target every year so far, rising towards it.
  const underFive = rowOf('5岁以下儿童死亡率');
  const rising = { 2020: 5, 2021: 5.3, 2022: 5.6, 2023: 5.9 };
  for (const [year, value] of Object.entries(rising))
    await workbook.typeInto(underFive.code, year === '2020' ? '2020年（基期）' : `${year}年`, String(value));
  const status = await workbook.cell(underFive.code, '状态');
  await expect(status).toHaveText('已达标 ⚠');
  await expect(status).toHaveAttribute('title', /按趋势到目标年将不再达标/);
  await workbook.select(underFive.code, '状态');
  await expect(panel).toContainText('2023年为 5.9‰，已达到目标 <6‰；但按');
  await expect(panel).toContainText('将高于目标，需关注、防止回落');
  // The printed report warns of it too (plan §五(五): 预计达标困难), saying why a met row is listed.
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  const warned = report.locator('table.warnings tr', { hasText: underFive.code });
  await expect(warned).toContainText('已达标按趋势将不再达标');
  await expect(report).toContainText('本表还列出目前已达标、但按趋势到目标年将不再达标的1项');
  await report.getByRole('button', { name: '返回表格' }).click();

  // 城乡居民基本医疗保险参保率-like row (提高) at 100 % every year: cannot rise, met (it was 停滞).
  const insured = plan.indicators.find((r) => r.code === 'W03');
  if (!insured) throw new Error('W03');
  for (const year of [2020, 2021, 2022, 2023])
    await workbook.typeInto(insured.code, year === 2020 ? '2020年（基期）' : `${year}年`, '100');
  await expect(await workbook.cell(insured.code, '状态')).toHaveText('已达标');
  await workbook.select(insured.code, '状态');
  await expect(panel).toContainText('2023年为 100%，已是上限 100%，无法再提高，已达标；请保持。');
  await workbook.typeInto(insured.code, '2025年', '100');
  await expect(await workbook.cell(insured.code, '状态')).toHaveText('达标');
  workbook.expectNoErrors();
});

test('参保率 typed as 99.0, 99.2, 99.4, 99.6 % (提高) is 预计达标 by its gap to 100 %, and the panel says so', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const insured = plan.indicators.find((r) => r.code === 'W03');
  if (!insured) throw new Error('W03');
  const values = { 2020: 99, 2021: 99.2, 2022: 99.4, 2023: 99.6 };
  for (const [year, value] of Object.entries(values))
    await workbook.typeInto(insured.code, year === '2020' ? '2020年（基期）' : `${year}年`, String(value));
  await expect(await workbook.cell(insured.code, '状态')).toHaveText('预计达标');
  await workbook.select(insured.code, '状态');
  await expect(page.getByRole('complementary', { name: '指标说明' })).toContainText(
    '按趋势，距 100% 的差距年均缩小 26.19%（数值本身年均提高 0.2%，按两者中较大者计；≥2% 为预计达标）：预计达标。',
  );
  workbook.expectNoErrors();
});

test('a CAGR projection formula says it is the workbook’s own function, not in Excel or WPS', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const allowance = plan.indicators.find((r) => r.code === 'W01');
  if (!allowance) throw new Error('W01');
  await workbook.select(allowance.code, '状态');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel.locator('code')).toContainText('FORECAST.CAGR(');
  await expect(panel).toContainText('FORECAST.CAGR 是本工作簿自带的函数，Excel/WPS 中没有');
  // A row projected with an Excel function says nothing of the kind.
  await workbook.select(INFANT.code, '状态');
  await expect(panel.locator('code')).toContainText('GROWTH(');
  await expect(panel).not.toContainText('自带的函数');
  workbook.expectNoErrors();
});

test('与目标差距 says what the report says: a 左右 row from the nearer edge of its band, a strict bound not met', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // 普惠性幼儿园覆盖率 保持在90%左右 (band 88%～92%), rising from below: the trend reaches 87.44% by 2025.
  const preschoolShare = rowOf('普惠性幼儿园覆盖率');
  for (const [year, value] of Object.entries({ 2020: 84, 2021: 85, 2022: 85.5, 2023: 86, 2024: 86.8 }))
    await workbook.typeInto(
      preschoolShare.code,
      year === '2020' ? '2020年（基期）' : `${year}年`,
      String(value),
    );
  await expect(await workbook.cell(preschoolShare.code, '预测2025年')).toHaveText('87.44%');
  await expect(await workbook.cell(preschoolShare.code, '状态')).toHaveText('需加快');
  // Not 2.56 below 90%: 0.56 below the band's lower edge, as the explanation and the printed report say.
  const bandGap = await workbook.cell(preschoolShare.code, '与目标差距');
  await expect(bandGap).toHaveText('−0.56个百分点');
  await expect(bandGap).toHaveAttribute('title', '预测值低于下限 88% 0.56个百分点');
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  await expect(report.locator('table.warnings tr', { hasText: preschoolShare.code })).toContainText(
    '低于下限 88% 0.56个百分点',
  );
  await report.getByRole('button', { name: '返回表格' }).click();

  // 5岁以下儿童死亡率 <6‰ and 2025's own figure exactly 6‰: 未达标, and the gap does not call it 持平.
  const underFive = rowOf('5岁以下儿童死亡率');
  for (const [year, value] of Object.entries({ 2020: 7, 2021: 6.8, 2024: 6.3, 2025: 6 }))
    await workbook.typeInto(underFive.code, year === '2020' ? '2020年（基期）' : `${year}年`, String(value));
  await expect(await workbook.cell(underFive.code, '状态')).toHaveText('未达标');
  const strictGap = await workbook.cell(underFive.code, '与目标差距');
  await expect(strictGap).toHaveText('等于目标，未达到');
  await expect(strictGap).toHaveAttribute('title', '2025年实际值等于目标值（目标不含本数），未达到');

  // Sorted by 与目标差距, rows go by the figure shown: 学前教育毛入园率 at 96% against ≥97% (−1) before the 左右 row's
  // −0.56 (from the band's edge; its −2.56 from the centre is not shown), then the 0.
  await workbook.typeInto(PRESCHOOL.code, '2025年', '96');
  await expect(await workbook.cell(PRESCHOOL.code, '与目标差距')).toHaveText('−1个百分点');
  const header = page.locator('.ht_clone_top thead th', { hasText: '与目标差距' }).first();
  await header.locator('.columnSorting').click();
  await page.locator('.ht_master .wtHolder').evaluate((holder) => holder.scrollTo(0, 0));
  await expect
    .poll(async () => (await workbook.renderedNames()).slice(0, 3))
    .toEqual([PRESCHOOL.row.name, preschoolShare.row.name, underFive.row.name]);
  workbook.expectNoErrors();
});

test('波动较大 of a 左右 row: its interval holding the band’s edge raises it, with that edge as the evidence', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // 普惠性幼儿园覆盖率 保持在90%左右: rising steadily to 87.6%, just under 88%～92%, no reversal. Whether 2025 lands
  // in the band the trend cannot tell (80% interval 87.6%～89.42%): flagged, though the interval does not hold 90%.
  const share = rowOf('普惠性幼儿园覆盖率');
  for (const [year, value] of Object.entries({ 2020: 85, 2021: 86.4, 2022: 86.6, 2023: 87.5, 2024: 87.6 }))
    await workbook.typeInto(share.code, year === '2020' ? '2020年（基期）' : `${year}年`, String(value));
  const flag = await workbook.cell(share.code, '波动');
  await expect(flag).toHaveText('⚠ 波动较大');
  await expect(flag).toHaveAttribute(
    'title',
    '按线性趋势，2025年80%预测区间 87.6%～89.42%，包含目标范围下限 88%',
  );
  await workbook.select(share.code, '状态');
  await expect(page.getByRole('complementary', { name: '指标说明' })).toContainText(
    '波动判断：按线性趋势，2025年80%预测区间 87.6%～89.42%，包含目标范围下限 88%',
  );
  workbook.expectNoErrors();
});

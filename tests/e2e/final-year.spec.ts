/**
 * Spring 2026, the plan's last year walked as the committee's clerk: 2021–2024 figures are in, 2025's come in for
 * some rows and not for others (a department late). Every figure is made up for the test (no statistic).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { WorkbookPage } from './workbook-page';

/** Made-up figures, 2020–2025 ('' = not sent), one row for each kind of target. */
const FIGURES: Record<string, string[]> = {
  H01: ['3.5', '3.3', '3.1', '2.9', '2.8', '2.6'], // ‰ <3: met
  H02: ['5.8', '5.6', '5.5', '5.3', '5.2', ''], // ‰ <5: 2025 not sent
  H03: ['6.5', '6.4', '6.3', '6.2', '6.1', '6.2'], // ‰ <6: missed
  H08: ['4.4', '4.3', '4.2', '4.1', '4.0', '4'], // % <4, a strict bound: missed on it
  H11: ['0', '0', '1', '1', '1', '1'], // 家 ≥1: met
  H13: ['27', '26.5', '26', '25.5', '25', '25'], // % ≤25: met on it
  H16: ['10', '10.1', '10.2', '10.2', '10.3', '10.4'], // % 不升: rising, missed
  S01: ['12.5', '11.8', '11.2', '10.5', '10.1', '9.8'], // 1/10万 ↓: met
  S02: ['95', '97', '98', '99', '99.5', '100'], // 全覆盖: met
  E02: ['86', '87', '88', '89', '91', '92.5'], // ≈90 (88%～92%): above the band, missed
  E06: ['96', '97', '97.5', '98.2', '99', '101.3'], // gross rate ≥98: met past 100 %
  W01: ['800', '850', '900', '950', '1000', '1050'], // 元/月 逐步提高: met
  C03: ['10', '11', '12', '12', '13', ''], // 名 ≥1: 2025 not sent, met by 2024's
  E03: ['95', '95.5', '96', '96.2', '96.5', ''], // gross rate ≥97: 2025 not sent, 预计达标 but 波动较大
};

async function importFigures(page: Page): Promise<void> {
  const name = (code: string) => LANXI_2021_2025.indicators.find((r) => r.code === code)!.name;
  const years = [2020, 2021, 2022, 2023, 2024, 2025];
  const lines = [
    ['代码', '指标名称', ...years.map((y) => `${y}年`)].join(','),
    ...Object.entries(FIGURES).map(([code, values]) => [code, name(code), ...values].join(',')),
  ];
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '2025年各单位报送汇总.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`),
  });
  await expect(dialog.getByLabel('导入摘要')).toBeVisible();
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toHaveCount(0);
}

test('spring 2026: with 2025’s figure in, each kind of target is 达标 / 未达标 by it; without it, the grid and the row panel say 待补报 and what the status rests on', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-04-10T10:00:00+08:00'));
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await importFigures(page);
  await workbook.waitSaved();
  const verdicts: Record<string, string> = {
    H01: '达标',
    H03: '未达标',
    H08: '未达标',
    H11: '达标',
    H13: '达标',
    H16: '未达标',
    S01: '达标',
    S02: '达标',
    E02: '未达标',
    E06: '达标',
    W01: '达标',
  };
  for (const [code, verdict] of Object.entries(verdicts)) {
    await workbook.revealRow(code);
    const status = await workbook.cell(code, '状态');
    await expect(status, code).toHaveText(verdict);
    // Judged by 2025's figure: nothing said of a figure to come.
    await expect(status, code).not.toHaveAttribute('title', /待补报/);
  }

  // 市卫健局's 2025 婴儿死亡率 is late: its status is the trend of 2020—2024, and the cell says so when pointed at.
  await workbook.revealRow('H02');
  const infant = await workbook.cell('H02', '状态');
  await expect(infant).toHaveText('需加快');
  await expect(infant).toHaveAttribute(
    'title',
    '2025年数值待补报：“需加快”是按2020—2024年数值的趋势推算的，不是2025年的结果；收到2025年数值后，按该数值判定达标或未达标。',
  );
  await workbook.select('H02', '指标名称');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  // Beside the status badge, on its line (a line more under the grid left too few rows for a dropdown's list), with
  // the whole sentence when pointed at.
  await expect(panel.locator('.overdue')).toHaveText('2025年数值待补报，状态按2020—2024年数值');
  await expect(panel.locator('.overdue')).toHaveAttribute(
    'title',
    /^2025年数值待补报：“需加快”是按2020—2024年数值的趋势推算的，不是2025年的结果/,
  );
  // 已达标 by 2024's figure, beside rows 达标 by 2025's: the clerk is told which it is.
  await workbook.select('C03', '指标名称');
  await expect(panel.locator('.overdue')).toHaveText('2025年数值待补报，状态按2024年数值');
  await expect(panel.locator('.overdue')).toHaveAttribute(
    'title',
    /^2025年数值待补报：“已达标”是按2024年的数值判断的，不是2025年的结果/,
  );
  await expect(await workbook.cell('C03', '状态')).toHaveAttribute('title', /^2025年数值待补报：“已达标”/);
  // A row judged by its 2025 figure says nothing of the kind.
  await workbook.select('H03', '指标名称');
  await expect(panel).toContainText('2025年实际为 6.2‰');
  await expect(panel.locator('.overdue')).toHaveCount(0);
  // 市卫健局 answers 待核实 for 2025: kept as typed, marked red, and counted for nothing — the status is still the
  // trend of 2020—2024 (the 终期评估 says 无法判定), and the 状态 cell says so.
  await workbook.typeInto('H02', '2025年', '待核实');
  await workbook.waitSaved();
  await expect(await workbook.cell('H02', '状态')).toHaveAttribute(
    'title',
    '2025年数值“待核实”不是可计算的数值，未计入：“需加快”是按2020—2024年数值的趋势推算的，不是2025年的结果；改正2025年数值后，按该数值判定达标或未达标。',
  );
  workbook.expectNoErrors();
});

test('during 2025 itself a row without 2025’s figure is no figure overdue: nothing said of 待补报', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2025-09-30T10:00:00+08:00'));
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await importFigures(page);
  await workbook.waitSaved();
  await workbook.revealRow('H02');
  await expect(await workbook.cell('H02', '状态')).toHaveText('需加快');
  await expect(await workbook.cell('H02', '状态')).not.toHaveAttribute('title', /待补报/);
  await workbook.select('H02', '指标名称');
  await expect(page.getByRole('complementary', { name: '指标说明' })).toContainText('需加快');
  await expect(page.getByRole('complementary', { name: '指标说明' }).locator('.overdue')).toHaveCount(0);
  // 预警汇总 is read today: its year is 2025 (every figure counts), but 2025's figures are not due yet.
  await page.getByRole('button', { name: '预警汇总' }).click();
  const list = page.getByRole('region', { name: '预警汇总' }).getByRole('table', { name: '需关注的指标' });
  await expect(list.locator('tr', { hasText: 'H02' }).locator('td').nth(6)).toHaveText('需加快');
  workbook.expectNoErrors();
});

test('预警汇总 says how its list adds up to the rows 只看需关注 shows, as the printed list does', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2026-04-10T10:00:00+08:00'));
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await importFigures(page);
  await workbook.waitSaved();
  // To watch: H02 需加快; H03, H08, H16, E02 未达标 by 2025's figure.
  await page.getByLabel('只看需关注').check();
  await expect(workbook.counts()).toContainText('当前显示 5 项');
  await page.getByLabel('只看需关注').uncheck();
  await page.getByRole('button', { name: '预警汇总' }).click();
  const panel = page.getByRole('region', { name: '预警汇总' });
  // Listed besides: E03 预计达标 but 波动较大 (plan §五(五) warns of both). Its heading counts six; the line under it
  // says which one is not to watch and that five are, as the filter shows (the heading alone said 需关注 6 项).
  await expect(panel.getByRole('table', { name: '需关注的指标' }).locator('tbody tr')).toHaveCount(6);
  await expect(panel.locator('.warnings-note')).toHaveText(
    '本表还列出状态为预计达标、但波动较大的1项（“波动”列注明）：这1项不计入“需关注”的项数。本表共6项，其中需关注5项。',
  );
  workbook.expectNoErrors();
});

test('备份全部到文件 in spring 2026, restored in a fresh browser profile: figures, 备注, 版本 and the 终期评估 all back', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-04-10T10:00:00+08:00'));
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await importFigures(page);
  await workbook.waitSaved();
  await workbook.typeInto('H02', '备注', '市卫健局2025年数值延迟报送');
  await workbook.waitSaved();
  await page.getByRole('button', { name: '版本', exact: true }).click();
  await page.getByLabel('版本名称').fill('2025年终期评估初稿');
  await page.getByRole('button', { name: '保存当前版本' }).click();
  await expect(page.getByRole('dialog', { name: '版本' })).toContainText('已保存版本“2025年终期评估初稿”');
  await page.keyboard.press('Escape');
  const finalReport = async (on: Page) => {
    await on.getByRole('button', { name: '打印报告' }).click();
    const report = on.getByRole('dialog', { name: '监测报告' });
    await report.getByLabel('报告类型').selectOption('final');
    // The printing date aside (the day it is drawn), the report as the director reads it.
    const text = (await report.locator('article').first().innerText()).replace(/打印日期：.*\n/, '');
    await report.getByRole('button', { name: '返回表格' }).click();
    return text;
  };
  const before = await finalReport(page);
  expect(before).toContain('有2025年数值的11项：达标7项，未达标4项，达标率63.6%');
  await page.getByRole('button', { name: '工作簿' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '备份全部到文件' }).click();
  const backup = await (await downloading).path();

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const fresh = await context.newPage();
  await fresh.clock.setFixedTime(new Date('2026-04-11T10:00:00+08:00'));
  const restored = new WorkbookPage(fresh);
  await restored.open();
  await fresh.getByRole('button', { name: '工作簿' }).click();
  await fresh.getByLabel('从备份文件恢复').setInputFiles(backup);
  await fresh.getByRole('button', { name: /恢复所选/ }).click();
  await expect(fresh.locator('.status-bar')).toContainText('已从备份“');
  await restored.waitForGrid();
  await restored.revealRow('H02');
  await expect(await restored.cell('H02', '备注')).toHaveText('市卫健局2025年数值延迟报送');
  await expect(await restored.cell('H02', '2024年')).toHaveText('5.2‰');
  await fresh.getByRole('button', { name: '版本', exact: true }).click();
  await expect(fresh.getByRole('table', { name: '已保存的版本' })).toContainText('2025年终期评估初稿');
  await fresh.keyboard.press('Escape');
  expect(await finalReport(fresh)).toBe(before);
  restored.expectNoErrors();
  await context.close();
});

test('spring 2026: the annual report of 2025 counts 达标 / 未达标 and 待补报 as the 终期评估 does, and every warning list words a late row as it does', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-04-10T10:00:00+08:00'));
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await importFigures(page);
  await workbook.waitSaved();
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  await expect(report.getByRole('heading', { level: 1 })).toContainText('年度监测报告（2025年）');
  const annual = (await report.locator('.report-summary').textContent()) ?? '';
  // H03, H08, H16, E02 missed by their 2025 figure; H02, C03, E03 still on 2024's (C03 已达标 by it).
  expect(annual).toContain('有2025年数值的11项：达标7项，未达标4项，达标率63.6%');
  expect(annual).toContain('待补报2025年数值的3项（其中按最新数值已达标1项）');
  // The line of the 需关注 list for 婴儿死亡率, whose 2025 figure is late: the 终期评估's words, not a bare 需加快.
  // The 状态 column: the 7th cell, the 6th in a department's own notice (no 责任单位 column).
  const statusIn = (table: Locator, code: string, column = 6) =>
    table.locator('tr', { hasText: code }).locator('td').nth(column);
  await expect(statusIn(report.locator('table.warnings'), 'H02')).toHaveText(
    '待补报2025年数值（按趋势需加快）',
  );
  await expect(statusIn(report.locator('table.warnings'), 'H03')).toHaveText('未达标');
  // The annual report's own table of 卫健 rows says the same in its 状态 column.
  const annualRow = report.locator('table.area tr', {
    has: page.getByRole('cell', { name: 'H02', exact: true }),
  });
  await expect(annualRow.locator('td').last()).toHaveText('待补报2025年数值（按趋势需加快）');
  await report.getByLabel('报告类型').selectOption('final');
  await expect(report.locator('.report-summary')).toHaveText(annual);
  const finalRow = report.locator('table.area tr', {
    has: page.getByRole('cell', { name: 'H02', exact: true }),
  });
  await expect(finalRow.locator('td').last()).toHaveText('待补报2025年数值（按趋势需加快）');
  // 市卫健局's notice words the row the same.
  await report.getByLabel('报告类型').selectOption({ label: '各单位预警及补报通知' });
  const notice = report.getByRole('region', { name: '通知：市卫健局' });
  await expect(statusIn(notice.locator('table.warnings'), 'H02', 5)).toHaveText(
    '待补报2025年数值（按趋势需加快）',
  );
  await report.getByRole('button', { name: '返回表格' }).click();
  // 预警汇总, read today (spring 2026), the same.
  await page.getByRole('button', { name: '预警汇总' }).click();
  const panel = page.getByRole('region', { name: '预警汇总' });
  const list = panel.getByRole('table', { name: '需关注的指标' });
  await expect(list.locator('tr', { hasText: 'H02' }).locator('td').nth(6)).toHaveText(
    '待补报2025年数值（按趋势需加快）',
  );
  await expect(list.locator('tr', { hasText: 'E03' }).locator('td').nth(6)).toHaveText(
    '待补报2025年数值（按趋势预计达标）',
  );
  workbook.expectNoErrors();
});

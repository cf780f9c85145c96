/**
 * A prefecture's workbook: every county's rows in one workbook (here ten generated counties, 650 rows — the
 * sample's made-up figures, labelled as such; not statistics), used as its clerk uses it.
 */
import { expect, test, type Page } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { makeSampleWorkbook, SAMPLE_LABEL } from '../../src/model/sample-data';
import { storeWorkbook, WorkbookPage } from './workbook-page';

const COUNTIES = 10;

async function openCounties(page: Page): Promise<WorkbookPage> {
  const sample = makeSampleWorkbook(LANXI_2021_2025, new Date('2026-11-29T00:00:00Z'));
  const indicators = Array.from({ length: COUNTIES }, (_, county) =>
    sample.indicators.map((row) => ({
      ...row,
      code: `K${county}${row.code}`,
      name: `${row.name}（示例县${county + 1}）`,
    })),
  ).flat();
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await storeWorkbook(page, { ...sample, id: 'counties', title: `十县合并·${SAMPLE_LABEL}` }, indicators);
  await workbook.open('/?workbook=counties');
  return workbook;
}

/**
 * Keeps, from now on, the text of every status notice on screen at a frame the browser drew: a notice shown and
 * gone within one long task is never drawn, and the clerk never sees it.
 */
async function watchDrawnNotices(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { drawnNotices: Set<string> }).drawnNotices = seen;
    const look = () => {
      document.querySelectorAll('[role="status"]').forEach((el) => seen.add(el.textContent ?? ''));
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

const drawnNotices = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { drawnNotices: Set<string> }).drawnNotices]);

test('打印报告 on a workbook of hundreds of rows says on screen that it is being built, for each report chosen', async ({
  page,
}) => {
  const workbook = await openCounties(page);
  const rows = LANXI_2021_2025.indicators.length * COUNTIES;
  await watchDrawnNotices(page);

  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  await expect(report.locator('.report-summary')).toContainText(`${rows}项指标中`);
  expect(await drawnNotices(page)).toContain(`正在生成监测报告（共 ${rows} 项指标），请稍候…`);
  await expect(page.getByText('正在生成')).toHaveCount(0);

  await report.getByLabel('报告类型').selectOption({ label: '终期评估报告' });
  await expect(report.getByRole('heading', { level: 1 })).toContainText('终期评估报告（2025年）');
  expect(await drawnNotices(page)).toContain(`正在生成终期评估报告（共 ${rows} 项指标），请稍候…`);

  await report.getByLabel('年份').selectOption({ label: '2024年' });
  await expect(report.getByRole('heading', { level: 1 })).toContainText('终期评估报告（2024年）');
  expect(await drawnNotices(page)).toContain(`正在生成2024年的终期评估报告（共 ${rows} 项指标），请稍候…`);
  await expect(page.getByText('正在生成')).toHaveCount(0);
  workbook.expectNoErrors();
});

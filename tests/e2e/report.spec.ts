import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { AREAS } from '../../src/model/indicator';
import { ATTENTION, STATUS_SEVERITY, type Status } from '../../src/model/status';
import { makeSampleWorkbook, SAMPLE_LABEL } from '../../src/model/sample-data';
import { linesOf, storeWorkbook, WorkbookPage } from './workbook-page';

const INFANT = LANXI_2021_2025.indicators.find((r) => r.name === '婴儿死亡率')!;

async function openSample(page: Page): Promise<WorkbookPage> {
  const workbook = new WorkbookPage(page);
  await workbook.open('/?workbook=sample');
  return workbook;
}

/** NFKC (also turns full-width punctuation half-width), the radical ⻚ back to 页, no white space. */
const fold = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\u2EDA/g, '页')
    .replace(/\s+/g, '');

/**
 * The cells of the report's tables that, laid out for print as wide as an A4 page between its margins (182 mm,
 * 688 px), split a year such as 2024年, a difference such as 0.45个千分点, or a figure's unit (万元, /10万) over
 * two lines.
 */
async function splitYearsInPrint(page: Page, report: Locator): Promise<string[]> {
  const screen = page.viewportSize()!;
  await page.setViewportSize({ width: 688, height: screen.height });
  await page.emulateMedia({ media: 'print' });
  const split = await report.locator('table td').evaluateAll((cells) =>
    cells.flatMap((cell) => {
      // A unit of more than one character only in a figure's cell (a name such as …流浪儿童人次 may wrap anywhere).
      const figure = /^[+\-−]?\d/.test((cell.textContent ?? '').trim());
      const kept = figure
        ? /\d{4}年|\d[\d.]*个[百千]分点|万元|\/10万|次\/年|小时\/天|元\/月|人次/g
        : /\d{4}年|\d[\d.]*个[百千]分点/g;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        for (const match of (node.textContent ?? '').matchAll(kept)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          if (range.getClientRects().length > 1) return [cell.textContent ?? ''];
        }
      return [];
    }),
  );
  // Back to no emulation (not 'screen', which page.pdf would then print with).
  await page.emulateMedia({ media: null });
  await page.setViewportSize(screen);
  return split;
}

/** Text of each page of a PDF, read with pdf.js. */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    cMapUrl: join(root, 'cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts/'),
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    // The CJK font maps some glyphs to Kangxi/radical code points (⼉ for 儿, ⻚ for 页): fold them back.
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
    pages.push(fold(text));
  }
  return pages;
}

test('a row’s chart opens from the row and shows its data, missing years as missing', async ({ page }) => {
  const workbook = await openSample(page);
  await workbook.revealRow(INFANT.code);
  await (await workbook.cell(INFANT.code, '指标名称')).click();
  await page
    .getByRole('complementary', { name: '指标说明' })
    .getByRole('button', { name: '查看图表' })
    .click();
  const dialog = page.getByRole('dialog', { name: `图表：${INFANT.code} 婴儿死亡率` });
  await expect(dialog).toBeVisible();
  const table = dialog.getByRole('table', { name: '图表数据' });
  // 2025 has no value yet: shown as missing, not zero; the projection reaches 2025; the target is 5‰ each year.
  const actual = await table.locator('tbody tr').nth(0).locator('td').allTextContents();
  expect(actual.at(-1)).toBe('—');
  expect(actual.slice(0, -1).every((v) => /‰$/.test(v))).toBe(true);
  expect(await table.locator('tbody tr').nth(1).locator('td').last().textContent()).toMatch(/‰$/);
  // The projection row holds projections only: 2024's figure, where the dashed line starts, is data, not a
  // projection of 2024 (it read 预测 2024: 3.2‰ beside 实际值 3.2‰).
  const projected = await table.locator('tbody tr').nth(1).locator('td').allTextContents();
  expect(projected.slice(0, -1)).toEqual(projected.slice(0, -1).map(() => ''));
  expect(new Set(await table.locator('tbody tr').nth(2).locator('td').allTextContents())).toEqual(
    new Set(['5‰']),
  );
  // The canvas was drawn.
  const painted = await dialog.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count += 1;
    return count;
  });
  expect(painted).toBeGreaterThan(5000);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toHaveCount(0);

  // From the keyboard: closing the chart gives the keys back to the grid; move down a row, Alt+C opens its chart.
  await page.keyboard.press('ArrowDown');
  const next = LANXI_2021_2025.indicators[LANXI_2021_2025.indicators.indexOf(INFANT) + 1]!;
  await expect(page.locator('.status-bar .cell-info')).toContainText(`${next.code} ${next.name}`);
  await page.keyboard.press('Alt+c');
  const nextChart = page.getByRole('dialog', { name: `图表：${next.code} ${next.name}` });
  await expect(nextChart).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(nextChart).toHaveCount(0);

  // A 左右 target is the band the chart draws and the row is judged by (90% alone read as the line to stay under).
  const band = LANXI_2021_2025.indicators.find((r) => r.target.kind === 'around')!;
  await workbook.select(band.code, '指标名称');
  await page.keyboard.press('Alt+c');
  const bandChart = page.getByRole('dialog', { name: `图表：${band.code} ${band.name}` });
  const bandTargets = await bandChart
    .getByRole('table', { name: '图表数据' })
    .locator('tbody tr')
    .nth(2)
    .locator('td')
    .allTextContents();
  expect(new Set(bandTargets)).toEqual(new Set(['88%～92%']));
  await page.keyboard.press('Escape');
  workbook.expectNoErrors();
});

test('the dashboard counts match the grid, and a warning leads to its row and chart', async ({ page }) => {
  const workbook = await openSample(page);
  await page.getByLabel('只看需关注').check();
  const shown = Number((await workbook.counts().textContent())?.match(/当前显示 (\d+) 项/)?.[1]);
  expect(shown).toBeGreaterThan(0);
  await page.getByLabel('只看需关注').uncheck();

  await page.getByRole('button', { name: '预警汇总' }).click();
  const panel = page.getByRole('region', { name: '预警汇总' });
  const warnings = panel.getByRole('table', { name: '需关注的指标' });
  // The plan (§五(五)) warns of indicators expected to miss and of those 波动较大: the list has the rows the
  // filter shows (by status) and, besides, rows listed only for their swings.
  const headers = await warnings.locator('thead th').allTextContents();
  // The projection's year, as the grid's column and the printed list say it.
  expect(headers).toContain('预测2025年');
  // The gap as the grid's column names it: a row whose target year's own figure is in has its real gap there, no
  // projection (预测与目标 read as one).
  expect(headers).toContain('与目标差距');
  const statusCol = headers.indexOf('状态');
  const listed = await warnings
    .locator('tbody tr')
    .evaluateAll(
      (trs, col) =>
        trs.map((tr) => [tr.children[col]?.textContent ?? '', tr.lastElementChild?.textContent ?? '']),
      statusCol,
    );
  // Read after 2025 (the sample has no 2025 figures), a row is listed as the 终期评估 words it:
  // 待补报2025年数值（按趋势需加快）.
  const statusOf = (text = '') => /^待补报\d+年数值（按趋势(.+)）$/.exec(text)?.[1] ?? text;
  const byStatus = listed.filter(([text]) => ATTENTION.has(statusOf(text) as Status));
  const swingsOnly = listed.filter(([text]) => !ATTENTION.has(statusOf(text) as Status));
  expect(byStatus).toHaveLength(shown);
  for (const [, swing] of swingsOnly) expect(swing).toBe('波动较大');
  const swinging = listed.filter(([, swing]) => swing === '波动较大').length;
  await expect(panel.getByRole('heading', { level: 2, name: /需关注的指标/ })).toHaveText(
    swinging > 0
      ? `需关注的指标（${listed.length} 项，其中波动较大 ${swinging} 项）`
      : `需关注的指标（${listed.length} 项）`,
  );
  const first = warnings.locator('tbody tr').first().getByRole('button');
  const label = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('dialog', { name: `图表：${label}` })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await expect(page.locator('.status-bar .cell-info')).toContainText(label.split(' ')[0]!);
  workbook.expectNoErrors();
});

test('sorting by 状态 puts the most serious first (倒退, 停滞, 进展缓慢 …), not in character order', async ({
  page,
}) => {
  const workbook = await openSample(page);
  // Brings the 状态 column into view.
  await workbook.cell(LANXI_2021_2025.indicators[0]!.code, '状态');
  // 状态 is a frozen column: its header as the clerk sees it is in the top-left corner overlay.
  const header = page.locator('.ht_clone_top_inline_start_corner thead th', { hasText: '状态' }).first();
  await header.locator('.columnSorting').click();
  await page.locator('.ht_master .wtHolder').evaluate((holder) => holder.scrollTo({ top: 0 }));
  const column = workbook.columnIndex('状态') + 2;
  const statuses = async () =>
    page
      .locator(`.ht_master tbody td[aria-colindex="${column}"]`)
      .allTextContents()
      .then((texts) => texts.map((t) => t.replace(/^⚠\s*/, '')));
  const ascending = await statuses();
  const ranks = ascending.map((s) => STATUS_SEVERITY.indexOf(s as Status));
  expect(
    ranks.every((r) => r >= 0),
    ascending.join(' '),
  ).toBe(true);
  expect(new Set(ascending).size, ascending.join(' ')).toBeGreaterThan(1);
  expect(ranks, ascending.join(' ')).toEqual([...ranks].sort((a, b) => a - b));
  // The sample has rows going backwards: they come first.
  expect(ascending[0]).toBe('倒退');
  workbook.expectNoErrors();
});

test('the printed report is a PDF with the summary line and every area heading', async ({ page }) => {
  // The clock held at a day's middle: 打印日期 is the day the report was drawn, and the test read the clock again
  // later (a run over midnight saw two days).
  await page.clock.setFixedTime(new Date('2026-11-30T10:00:00+08:00'));
  const workbook = await openSample(page);
  // Ctrl+P on the grid: not a blank page, but where the report is printed from.
  const hint = '要打印监测报告，请点页面上方的“打印报告”';
  expect((await pdfPages(await page.pdf({ format: 'A4' }))).join('')).toContain(fold(hint));
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  await expect(report.getByRole('heading', { level: 1 })).toContainText('年度监测报告（2024年）');
  const summary = (await report.locator('.report-summary').textContent()) ?? '';
  expect(summary).toMatch(/^65项指标中已达标\d+项，达标率[\d.]+%/);
  // Without 编制单位 in 设置, the screen says where to give it (the paper would lack it, unremarked).
  const noOffice = '编制单位未填写：在“设置”中填写后，印在标题下。';
  await expect(report.getByText(noOffice)).toBeVisible();
  // The mid-term evaluation is of the period's middle year: chosen with it.
  await report.getByLabel('报告类型').selectOption('mid-term');
  await expect(report.getByRole('heading', { level: 1 })).toContainText('中期评估报告（2023年）');
  await expect(report.getByLabel('年份')).toHaveValue('2023');

  // On an A4 page's width, a year, a difference or a unit is never split over two lines in any table (3.1‰（2024 /
  // 年） and 0.45个千分 / 点 in the warning list, 1496.3 万 / 元 in the 终期评估's 2025年 column, 9.68/10 / 万).
  for (const variant of ['annual', 'mid-term', 'final']) {
    await report.getByLabel('报告类型').selectOption(variant);
    expect(await splitYearsInPrint(page, report), variant).toEqual([]);
  }

  const pages = await pdfPages(await page.pdf({ format: 'A4' }));
  const text = pages.join('\n');
  const squeeze = fold;
  expect(squeeze(text)).toContain(squeeze((await report.locator('.report-summary').textContent()) ?? ''));
  for (const area of AREAS) expect(squeeze(text), area).toContain(area);
  // The date it was printed: the browser's own (held above), in the test's time zone.
  expect(squeeze(pages[0]!)).toContain(squeeze('打印日期：2026年11月30日'));
  // The report printed is the 终期评估 (chosen last above): without a 2025 figure no row of its warning list is
  // 未达标, and its heading names only what the list holds (it said 未达标 over none).
  await expect(
    report
      .locator('section.report-area', { has: page.locator('table.warnings') })
      .getByRole('heading', { level: 2 }),
  ).toHaveText('需关注的指标（预警：预计达标困难或波动较大）');
  expect(squeeze(text)).toContain(squeeze('需关注的指标（预警：预计达标困难或波动较大）'));
  expect(squeeze(text)).not.toContain(squeeze('未达标，或'));
  // Areas start on pages of their own; no grid or toolbar in print; page numbers at the foot.
  expect(pages.length).toBeGreaterThanOrEqual(AREAS.length + 1);
  expect(text).not.toContain('删除所选指标');
  expect(text).not.toContain(fold(hint));
  expect(squeeze(text)).not.toContain(squeeze(noOffice));
  expect(squeeze(pages[0]!)).toContain(squeeze(`第1页，共${pages.length}页`));
  // The sample workbook's report says on every page that its figures are generated.
  for (const [index, text] of pages.entries())
    expect(squeeze(text), `page ${index + 1}`).toContain(squeeze(SAMPLE_LABEL));
  workbook.expectNoErrors();
});

/** A page's text as pdfPages folds it, without what every page carries (the sample's banner, 第 n 页，共 N 页). */
const pageBody = (text: string) =>
  text
    .replace(fold('示例数据（模拟，非真实统计）：数值为随机生成，不是统计数据，不得上报'), '')
    // (Folded: its full-width comma is a comma.)
    .replace(/第\d+页[，,]共\d+页/, '');

/** The plan's rows printed on a page, by code and the start of the name (H27婴幼: a row, not a mention of H27). */
const rowsOn = (text: string) =>
  LANXI_2021_2025.indicators
    .filter((r) => text.includes(fold(`${r.code}${r.name.slice(0, 2)}`)))
    .map((r) => r.code);

/** The pages of the printed report (A4) that end with one of its headings: left at the foot, apart from its table. */
async function headingsAtFoot(report: Locator, pages: string[]): Promise<string[]> {
  const headings = (await report.locator('h1, h2, h3').allTextContents()).map(fold);
  return pages.flatMap((text, index) =>
    headings.filter((h) => pageBody(text).endsWith(h)).map((h) => `page ${index + 1}: ${h}`),
  );
}

/**
 * The report's tables wider than an A4 page between its margins (182 mm, 688 px), laid out for print: Chromium
 * then shrinks every page of the printed report to fit the widest (up to a limit, past which it cuts the table).
 */
async function tablesWiderThanPage(page: Page, report: Locator): Promise<string[]> {
  const screen = page.viewportSize()!;
  await page.setViewportSize({ width: 688, height: screen.height });
  await page.emulateMedia({ media: 'print' });
  const wide = await report.locator('table').evaluateAll((tables) =>
    tables.flatMap((table) => {
      const box = table.getBoundingClientRect();
      const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent).join(' | ');
      return box.right > window.innerWidth + 0.5 ? [`${Math.round(box.width)} px: ${heads}`] : [];
    }),
  );
  await page.emulateMedia({ media: null });
  await page.setViewportSize(screen);
  return wide;
}

test('on an A4 page’s width every table of every report fits between the margins', async ({ page }) => {
  const workbook = await openSample(page);
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  // 需关注的指标 (eight columns, with 责任单位) was 697 px: each printed page of the report came out shrunk.
  for (const variant of ['annual', 'mid-term', 'final', 'notices']) {
    await report.getByLabel('报告类型').selectOption(variant);
    await expect(report.locator('table').first()).toBeVisible();
    expect(await tablesWiderThanPage(page, report), variant).toEqual([]);
  }
  workbook.expectNoErrors();
});

test('on A4 no table leaves a single row alone on a page, no heading is left at a page foot, no closing alone', async ({
  page,
}) => {
  // The sample's 中期评估: 儿童与健康's table ran over by one row, H27 printed alone under the repeated header.
  const workbook = await openSample(page);
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  await report.getByLabel('报告类型').selectOption('mid-term');
  const pages = (await pdfPages(await page.pdf({ format: 'A4' }))).map(pageBody);
  const warnings = pages.findIndex((text) => text.includes(fold('需关注的指标（预警')));
  const appendix = pages.findIndex((text) => text.includes(fold('附表：各指标历年数值')));
  expect(warnings).toBeGreaterThan(AREAS.length);
  expect(appendix).toBeGreaterThan(warnings);
  // Each area's table from the second page on, and the appendix to the last page: at least two rows a page.
  const lonely = pages.flatMap((text, index) =>
    ((index > 0 && index < warnings) || index >= appendix) && rowsOn(text).length < 2
      ? [`page ${index + 1}: ${rowsOn(text).join(' ')}`]
      : [],
  );
  // Soft: the notices below are checked too, whatever this finds.
  expect.soft(lonely).toEqual([]);
  expect(await headingsAtFoot(report, pages)).toEqual([]);

  // The sample's notices for 2025: 市教育局's closing (请使用随附的填报模板…) was printed alone on a page after its list.
  await report.getByLabel('报告类型').selectOption({ label: '各单位预警及补报通知' });
  await report.getByLabel('年份').selectOption('2025');
  await expect(report.getByRole('heading', { name: '市教育局：' })).toBeVisible();
  const closing = fold('请使用随附的填报模板');
  const alone = (await pdfPages(await page.pdf({ format: 'A4' })))
    .map(pageBody)
    .flatMap((text, index) => (text.startsWith(closing) ? [`page ${index + 1}: ${text.slice(0, 40)}`] : []));
  expect.soft(alone).toEqual([]);

  // A notice of 市卫健局 whose warning list and legend fill the page down to the heading of the rows to send
  // (2022年数值待补报的指标（10 项）): the heading was printed at the foot, its table on the next page. Generated
  // sample values for the department's first 16 or 17 rows, none for the rest.
  const sample = makeSampleWorkbook(LANXI_2021_2025, new Date('2026-11-29T00:00:00Z'));
  const health = sample.indicators.filter((r) => r.department === '市卫健局');
  for (const kept of [16, 17]) {
    const id = `health-${kept}`;
    const indicators = health.map((r, index) => (index < kept ? r : { ...r, values: {} }));
    await storeWorkbook(page, { ...sample, id, title: `市卫健局·${SAMPLE_LABEL}` }, indicators);
    await workbook.open(`/?workbook=${id}`);
    await page.getByRole('button', { name: '打印报告' }).click();
    await report.getByLabel('报告类型').selectOption({ label: '各单位预警及补报通知' });
    await report.getByLabel('年份').selectOption('2022');
    await expect(
      report.getByRole('heading', { name: `2022年数值待补报的指标（${health.length - kept} 项）` }),
    ).toBeVisible();
    const notices = await pdfPages(await page.pdf({ format: 'A4' }));
    expect(notices.length, id).toBeGreaterThan(1);
    expect.soft(await headingsAtFoot(report, notices), id).toEqual([]);
  }
  workbook.expectNoErrors();
});

test('the printed report never shows a value the workbook refused as a figure, and says what to correct', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // 0-6个月婴儿纯母乳喂养率 (%, ≥ target): 120% is out of range, refused and kept as typed.
  const row = LANXI_2021_2025.indicators.find((r) => r.unit === '%' && r.target.kind === 'lower')!;
  await workbook.typeInto(row.code, '2021年', '66');
  await workbook.typeInto(row.code, '2022年', '120%');
  await workbook.typeInto(row.code, '2023年', '68');
  await workbook.waitSaved();
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  await report.getByLabel('年份').selectOption('2022');
  const line = report.locator('tr', { has: page.getByRole('cell', { name: row.code, exact: true }) });
  await expect(line.locator('td').nth(2)).toHaveText('“120%”有误，未计入');
  await expect(report.getByRole('note')).toHaveText(
    '工作簿中有数值有误：2022年 1 个（表中标“有误，未计入”），未计入预测和达标判断：请在工作簿中更正后重新打印。',
  );
  // A year without a value of its own shows the latest one before it, with its year.
  await report.getByLabel('年份').selectOption('2024');
  await expect(line.locator('td').nth(2)).toHaveText('68%（2023年）');
  workbook.expectNoErrors();
});

test('终期评估 with the office’s name: each row against its base year, 达标 / 未达标 by its 2025 figure, counted by area and kind', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // The office's name, set once in 设置, is printed under the title.
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByLabel('编制单位（印在报告标题下）').fill('兰溪市妇儿工委办');
  await page.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.status-bar')).toContainText('设置已保存');
  const byName = (name: string) => LANXI_2021_2025.indicators.find((r) => r.name === name)!;
  const highSchool = byName('高中阶段毛入学率');
  const myopia = byName('儿童青少年总体近视率');
  const kindergartens = byName('普惠性幼儿园覆盖率');
  const breastfeeding = byName('0-6个月婴儿纯母乳喂养率');
  // 婴儿死亡率 <5‰: 6.0 → 4.5 is achieved; 高中阶段毛入学率 ≥98%: 96 → 97.2 is not.
  await workbook.typeInto(INFANT.code, '2020年（基期）', '6');
  await workbook.typeInto(INFANT.code, '2025年', '4.5');
  await workbook.typeInto(highSchool.code, '2020年（基期）', '96');
  await workbook.typeInto(highSchool.code, '2024年', '97.5');
  await workbook.typeInto(highSchool.code, '2025年', '97.2');
  // Figures, but not 2025's: 近视率 (每年降低1个百分点 from 2018: 2025 should be ≤ 48%) and 普惠性幼儿园覆盖率
  // (保持在90%左右). 纯母乳喂养率 met 65% in 2024, and its 2025 figure was sent as “待核实”.
  await workbook.typeInto(myopia.code, '2018年', '55');
  await workbook.typeInto(myopia.code, '2024年', '52');
  await workbook.typeInto(kindergartens.code, '2020年（基期）', '86');
  // 86 → 85.375: a fall of 0.625 个百分点, printed as ROUND prints it (−0.63, not −0.62).
  await workbook.typeInto(kindergartens.code, '2024年', '85.375');
  await workbook.typeInto(breastfeeding.code, '2024年', '66');
  await workbook.typeInto(breastfeeding.code, '2025年', '待核实');
  await workbook.waitSaved();
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  await report.getByLabel('年份').selectOption('2024');
  // The final evaluation is of the target year: chosen with it.
  await report.getByLabel('报告类型').selectOption('final');
  await expect(report.getByLabel('年份')).toHaveValue('2025');
  await expect(report.getByRole('heading', { level: 1 })).toContainText('终期评估报告（2025年）');
  await expect(report.locator('.report-meta')).toContainText('编制单位：兰溪市妇儿工委办');
  await expect(report.getByText(/编制单位未填写/)).toHaveCount(0);
  // On an A4 page's width each area's name in the count by area is on one line (儿童与家 / 庭 before).
  await page.setViewportSize({ width: 688, height: 900 });
  await page.emulateMedia({ media: 'print' });
  const areaCells = report.locator('table.tally tbody td:first-child');
  await expect(areaCells).toHaveCount(AREAS.length + 1);
  const brokenAreas = await areaCells.evaluateAll((cells) =>
    cells
      .filter((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      })
      .map((td) => td.textContent),
  );
  expect(brokenAreas).toEqual([]);
  // The indicator keeps room to be read in each area's table: a name of up to 8 characters on one line, as in the
  // annual report (新生儿死亡 / 率 and 儿童超重 / （肥胖） / 率 while the figures beside them kept whole lines).
  const nameCells = report.locator('section.report-area table.area tbody td:nth-child(2)');
  await expect(nameCells).toHaveCount(LANXI_2021_2025.indicators.length);
  const brokenNames = await nameCells.evaluateAll((cells) =>
    cells
      .filter((td) => [...(td.textContent ?? '')].length <= 8)
      .filter((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      })
      .map((td) => td.textContent),
  );
  expect(brokenNames).toEqual([]);
  // Printed on white: the screen's grey page (:root) outranked the print rule, and with 背景图形 ticked every page
  // had a grey band under its last table.
  const pageColour = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(pageColour).toBe('rgb(255, 255, 255)');
  // One word for one verdict, printed as on screen: the grid's 达标 / 未达标 (the tables said 已实现 / 未实现 while the
  // warning list's 状态 said 未达标 of the same row).
  expect(await report.locator('article').innerText()).not.toMatch(/实现/);
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1400, height: 900 });
  const total = LANXI_2021_2025.indicators.length;
  // Rows with earlier figures and rows with none at all are counted apart; the refused 2025 figure is 无法判定.
  await expect(report.locator('.report-summary')).toHaveText(
    `${total}项指标中，有2025年数值的3项：达标1项，未达标1项，无法判定1项（请在表格中核对），达标率50%` +
      '（有量化目标的2项中达标1项）；' +
      `待补报2025年数值的2项，无监测数据（截至2025年各年均无数值）的${total - 5}项。`,
  );
  const tally = report.locator('table.tally');
  await expect(tally.locator('thead th')).toHaveText([
    '领域',
    '指标数',
    '达标',
    '未达标',
    '无法判定（数值有误等）',
    '待补报2025年数值（有往年填报）',
    '无监测数据（截至2025年各年均无数值）',
    '达标率（达标 ÷ 已判定的指标）',
  ]);
  await expect(tally.locator('tr.total td')).toHaveText([
    '合计',
    String(total),
    '1',
    '1',
    '1',
    '2',
    String(total - 5),
    '50%',
  ]);
  await expect(tally.locator('tr', { hasText: '儿童与健康' }).locator('td').nth(2)).toHaveText('1');
  await expect(report.getByRole('heading', { name: '各领域目标达标情况' })).toBeVisible();
  // Counted again by kind: the quantified targets apart from those judged by direction only (逐步提高, 得到有效控制).
  const kinds = report.locator('table.tally-kinds');
  const directionOnly = LANXI_2021_2025.indicators.filter((r) => r.target.kind === 'direction').length;
  await expect(kinds.locator('tbody tr').nth(0).locator('td')).toHaveText([
    '有量化目标',
    String(total - directionOnly),
    '1',
    '1',
    '1',
    '2',
    String(total - directionOnly - 5),
    '50%',
  ]);
  await expect(kinds.locator('tbody tr').nth(1).locator('td')).toHaveText([
    '方向性目标',
    String(directionOnly),
    '0',
    '0',
    '0',
    '0',
    String(directionOnly),
    '—',
  ]);
  await expect(kinds.locator('tr.total td')).toHaveText(await tally.locator('tr.total td').allTextContents());
  await expect(report.getByText(/“方向性目标”指/)).toBeVisible();
  // The warning list of a final evaluation holds rows that missed their target by 2025's own figure: its heading
  // says so (预计达标困难 alone read as if 高中阶段毛入学率 still had time), and names only what it holds: none of
  // its rows 波动较大.
  const warningList = report.locator('section.report-area', { has: page.locator('table.warnings') });
  await expect(warningList.locator('table.warnings')).not.toContainText('波动较大');
  await expect(warningList.getByRole('heading', { level: 2 })).toHaveText(
    '需关注的指标（未达标，或预计达标困难）',
  );
  await expect(
    warningList.locator('table.warnings tr', { hasText: highSchool.name }).locator('td').nth(6),
  ).toHaveText('未达标');
  await expect(warningList.locator('table.warnings')).toContainText('高中阶段毛入学率');
  // A row of its area's table (the appendix has a row of its own for the code).
  const line = (code: string) =>
    report
      .locator('table:not(.series) tr', { has: page.getByRole('cell', { name: code, exact: true }) })
      .locator('td');
  await expect(line(INFANT.code)).toHaveText([
    INFANT.code,
    INFANT.name,
    '6‰',
    '4.5‰',
    '−1.5个千分点',
    /<5‰/,
    '达标',
  ]);
  await expect(line(highSchool.code).nth(4)).toHaveText('+1.2个百分点');
  await expect(line(highSchool.code).nth(6)).toHaveText('未达标');
  await expect(line(breastfeeding.code).nth(3)).toHaveText('“待核实”有误，未计入');
  await expect(line(breastfeeding.code).nth(6)).toHaveText('无法判定（2025年数值有误，待核实后判定）');
  // The target year is over: the verdict waits for the figure; the trend's status only beside it.
  await expect(line(myopia.code).nth(6)).toHaveText(/^待补报2025年数值（按趋势(需加快|进展缓慢)）$/);
  await expect(line(myopia.code).nth(5)).toHaveText('每年降低1个百分点以上（2025年应≤48%）');
  await expect(line(kindergartens.code).nth(5)).toHaveText('≈90%（保持在…左右，即88%～92%）');
  await expect(line(kindergartens.code).nth(4)).toHaveText('−0.63个百分点');
  await expect(line(byName('村（社区）儿童之家建成率').code).nth(6)).toHaveText('无监测数据');
  // Targets read as the plan writes them: no word twice, none cut off.
  await expect(line(byName('九年义务教育巩固率').code).nth(5)).toHaveText('=100%（保持在…）');
  await expect(line('H20').nth(5)).toHaveText('↑ 提高');
  // The warning list says which target its gap is of: 2025's 48%, 52 − 0.5 per year giving 51.5%.
  const warning = report.locator('table.warnings tr', { hasText: myopia.name }).locator('td');
  await expect(warning.nth(3)).toHaveText('每年降低1个百分点以上（2025年应≤48%）');
  await expect(warning.nth(5)).toHaveText('高于目标 3.5个百分点');
  await expect(report.getByRole('columnheader', { name: '基期值（2020年）' }).first()).toBeVisible();
  // The appendix lists every year's figure, without units (the unit has its column), from 近视率's base year
  // 2018: years before a row's own base year are empty.
  const appendixRow = (code: string) =>
    report
      .locator('table.series tr', { has: page.getByRole('cell', { name: code, exact: true }) })
      .locator('td');
  await expect(report.getByRole('heading', { name: '附表：各指标历年数值（2018—2025年）' })).toBeVisible();
  await expect(appendixRow(INFANT.code)).toHaveText([
    INFANT.code,
    INFANT.name,
    '‰',
    '',
    '',
    '6',
    '—',
    '—',
    '—',
    '—',
    '4.5',
    /<5‰/,
  ]);
  await expect(appendixRow(myopia.code)).toHaveText([
    myopia.code,
    myopia.name,
    '%',
    '55',
    '—',
    '—',
    '—',
    '—',
    '—',
    '52',
    '—',
    '每年降低1个百分点以上（2025年应≤48%）',
  ]);
  // The annual report of the same year keeps the change against the year before.
  await report.getByLabel('报告类型').selectOption('annual');
  await expect(line(highSchool.code).nth(3)).toHaveText('−0.3个百分点');
  await expect(report.locator('table.tally')).toHaveCount(0);
  // The department's notice of 2025 heads its rows as the 终期评估 does: 高中阶段毛入学率 is 未达标, not 预计达标困难.
  await report.getByLabel('报告类型').selectOption({ label: '各单位预警及补报通知' });
  const notice = report.getByRole('region', { name: `通知：${highSchool.department}` });
  await expect(notice.locator('table.warnings')).toContainText(`${highSchool.name}`);
  await expect(notice.getByRole('heading', { level: 3 }).first()).toHaveText(
    /^需关注的指标（未达标，或预计达标困难）（\d+ 项）$/,
  );
  workbook.expectNoErrors();
});

test('on an A4 page the count by area keeps each short heading on one line (未达标, not 未达 / 标)', async ({
  page,
}) => {
  const workbook = await openSample(page);
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  for (const variant of ['final', 'mid-term']) {
    // Chosen on screen (the controls are not printed), then laid out as wide as an A4 page between its margins.
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1400, height: 900 });
    await report.getByLabel('报告类型').selectOption(variant);
    await page.setViewportSize({ width: 688, height: 900 });
    await page.emulateMedia({ media: 'print' });
    const heads = report.locator('table.tally thead th');
    await expect(heads.first()).toHaveText('领域');
    // The long headings (需关注（需加快…）, 达标率（达标 ÷ …）) may wrap; a word of a few characters may not.
    const broken: string[] = [];
    for (const head of await heads.all()) {
      const text = (await head.textContent()) ?? '';
      if (!text.includes('（') && (await linesOf(head)) > 1) broken.push(text);
    }
    expect(broken, variant).toEqual([]);
  }
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1400, height: 900 });
  workbook.expectNoErrors();
});

/**
 * The target cells (each area's table, the warning list, the appendix) with a comparator, figure and unit — ≥95%,
 * <3‰, ≥1 小时/天, 2025年应≤6.5%'s ≤6.5% — or a band (88%～92%) laid out over more than one line, for print as wide
 * as an A4 page between its margins.
 */
async function splitTargetsInPrint(page: Page, report: Locator): Promise<string[]> {
  const screen = page.viewportSize()!;
  await page.setViewportSize({ width: 688, height: screen.height });
  await page.emulateMedia({ media: 'print' });
  const split = await report.locator('td.target, table.series td:last-child').evaluateAll((cells) =>
    cells.flatMap((cell) => {
      // Each character of the cell's text with the text node it is in.
      const chars: [Text, number][] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        for (let i = 0; i < (node.textContent ?? '').length; i += 1) chars.push([node as Text, i]);
      const text = chars.map(([node, i]) => node.textContent![i]).join('');
      const pieces = /[<>≤≥=≈]\d[\d.]*(?:[%‰]| [^\s（），]+)?|\d[\d.]*[%‰]～\d[\d.]*[%‰]/g;
      for (const match of text.matchAll(pieces)) {
        const tops = new Set<number>();
        for (const [node, i] of chars.slice(match.index, match.index + match[0].length)) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          for (const rect of range.getClientRects()) tops.add(Math.round(rect.top));
        }
        if (tops.size > 1) return [`${match[0]} in ${text}`];
      }
      return [];
    }),
  );
  await page.emulateMedia({ media: null });
  await page.setViewportSize(screen);
  return split;
}

test('printed on A4, a target’s comparator, figure and unit stay on one line (≥90%, not ≥ / 90%), tables within the page', async ({
  page,
}) => {
  const workbook = await openSample(page);
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  for (const variant of ['final', 'mid-term']) {
    await report.getByLabel('报告类型').selectOption(variant);
    await expect(report.locator('td.target').first()).toBeVisible();
    expect(await splitTargetsInPrint(page, report), variant).toEqual([]);
    expect(await tablesWiderThanPage(page, report), variant).toEqual([]);
  }
  workbook.expectNoErrors();
});

/** A table's body as numbers by line (its first cell, the line's name, left out), read as printed. */
async function countsOf(table: Locator): Promise<{ name: string; counts: number[] }[]> {
  return table.locator('tbody tr').evaluateAll((lines) =>
    lines.map((line) => {
      const [name, ...cells] = [...line.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return { name: name ?? '', counts: cells.map(Number) };
    }),
  );
}

test('the sample’s 中期评估 and 终期评估 add up in print: each table’s lines to its 合计, by area and by kind, the warning list to 需关注', async ({
  page,
}) => {
  const workbook = await openSample(page);
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  const total = LANXI_2021_2025.indicators.length;
  const directionOnly = LANXI_2021_2025.indicators.filter((r) => r.target.kind === 'direction').length;
  for (const [variant, counted] of [
    ['mid-term', 5],
    ['final', 6],
  ] as const) {
    await report.getByLabel('报告类型').selectOption(variant);
    await page.setViewportSize({ width: 688, height: 900 });
    await page.emulateMedia({ media: 'print' });
    const byArea = await countsOf(report.locator('table.tally'));
    const byKind = await countsOf(report.locator('table.tally-kinds'));
    expect(
      byKind.map((l) => l.name),
      variant,
    ).toEqual(['有量化目标', '方向性目标', '合计']);
    expect(byKind[0]!.counts[0]).toBe(total - directionOnly);
    expect(byKind[1]!.counts[0]).toBe(directionOnly);
    for (const lines of [byArea, byKind]) {
      const sum = lines.slice(0, -1);
      const totalLine = lines.at(-1)!;
      expect(totalLine.name).toBe('合计');
      expect(totalLine.counts.slice(0, counted)).toEqual(byArea.at(-1)!.counts.slice(0, counted));
      for (let column = 0; column < counted; column += 1)
        expect(
          sum.reduce((n, l) => n + l.counts[column]!, 0),
          `${variant} column ${column}`,
        ).toBe(totalLine.counts[column]);
      for (const line of lines)
        expect(
          line.counts.slice(1, counted).reduce((n, c) => n + c, 0),
          `${variant} ${line.name}`,
        ).toBe(line.counts[0]);
    }
    expect(byArea.at(-1)!.counts[0]).toBe(total);
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1400, height: 900 });
  }
  // Against a strict bound (<3‰) “与目标持平” reads as missed: the sample's 新生儿死亡率, projected 2.999‰ in 2023 and
  // shown 3‰, is below it, and 预计达标.
  await report.getByLabel('报告类型').selectOption('mid-term');
  const newborn = report.locator('table.warnings tr', { hasText: '新生儿死亡率' }).first().locator('td');
  await expect(newborn.nth(3)).toHaveText('<3‰（以下）');
  await expect(newborn.nth(4)).toHaveText('3‰');
  await expect(newborn.nth(5)).toHaveText('低于目标不到 0.01个千分点');
  await expect(newborn.nth(6)).toHaveText('预计达标');
  for (const variant of ['mid-term', 'final']) {
    await report.getByLabel('报告类型').selectOption(variant);
    const strictHeld = await report.locator('table.warnings tbody tr').evaluateAll((lines) =>
      lines
        .map((line) => [...line.querySelectorAll('td')].map((td) => td.textContent ?? ''))
        .filter((cells) => /^[<>]/.test(cells[3] ?? '') && cells[5] === '与目标持平')
        .map((cells) => cells[0]),
    );
    expect(strictHeld, variant).toEqual([]);
  }
  // 中期评估: 需关注 in the summary and the count by area; its warning list also holds rows 预计达标 but 波动较大, said
  // under it with how they add up (30 rows under 需关注25项 before, nothing saying why).
  await report.getByLabel('报告类型').selectOption('mid-term');
  const attention = Number(
    /需关注(\d+)项/.exec((await report.locator('.report-summary').textContent()) ?? '')![1],
  );
  const byArea = await countsOf(report.locator('table.tally'));
  expect(byArea.at(-1)!.counts[3]).toBe(attention);
  const listed = await report.locator('table.warnings tbody tr').count();
  const note = report.locator('.warnings-note');
  if (listed === attention) await expect(note).toHaveCount(0);
  else
    await expect(note).toHaveText(
      new RegExp(
        `：这${listed - attention}项不计入“需关注”的项数。本表共${listed}项，其中需关注${attention}项。$`,
      ),
    );
  workbook.expectNoErrors();
});

test('a workbook of hundreds of rows to watch: the report comes at once with 100 charts and a note, 预警汇总 lists a page at a time', async ({
  page,
}) => {
  // Generated sample data (the plan's rows ten times over, as ten counties), labelled as such: not statistics.
  const sample = makeSampleWorkbook(LANXI_2021_2025, new Date('2026-11-29T00:00:00Z'));
  const indicators = Array.from({ length: 10 }, (_, county) =>
    sample.indicators.map((row) => ({
      ...row,
      code: `K${county}${row.code}`,
      name: `${row.name}（示例县${county + 1}）`,
    })),
  ).flat();
  const record = { ...sample, id: 'large-sample', title: `十县合并·${SAMPLE_LABEL}` };
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await storeWorkbook(page, record, indicators);
  await workbook.open('/?workbook=large-sample');

  await page.getByRole('button', { name: '预警汇总' }).click();
  const panel = page.getByRole('region', { name: '预警汇总' });
  const heading = await panel.getByRole('heading', { name: /需关注的指标（\d+ 项/ }).textContent();
  const watched = Number(/（(\d+) 项/.exec(heading ?? '')?.[1]);
  expect(watched).toBeGreaterThan(200);
  const listed = panel.getByRole('table', { name: '需关注的指标' }).locator('tbody tr');
  await expect(listed).toHaveCount(200);
  await expect(panel).toContainText(`另有 ${(watched - 200).toLocaleString('zh-CN')} 项未列出`);
  await panel.getByRole('button', { name: '再显示' }).click();
  await expect(listed).toHaveCount(Math.min(watched, 1200));
  await panel.getByRole('button', { name: '收起' }).click();

  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  await expect(report.locator('.report-summary')).toContainText(`${indicators.length}项指标中`);
  await expect(report).toContainText(`需关注的指标共 ${watched} 项，下面附前 100 项的趋势图`);
  await expect(report.locator('canvas.report-chart')).toHaveCount(100);
  workbook.expectNoErrors();
});

/** Imports one department's return (as the office does with the files mailed back) and waits until it is saved. */
async function importReturn(page: Page, workbook: WorkbookPage, lines: string[]): Promise<void> {
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '回传.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf-8'),
  });
  await expect(dialog.getByLabel('导入摘要')).toBeVisible();
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toHaveCount(0);
  await workbook.waitSaved();
}

const byCode = (code: string) => LANXI_2021_2025.indicators.find((r) => r.code === code)!;

test('各单位预警及补报通知: each department gets exactly its flagged rows and missing figures, one page each, copied for an email', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // 学前教育毛入园率 (≥97%) falls year after year: flagged. 普惠性幼儿园覆盖率 has figures up to 2023 only: its
  // 2024 figure is to be sent. 学生每天校内体育活动时间 is met in 2024. 市公安局's only row is in and improving.
  const falling = byCode('E03');
  const late = byCode('E02');
  const met = byCode('H17');
  const police = byCode('S03');
  // 儿童青少年总体近视率 (市教育局) has a 2025 figure and none before: in 2024 it had none yet.
  const myopiaRow = LANXI_2021_2025.indicators.find((r) => r.name === '儿童青少年总体近视率')!;
  await importReturn(page, workbook, [
    '代码,指标名称,单位,2020年,2022年,2023年,2024年,2025年',
    `${falling.code},${falling.name},%,95,94.5,94.2,94,`,
    `${late.code},${late.name},%,86,87,88,,`,
    `${met.code},${met.name},小时/天,1,1.1,1.1,1.2,`,
    `${police.code},${police.name},起,20,16,13,10,`,
    `${myopiaRow.code},${myopiaRow.name},%,,,,,50`,
  ]);
  // A row whose 责任单位 the clerk cleared: it goes under （未指定责任单位）, with no template to export.
  const orphan = LANXI_2021_2025.indicators.find((r) => r.department === '市妇联')!;
  await workbook.select(orphan.code, '责任单位');
  await page.keyboard.press('Delete');
  await expect(await workbook.cell(orphan.code, '责任单位')).toHaveText(/^▼?$/);
  await workbook.waitSaved();
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  await report.getByLabel('年份').selectOption('2024');
  // The annual report's own warning list, 市教育局's rows: what the notice must list, no more, no less.
  const warningRows = report.locator('table.warnings tbody tr');
  const reported = await warningRows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')),
  );
  const education = reported.filter((cells) => cells[1] === '市教育局');
  expect(education.map((cells) => cells[0])).toContain(`${falling.code} ${falling.name}`);
  // What the statuses mean, as the report prints it: each notice with warnings is to carry the same words.
  const reportNotes = (await report.locator('.report-note').allTextContents()).join('');

  await report.getByLabel('报告类型').selectOption({ label: '各单位预警及补报通知' });
  await expect(report.getByRole('heading', { level: 1 })).toContainText('各单位预警及补报通知（2024年）');
  await expect(report.getByLabel('年份')).toHaveValue('2024');
  // 市公安局 has nothing to say: named at the top, no notice.
  await expect(report.locator('.notices-quiet')).toHaveText(
    /^以下\d+个单位2024年无预警、无待补报：.*市公安局/,
  );
  await expect(report.getByRole('region', { name: '通知：市公安局' })).toHaveCount(0);

  const notice = report.getByRole('region', { name: '通知：市教育局' });
  await expect(notice.getByRole('heading', { level: 2 })).toHaveText('市教育局：');
  // Its warnings: the report's rows of 市教育局, with the same figures, target, gap and status (责任单位 dropped).
  const listed = await notice
    .locator('table.notice-warnings tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
  expect(listed).toEqual(education.map((cells) => [cells[0], ...cells.slice(2)]));
  const fallingLine = listed.find((cells) => cells[0] === `${falling.code} ${falling.name}`)!;
  expect(fallingLine[1]).toBe('94%（2024年）');
  // Its missing figures: every 市教育局 row without a 2024 figure, and only those.
  const educationRows = LANXI_2021_2025.indicators.filter((r) => r.department === '市教育局');
  const missing = notice.locator('table.notice-missing tbody tr');
  const missingCells = await missing.evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')),
  );
  expect(missingCells.map((cells) => cells[0])).toEqual(
    educationRows.filter((r) => r !== falling && r !== met).map((r) => `${r.code} ${r.name}`),
  );
  expect(missingCells.find((cells) => cells[0]!.startsWith(late.code))).toEqual([
    `${late.code} ${late.name}`,
    '%',
    '待补报2024年数值',
    '88%（2023年）',
  ]);
  const myopia = educationRows.find((r) => r.name === '儿童青少年总体近视率')!;
  // 近视率's only figure is 2025's: none up to 2024, which the notice of 2024 says (not 各年均无数值).
  expect(missingCells.find((cells) => cells[0]!.startsWith(myopia.code))?.slice(2)).toEqual([
    '无监测数据（截至2024年各年均无数值）',
    '—',
  ]);
  const template = notice.locator('.notice-template');
  await expect(template).toContainText('请使用随附的填报模板（市教育局的指标，CSV 文件），在“2024年”列填写 ');
  // The office, not the department, exports the template: said beside the notice on screen, not in its text.
  await expect(notice.locator('.notice-office-hint')).toHaveText(
    '随通知发送该单位的填报模板：“导出CSV” → “某个责任单位的指标” → “市教育局”。',
  );
  // 13 rows to fill: counted (the list above names them), with how many have no figure at all.
  await expect(template).toContainText(`填写上列${missingCells.length}项指标的数值；其中`);
  await expect(template).not.toContainText(falling.code);
  const unassigned = report.getByRole('region', { name: '通知：（未指定责任单位）' });
  await expect(unassigned.locator('table.notice-missing tbody tr td:first-child')).toHaveText([
    `${orphan.code} ${orphan.name}`,
  ]);
  await expect(unassigned.locator('.notice-template')).toContainText('请先在表格的“责任单位”列为其指定单位');
  await expect(report.getByRole('region', { name: '通知：市妇联' })).not.toContainText(orphan.name);
  // The unassigned come last.
  await expect(report.locator('section.notice').last()).toHaveAttribute(
    'aria-label',
    '通知：（未指定责任单位）',
  );
  // Every notice with warnings explains, on its own page, how 预计达标 sits beside a gap below target: the report's
  // legend, word for word; a notice of missing figures only has no statuses to explain.
  const legends = await report.locator('section.notice').evaluateAll((sections) =>
    sections.map((s) => ({
      warned: s.querySelector('table.notice-warnings') !== null,
      legend: s.querySelector('.notice-legend')?.textContent ?? null,
    })),
  );
  expect(legends.filter((n) => n.warned).length).toBeGreaterThan(0);
  expect(legends.filter((n) => !n.warned).length).toBeGreaterThan(0);
  for (const { warned, legend } of legends) {
    if (!warned) {
      expect(legend).toBeNull();
      continue;
    }
    expect(legend).toContain('“预计达标”指按趋势预计完成所需进展的95%以上（预测值可能仍略差于目标）');
    expect(reportNotes).toContain(legend);
  }
  // Another department's notice has none of 市教育局's rows.
  await expect(report.getByRole('region', { name: '通知：市卫健局' })).not.toContainText(falling.name);

  // 复制通知文字: the notice as plain text, on the clipboard.
  await notice.getByRole('button', { name: '复制通知文字' }).click();
  await expect(notice.getByRole('status')).toHaveText('已复制“市教育局”的通知文字，可粘贴到邮件中。');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const lines = copied.split('\n');
  expect(lines[0]).toMatch(/各单位预警及补报通知（2024年）$/);
  expect(lines).toContain('市教育局：');
  // Its rows are behind (倒退), none 波动较大: the heading names only what they are.
  expect(lines).toContain(`一、需关注的指标（预警：预计达标困难），共${education.length}项：`);
  expect(lines).toContain(`二、2024年数值待补报的指标，共${missingCells.length}项：`);
  const fallingText = lines.find((l) => l.includes(`${falling.code} ${falling.name}：`))!;
  expect(fallingText).toMatch(/^\d+\. /);
  expect(fallingText).toContain(`最新值 94%（2024年）；目标 ${fallingLine[2]}；`);
  expect(lines).toContain(
    `${missingCells.findIndex((c) => c[0]!.startsWith(late.code)) + 1}. ${late.code} ${late.name}（单位：%）：待补报2024年数值；已有最新值 88%（2023年）`,
  );
  expect(lines).toContain(await notice.locator('.notice-legend').textContent());
  expect(lines.at(-1)).toBe(await template.textContent());
  expect(copied).not.toContain(SAMPLE_LABEL);
  expect(copied).not.toContain('复制通知文字');

  // In print: each notice starts a page, the buttons are not printed.
  await page.emulateMedia({ media: 'print' });
  const sections = report.locator('section.notice');
  expect(await sections.count()).toBeGreaterThan(1);
  for (const index of [0, 1])
    expect(await sections.nth(index).evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
  await expect(notice.getByRole('button', { name: '复制通知文字' })).toBeHidden();
  const pages = await pdfPages(await page.pdf({ format: 'A4' }));
  // No page holds two departments' notices, and every notice is printed.
  const starts = pages.map((text) => text.match(/按截至2024年底的监测数据/g)?.length ?? 0);
  for (const [index, found] of starts.entries()) expect(found, `page ${index + 1}`).toBeLessThan(2);
  expect(starts.reduce((a, b) => a + b, 0)).toBe(await sections.count());
  await page.emulateMedia({ media: 'screen' });
  workbook.expectNoErrors();
});

test('通知 of the sample workbook carry its label; a refused clipboard is said, with the text to copy by hand', async ({
  page,
}) => {
  // The browser refuses the clipboard (a policy, or no permission): the notice must say so, not claim a copy.
  await page.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    });
  });
  const workbook = await openSample(page);
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  await report.getByLabel('报告类型').selectOption({ label: '各单位预警及补报通知' });
  const sections = report.locator('section.notice');
  const count = await sections.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1)
    await expect(sections.nth(index).locator('.report-sample')).toContainText(SAMPLE_LABEL);
  const first = sections.first();
  await first.getByRole('button', { name: '复制通知文字' }).click();
  await expect(first.getByRole('alert')).toHaveText(
    '未能复制：浏览器拒绝了使用剪贴板（没有使用剪贴板的权限）。请在下面的文字框中按 Ctrl+A 全选、Ctrl+C 复制。',
  );
  await expect(first.getByRole('status')).toHaveCount(0);
  const fallback = first.getByRole('textbox');
  await expect(fallback).toBeFocused();
  const text = await fallback.inputValue();
  expect(text).toContain(`【${SAMPLE_LABEL}：本通知的数值是随机生成的，不是统计数据，不得上报。】`);
  expect(text).toContain(`${(await first.getByRole('heading', { level: 2 }).textContent()) ?? ''}`);
  workbook.expectNoErrors();
});

test('the report of a workbook without figures opens at the year being monitored and says no figures are in; with one, at its year', async ({
  page,
}) => {
  // March 2023: the year being monitored is 2022 (it opened at the base year, 2020).
  await page.clock.setFixedTime(new Date('2023-03-15T10:00:00+08:00'));
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  await expect(report.getByLabel('年份')).toHaveValue('2022');
  await expect(report.getByRole('heading', { level: 1 })).toContainText('年度监测报告（2022年）');
  const none = report.getByRole('status').filter({ hasText: '还没有填写任何年份的数值' });
  await expect(none).toBeVisible();
  // Each list stands apart from its label (“报告类型年度监测报告” read as one word) and in the page's type size.
  for (const label of ['报告类型', '年份']) {
    const list = report.getByLabel(label);
    const { gap, size, pageSize } = await list.evaluate((select) => {
      const range = document.createRange();
      range.selectNodeContents(select.parentElement!.firstChild!);
      return {
        gap: select.getBoundingClientRect().left - range.getBoundingClientRect().right,
        size: getComputedStyle(select).fontSize,
        pageSize: getComputedStyle(document.body).fontSize,
      };
    });
    expect(gap, label).toBeGreaterThanOrEqual(4);
    expect(size, label).toBe(pageSize);
  }
  await report.getByRole('button', { name: '返回表格' }).click();

  // One figure, of 2021: the report opens at 2021, and the note is gone.
  await workbook.typeInto(INFANT.code, '2021年', '4.6');
  await page.getByRole('button', { name: '打印报告' }).click();
  await expect(report.getByLabel('年份')).toHaveValue('2021');
  await expect(report.getByText('还没有填写任何年份的数值')).toHaveCount(0);
  workbook.expectNoErrors();
});

/**
 * What a clerk sees of a row's chart: every line and its legend entry stands 3:1 from the chart's background
 * (WCAG 1.4.11, graphics), the lines are told apart without colour (each its own dash, drawn in the legend too),
 * and the y axis holds the target, the figures and the projection with room to spare (the target of
 * 5岁以下儿童生长迟缓率, below all its figures, lay on the axis and could not be seen).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { makeNextPlan } from '../../src/model/planning';
import { makeSampleWorkbook } from '../../src/model/sample-data';
import { contrastRatio, storeWorkbook, WorkbookPage } from './workbook-page';

/** One drawn chart as read from chart.js on the page. */
interface DrawnChart {
  title: string;
  yMin: number;
  yMax: number;
  /** The y axis' labels, and its title (单位：%). */
  yLabels: string[];
  yTitle: string;
  /** Pixels between the chart area's edge and the first / last year, and between two years. */
  xRoom: { first: number; last: number; step: number };
  background: string;
  lines: { label: string; colour: string; dash: number[]; values: number[] }[];
  legend: { text: string; colour: string; dash: number[]; drawnAsLine: boolean; textColour: string }[];
}

/** The chart in the open dialog, read through chart.js's own registry (Chart.getChart), colours as rgb(a). */
function drawnChart(dialog: Locator): Promise<DrawnChart> {
  return dialog.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const registry = (window as unknown as { Chart?: { getChart(c: HTMLCanvasElement): unknown } }).Chart;
    const chart = registry?.getChart(canvas) as
      | {
          chartArea: { left: number; right: number };
          scales: {
            x: { ticks: unknown[]; getPixelForTick(index: number): number };
            y: {
              min: number;
              max: number;
              ticks: { label?: unknown }[];
              options: { title: { text?: unknown } };
            };
          };
          data: {
            datasets: { label?: string; borderColor?: unknown; borderDash?: number[]; data: unknown[] }[];
          };
          legend: {
            legendItems?: {
              text: string;
              strokeStyle?: unknown;
              lineDash?: number[];
              pointStyle?: unknown;
            }[];
            options: { labels: { usePointStyle?: boolean; color?: unknown } };
          };
          options: { plugins: { title: { text: string } } };
        }
      | undefined;
    if (!chart) throw new Error('no chart.js chart on the canvas (Chart.getChart)');
    // A colour as the browser computes it: rgb(…) or rgba(…) whatever way it was written.
    const probe = document.createElement('span');
    document.body.append(probe);
    const computed = (colour: unknown) => {
      probe.style.color = '';
      probe.style.color = String(colour);
      return getComputedStyle(probe).color;
    };
    let background = 'rgb(255, 255, 255)';
    for (let at: Element | null = canvas; at; at = at.parentElement) {
      const fill = getComputedStyle(at).backgroundColor;
      if (fill !== 'rgba(0, 0, 0, 0)' && fill !== 'transparent') {
        background = fill;
        break;
      }
    }
    const labels = chart.legend.options.labels;
    const drawn: DrawnChart = {
      title: String(chart.options.plugins.title.text),
      yMin: chart.scales.y.min,
      yMax: chart.scales.y.max,
      yLabels: chart.scales.y.ticks.map((tick) => String(tick.label ?? '')),
      yTitle: String(chart.scales.y.options.title.text ?? ''),
      xRoom: {
        first: chart.scales.x.getPixelForTick(0) - chart.chartArea.left,
        last: chart.chartArea.right - chart.scales.x.getPixelForTick(chart.scales.x.ticks.length - 1),
        step: chart.scales.x.getPixelForTick(1) - chart.scales.x.getPixelForTick(0),
      },
      background,
      lines: chart.data.datasets.map((d) => ({
        label: d.label ?? '',
        colour: computed(d.borderColor),
        dash: d.borderDash ?? [],
        values: d.data.filter((v): v is number => typeof v === 'number'),
      })),
      legend: (chart.legend.legendItems ?? []).map((item) => ({
        text: item.text,
        colour: computed(item.strokeStyle),
        dash: item.lineDash ?? [],
        // A legend of dots shows no dash: each entry is drawn as a short stretch of its line.
        drawnAsLine: !labels.usePointStyle || item.pointStyle === 'line',
        textColour: computed(labels.color ?? '#666'),
      })),
    };
    probe.remove();
    return drawn;
  });
}

/** A colour with transparency as it shows over the background (rgb(…)). */
function over(colour: string, background: string): string {
  const [r, g, b, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
  const [br, bg, bb] = (background.match(/[\d.]+/g) ?? []).map(Number);
  const mix = (c: number, d: number) => Math.round(c * a + d * (1 - a));
  return `rgb(${mix(r!, br!)}, ${mix(g!, bg!)}, ${mix(b!, bb!)})`;
}

/** Everything hard to see on the chart, in words: a faint line or legend entry, two alike, a value at the axis. */
function problemsOf(chart: DrawnChart): string[] {
  const problems: string[] = [];
  const at = chart.title;
  for (const line of chart.lines) {
    if (line.values.length === 0) continue;
    const ratio = contrastRatio(over(line.colour, chart.background), chart.background);
    if (ratio < 3) problems.push(`${at}: line ${line.label} ${line.colour} ${ratio.toFixed(2)}:1 < 3:1`);
  }
  const dashes = new Map<string, string>();
  for (const entry of chart.legend) {
    const ratio = contrastRatio(over(entry.colour, chart.background), chart.background);
    if (ratio < 3) problems.push(`${at}: legend ${entry.text} ${entry.colour} ${ratio.toFixed(2)}:1 < 3:1`);
    const textRatio = contrastRatio(entry.textColour, chart.background);
    if (textRatio < 4.5) problems.push(`${at}: legend text ${entry.text} ${textRatio.toFixed(2)}:1 < 4.5:1`);
    if (!entry.drawnAsLine) problems.push(`${at}: legend ${entry.text} drawn as a dot, its dash not shown`);
    const dash = JSON.stringify(entry.dash);
    const same = dashes.get(dash);
    if (same) problems.push(`${at}: ${same} and ${entry.text} both drawn ${dash}`);
    dashes.set(dash, entry.text);
  }
  // Room: each value at least 3 % of the axis' span inside it.
  const span = chart.yMax - chart.yMin;
  for (const line of chart.lines)
    for (const value of line.values)
      if (value - chart.yMin < 0.03 * span || chart.yMax - value < 0.03 * span)
        problems.push(`${at}: ${line.label} ${value} at the edge of the axis ${chart.yMin}–${chart.yMax}`);
  // The first and last years stand inside the chart, not on its edges (their points were cut in half there and
  // their tooltips hard to reach): about half a year's width of room at each end.
  const { first, last, step } = chart.xRoom;
  if (first < 0.4 * step || last < 0.4 * step)
    problems.push(
      `${at}: the first or last year at the edge of the x axis (${first}, ${last} of ${step} px)`,
    );
  // The room below 0 or above 100 % is left unlabelled: no −1 家 or 105 % on the axis.
  const ceiling = /单位：%$/.test(chart.yTitle) ? 100 : /单位：‰$/.test(chart.yTitle) ? 1000 : Infinity;
  for (const label of chart.yLabels)
    if (label !== '' && (Number(label.replace(/,/g, '')) < 0 || Number(label.replace(/,/g, '')) > ceiling))
      problems.push(`${at}: the axis labelled ${label}`);
  return [...new Set(problems)];
}

/** Opens each row's chart in turn with Alt+C from the grid, row by row with ↓, and reads it. */
async function everyChart(page: Page, workbook: WorkbookPage, codes: string[]): Promise<DrawnChart[]> {
  const charts: DrawnChart[] = [];
  await workbook.select(codes[0]!, '指标名称');
  for (const [index, code] of codes.entries()) {
    if (index > 0) await page.keyboard.press('ArrowDown');
    await expect(page.locator('.status-bar .cell-info')).toContainText(`${code} `);
    await page.keyboard.press('Alt+c');
    const dialog = page.getByRole('dialog', { name: new RegExp(`^图表：${code} `) });
    await expect(dialog).toBeVisible();
    charts.push(await drawnChart(dialog));
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
  return charts;
}

test('every chart of the sample: its lines and legend stand 3:1, each line its own dash, and the y axis holds every value with room', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const workbook = new WorkbookPage(page);
  await workbook.open('/?workbook=sample');
  const sample = makeSampleWorkbook(LANXI_2021_2025, new Date());
  const charts = await everyChart(
    page,
    workbook,
    sample.indicators.map((r) => r.code),
  );
  expect(charts).toHaveLength(sample.indicators.length);
  // The sample holds each kind of line: figures, projection, a target, a band (左右) and a yearly target (近视率).
  const labels = new Set(charts.flatMap((c) => c.legend.map((e) => e.text)));
  expect([...labels]).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^实际值/),
      '趋势预测',
      '目标',
      '目标区间',
      '目标（逐年）',
    ]),
  );
  // 5岁以下儿童生长迟缓率: target 4%, every figure above it (the target lay on the axis).
  const stunting = charts.find((c) => c.title.includes('5岁以下儿童生长迟缓率'))!;
  expect(stunting.yMin).toBeLessThan(4);
  expect(charts.flatMap(problemsOf)).toEqual([]);
  workbook.expectNoErrors();
});

test('a next plan’s chart: 上期目标 stands 3:1 and is dotted apart from the new target, both inside the axis', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const sample = makeSampleWorkbook(LANXI_2021_2025, new Date());
  const next = makeNextPlan(
    sample,
    { id: 'next-sample', title: '下一期（示例）', baseYear: 2025, targetYear: 2030 },
    new Date(),
  );
  await storeWorkbook(page, next, next.indicators);
  const nextPage = new WorkbookPage(page, next);
  await nextPage.open('/?workbook=next-sample');
  const codes = next.indicators.slice(0, 12).map((r) => r.code);
  const charts = await everyChart(page, nextPage, codes);
  expect(charts.filter((c) => c.legend.some((e) => e.text === '上期目标')).length).toBeGreaterThan(3);
  expect(charts.flatMap(problemsOf)).toEqual([]);
  nextPage.expectNoErrors();
});

test('the chart of a row with no figure yet says so and what to do, and says nothing once a figure is in', async ({
  page,
}) => {
  // The plan's workbook as it starts: no figure in any year. The chart showed an empty frame (and a target line)
  // with nothing saying why.
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const infant = LANXI_2021_2025.indicators.find((r) => r.name === '婴儿死亡率')!;
  const empty =
    '这一行还没有可以画出的数值（各年都没有填写有效数值），图中没有实际值和趋势预测。请在表格中填写或导入各年数值后再查看。';
  await workbook.select(infant.code, '指标名称');
  await page.keyboard.press('Alt+c');
  const chart = page.getByRole('dialog', { name: `图表：${infant.code} 婴儿死亡率` });
  await expect(chart.getByRole('note')).toHaveText(empty);
  await page.keyboard.press('Escape');
  await expect(chart).toHaveCount(0);
  // One figure in: the line has a point, and the note is gone.
  await workbook.typeInto(infant.code, '2021年', '4.6');
  await workbook.waitSaved();
  await workbook.select(infant.code, '指标名称');
  await page.keyboard.press('Alt+c');
  await expect(chart).toBeVisible();
  await expect(chart.getByRole('table', { name: '图表数据' }).locator('tbody tr').first()).toContainText(
    '4.6‰',
  );
  await expect(chart.getByRole('note')).toHaveCount(0);
  await page.keyboard.press('Escape');
  workbook.expectNoErrors();
});

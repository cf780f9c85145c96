/**
 * The chart.js adapter: draws a ChartData on a canvas. Only this folder imports chart.js.
 */
import {
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  type ChartDataset,
  type TooltipItem,
} from 'chart.js';
import { pointLabel, type ChartData, type ChartLine } from './chart-data';
import { isCountUnit } from '../model/entry';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Filler,
  Legend,
  Title,
  Tooltip,
);
// chart.js keeps its charts in a registry of its own, bundled out of reach: named on the page, a drawn chart can be
// read back by the end-to-end tests (and from the browser's console): Chart.getChart(canvas).scales.y.
(globalThis as { Chart?: typeof Chart }).Chart ??= Chart;

const BAND_LOW = '目标区间下限';

/**
 * Each line its own dash, so that lines are told apart without their colours (printed in grey, or by a clerk who
 * does not see red from green), and each colour at least 3:1 from the white behind it (WCAG 1.4.11; 上期目标's
 * #8f959e stood 3.0:1, the band's half-transparent green 2.2:1). The legend draws the same dashes.
 */
const LOOK = {
  actual: { colour: '#245c9e', dash: [] as number[] },
  projection: { colour: '#8a5a00', dash: [6, 4] },
  target: { colour: '#a11d1d', dash: [12, 3, 2, 3] },
  band: { colour: '#1f6f35', dash: [12, 3, 2, 3] },
  previousTarget: { colour: '#6b7079', dash: [2, 3] },
};

const LOOK_OF: Record<ChartLine, { colour: string; dash: number[] }> = {
  actual: LOOK.actual,
  projection: LOOK.projection,
  target: LOOK.target,
  'band-low': LOOK.band,
  'band-high': LOOK.band,
  'previous-target': LOOK.previousTarget,
};

/**
 * Room above and below the lines, as a share of the span of the values drawn: without it the lowest or highest
 * line lay on the axis' edge (生长迟缓率's target of 4 %, under every figure, was the axis itself).
 */
const ROOM = '20%';

export function makeIndicatorChart(
  canvas: HTMLCanvasElement,
  data: ChartData,
  options: { responsive?: boolean } = {},
): { destroy(): void } {
  const datasets: ChartDataset<'line', (number | null)[]>[] = [
    {
      label: `实际值（${data.unit}）`,
      data: data.actual,
      borderColor: LOOK.actual.colour,
      backgroundColor: LOOK.actual.colour,
      borderDash: LOOK.actual.dash,
      pointRadius: 4,
      spanGaps: false,
    },
    {
      label: '趋势预测',
      data: data.projection,
      borderColor: LOOK.projection.colour,
      backgroundColor: LOOK.projection.colour,
      borderDash: LOOK.projection.dash,
      pointStyle: 'rectRot',
      pointRadius: 5,
      spanGaps: true,
    },
  ];
  // The line each dataset draws, in the same order: what a point's tooltip says.
  const lines: ChartLine[] = ['actual', 'projection'];
  if (data.band) {
    lines.push('band-low', 'band-high');
    datasets.push(
      {
        label: BAND_LOW,
        data: data.band.low,
        borderColor: LOOK.band.colour,
        borderDash: LOOK.band.dash,
        pointRadius: 0,
        borderWidth: 1.5,
      },
      {
        label: '目标区间',
        data: data.band.high,
        borderColor: LOOK.band.colour,
        borderDash: LOOK.band.dash,
        // The fill is only a tint between the band's edges; the edges carry the contrast.
        backgroundColor: 'rgba(31, 111, 53, 0.12)',
        pointRadius: 0,
        borderWidth: 1.5,
        fill: '-1',
      },
    );
  } else if (data.target.some((v) => v !== null)) {
    lines.push('target');
    datasets.push({
      label: data.targetStepped ? '目标（逐年）' : '目标',
      data: data.target,
      borderColor: LOOK.target.colour,
      backgroundColor: LOOK.target.colour,
      borderDash: LOOK.target.dash,
      pointRadius: 0,
      borderWidth: 2,
      // Each year's target level centred on that year's tick: with 'before' the drop came at the tick, and every
      // point seemed to sit on the line (近视率 51% against 50.6% looked on target).
      stepped: data.targetStepped ? 'middle' : false,
    });
  }
  if (data.previousTarget) {
    lines.push('previous-target');
    datasets.push({
      label: '上期目标',
      data: data.previousTarget,
      borderColor: LOOK.previousTarget.colour,
      backgroundColor: LOOK.previousTarget.colour,
      borderDash: LOOK.previousTarget.dash,
      pointRadius: 0,
      borderWidth: 2,
    });
  }
  const label = (item: TooltipItem<'line'>) =>
    pointLabel(data, lines[item.datasetIndex] ?? 'actual', item.dataIndex, item.parsed.y ?? 0);
  const chart = new Chart(canvas, {
    type: 'line',
    data: { labels: data.years.map((y) => `${y}年`), datasets },
    options: {
      animation: false,
      responsive: options.responsive ?? false,
      plugins: {
        title: { display: true, text: data.title, font: { size: 15 } },
        tooltip: {
          filter: (item) => label(item) !== null,
          callbacks: { label: (item) => label(item) ?? '' },
        },
        legend: {
          position: 'bottom',
          labels: {
            // A short stretch of each line, drawn with its dash (a box printed the dashed projection as a blurred
            // block; a dot showed no dash at all).
            usePointStyle: true,
            pointStyleWidth: 36,
            generateLabels: (chart) =>
              Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => {
                const look = LOOK_OF[lines[item.datasetIndex ?? -1] ?? 'actual'];
                return {
                  ...item,
                  pointStyle: 'line',
                  lineDash: look.dash,
                  strokeStyle: look.colour,
                  lineWidth: 2,
                };
              }),
            // The band's lower edge is half of one entry (目标区间), and a line with nothing drawn says nothing.
            filter: (item, chartData) => {
              const dataset = chartData.datasets[item.datasetIndex ?? -1];
              return (
                dataset !== undefined &&
                dataset.label !== BAND_LOW &&
                (dataset.data as unknown[]).some((v) => v !== null && v !== undefined)
              );
            },
          },
        },
      },
      scales: {
        y: {
          title: { display: true, text: data.unit ? `单位：${data.unit}` : '' },
          grace: ROOM,
          ticks: {
            // Things counted one by one: no 0.1 家 on the axis.
            ...(isCountUnit(data.unit) ? { precision: 0 } : {}),
            // The room may reach past what the row can be (−1 家, 105 % — not on a gross rate): no label there.
            callback(value) {
              const { low, high } = data.limits;
              const number = Number(value);
              return number < low || number > high ? '' : this.getLabelForValue(number);
            },
          },
        },
        // Half a year's room at each end: on the edges the first and last years' points were cut in half and
        // their tooltips hard to reach.
        x: { offset: true, title: { display: true, text: '年份' } },
      },
    },
  });
  return { destroy: () => chart.destroy() };
}

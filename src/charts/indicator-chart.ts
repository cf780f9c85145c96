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

const BAND_LOW = '目标区间下限';

export function makeIndicatorChart(
  canvas: HTMLCanvasElement,
  data: ChartData,
  options: { responsive?: boolean } = {},
): { destroy(): void } {
  const datasets: ChartDataset<'line', (number | null)[]>[] = [
    {
      label: `实际值（${data.unit}）`,
      data: data.actual,
      borderColor: '#245c9e',
      backgroundColor: '#245c9e',
      pointRadius: 4,
      spanGaps: false,
    },
    {
      label: '趋势预测',
      data: data.projection,
      borderColor: '#8a5a00',
      backgroundColor: '#8a5a00',
      borderDash: [6, 4],
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
        borderColor: 'rgba(31, 111, 53, 0.5)',
        pointRadius: 0,
        borderWidth: 1,
      },
      {
        label: '目标区间',
        data: data.band.high,
        borderColor: 'rgba(31, 111, 53, 0.5)',
        backgroundColor: 'rgba(31, 111, 53, 0.12)',
        pointRadius: 0,
        borderWidth: 1,
        fill: '-1',
      },
    );
  } else if (data.target.some((v) => v !== null)) {
    lines.push('target');
    datasets.push({
      label: data.targetStepped ? '目标（逐年）' : '目标',
      data: data.target,
      borderColor: '#a11d1d',
      backgroundColor: '#a11d1d',
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
      borderColor: '#8f959e',
      backgroundColor: '#8f959e',
      borderDash: [3, 3],
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
            // Point styles, not boxes: the dashed projection printed as a blurred block.
            usePointStyle: true,
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
          // Things counted one by one: no 0.1 家 on the axis.
          ticks: isCountUnit(data.unit) ? { precision: 0 } : {},
        },
        x: { title: { display: true, text: '年份' } },
      },
    },
  });
  return { destroy: () => chart.destroy() };
}

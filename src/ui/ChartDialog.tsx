import { For, onCleanup, onMount, Show } from 'solid-js';
import type { ChartData } from '../charts/chart-data';
import { makeIndicatorChart } from '../charts/indicator-chart';
import { formatWithUnit } from '../model/entry';
import { roundHalfAway } from '../model/rounding';

/** One row's chart, with the same figures as a table for reading aloud and copying. */
export function ChartDialog(props: {
  data: ChartData;
  /** What the projection rests on (method, years): the dashed line alone did not say (null: no projection). */
  basis?: string | null;
  onClose: () => void;
}) {
  let canvas: HTMLCanvasElement | undefined;
  let closeButton: HTMLButtonElement | undefined;
  onMount(() => {
    if (!canvas) return;
    const chart = makeIndicatorChart(canvas, props.data);
    closeButton?.focus();
    onCleanup(() => chart.destroy());
  });
  const show = (v: number | null) =>
    v === null ? '—' : formatWithUnit(roundHalfAway(v, 2), props.data.unit);
  // A reported figure as the grid and the report show it (5.8765‰), not rounded as a projection is.
  const showActual = (v: number | null) => (v === null ? '—' : formatWithUnit(v, props.data.unit));
  // A 左右 target is its band, as drawn and judged (88%～92%, not 90%).
  const targetShown = (v: number | null, i: number) => {
    const low = props.data.band?.low[i] ?? null;
    const high = props.data.band?.high[i] ?? null;
    return low === null || high === null ? show(v) : `${show(low)}～${show(high)}`;
  };
  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <div class="modal chart" role="dialog" aria-modal="true" aria-label={`图表：${props.data.title}`}>
        <div class="modal-body">
          {/* Without a figure the chart is an empty frame (a target line at most), with nothing saying why. */}
          <Show when={props.data.actual.every((v) => v === null)}>
            <p class="hint" role="note">
              这一行还没有可以画出的数值（各年都没有填写有效数值），图中没有实际值和趋势预测。请在表格中填写或导入各年数值后再查看。
            </p>
          </Show>
          <canvas ref={canvas} width={760} height={360} aria-label={`${props.data.title}的折线图`} />
          <table class="chart-table" aria-label="图表数据">
            <thead>
              <tr>
                <th scope="col">年份</th>
                <For each={props.data.years}>{(y) => <th scope="col">{y}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">实际值</th>
                <For each={props.data.actual}>{(v) => <td>{showActual(v)}</td>}</For>
              </tr>
              <tr>
                <th scope="row">预测</th>
                {/* The dashed line starts at the latest figure; that year's figure is data, not a projection. */}
                <For each={props.data.projection}>
                  {(v, i) => <td>{v === null || props.data.actual[i()] !== null ? '' : show(v)}</td>}
                </For>
              </tr>
              <tr>
                <th scope="row">目标</th>
                {/* A next plan's years before its base year: no new target yet (the row below has the old one). */}
                <For each={props.data.target}>
                  {(v, i) => <td>{v === null && props.data.previousTarget ? '' : targetShown(v, i())}</td>}
                </For>
              </tr>
              <Show when={props.data.previousTarget}>
                {(previous) => (
                  <tr>
                    <th scope="row">上期目标</th>
                    <For each={previous()}>{(v) => <td>{v === null ? '' : show(v)}</td>}</For>
                  </tr>
                )}
              </Show>
            </tbody>
          </table>
          <Show when={props.basis}>
            <p class="hint">预测依据：{props.basis}。</p>
          </Show>
        </div>
        <div class="modal-actions">
          <button type="button" ref={closeButton} onClick={() => props.onClose()}>
            关闭
          </button>
        </div>
      </div>
    </div>
  );
}

import { For, Show } from 'solid-js';
import type { WarningRow } from '../model/report';
import { FiguresKeptWhole } from './FiguresKeptWhole';

/**
 * The report's list of rows to watch (需关注的指标). One table for the whole city's report and for each
 * department's notice, so a department reads its rows exactly as the report prints them; its own notice leaves
 * out the 责任单位 column.
 */
export function WarningsTable(props: {
  warnings: readonly WarningRow[];
  department: boolean;
  class?: string;
}) {
  return (
    <table class={props.class ? `warnings ${props.class}` : 'warnings'}>
      <thead>
        <tr>
          <th>指标</th>
          <Show when={props.department}>
            <th>责任单位</th>
          </Show>
          <th>最新值</th>
          <th>目标</th>
          <th>{projectedHeading(props.warnings)}</th>
          <th>预测与目标</th>
          <th>状态</th>
          <th>波动</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.warnings}>
          {(w) => (
            <tr>
              <td>
                {w.code} {w.name}
              </td>
              <Show when={props.department}>
                <td>{w.department}</td>
              </Show>
              <td class="figure">
                <FiguresKeptWhole text={w.latest} />
              </td>
              <td class="target">
                <FiguresKeptWhole text={w.target} />
              </td>
              <td class="num">{w.projected}</td>
              <td class="figure">
                <FiguresKeptWhole text={w.gap} />
              </td>
              <td class="nowrap">
                {w.status}
                <Show when={w.statusNote}>
                  <span class="status-note">{w.statusNote}</span>
                </Show>
              </td>
              <td class="nowrap">{w.fluctuation}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

/** 预测2025年, as the grid's column is headed: the year the projections and their gaps are for. */
export function projectedHeading(warnings: readonly WarningRow[]): string {
  const years = new Set(warnings.map((w) => w.projectedYear));
  const [only] = years;
  return years.size === 1 && only !== undefined ? `预测${only}年` : '预测（目标年）';
}

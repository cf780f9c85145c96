import { For, Show } from 'solid-js';
import { GAP_HEADING, type WarningRow } from '../model/report';
import { FiguresKeptWhole } from './FiguresKeptWhole';

/**
 * The list of rows to watch (需关注的指标). One table for the whole city's report, for each department's notice
 * and for 预警汇总 on screen, so a department reads its rows exactly as the report prints them and the clerk as
 * the report will print them; a department's own notice leaves out the 责任单位 column, and on screen each row's
 * name opens its row and chart.
 */
export function WarningsTable(props: {
  warnings: readonly WarningRow[];
  department: boolean;
  class?: string;
  label?: string;
  /** The years of the projections, when only some of the rows are drawn (预警汇总 draws a page at a time). */
  all?: readonly WarningRow[];
  onOpen?: (code: string) => void;
}) {
  return (
    <table class={props.class ? `warnings ${props.class}` : 'warnings'} aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col">指标</th>
          <Show when={props.department}>
            <th scope="col">责任单位</th>
          </Show>
          <th scope="col">最新值</th>
          <th scope="col">目标</th>
          <th scope="col">{projectedHeading(props.all ?? props.warnings)}</th>
          <th scope="col">{GAP_HEADING}</th>
          <th scope="col">状态</th>
          <th scope="col">波动</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.warnings}>
          {(w) => (
            <tr>
              <td>
                <Show when={props.onOpen} fallback={`${w.code} ${w.name}`}>
                  {(open) => (
                    <button type="button" onClick={() => open()(w.code)}>
                      {w.code} {w.name}
                    </button>
                  )}
                </Show>
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
              {/* A status is kept whole (预计达/标); 待补报2025年数值 may wrap, but not inside 2025年: kept on one line, the
                  eight columns came to 728 px on A4, past its 688 px between the margins. */}
              <td classList={{ nowrap: !w.statusBasis }}>
                <Show when={w.statusBasis} fallback={w.statusShown}>
                  <FiguresKeptWhole text={w.statusShown} />
                  <span class="outcome-note">{w.statusBasis}</span>
                </Show>
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

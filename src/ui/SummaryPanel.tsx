import { For, Show } from 'solid-js';
import { warningsNoteOf, type WarningRow } from '../model/report';
import type { AreaSummary } from '../model/status-summary';
import { STATUSES } from '../model/status';
import { createLimited } from './preview-limit';
import { ShowMore } from './ShowMore';
import { WarningsTable } from './WarningsTable';

const COLUMNS = STATUSES;

/** Per-area counts of each status. */
export function SummaryPanel(props: {
  summary: AreaSummary[];
  warnings: WarningRow[];
  onOpen: (code: string) => void;
  onClose: () => void;
}) {
  // A prefecture's workbook can have thousands of rows to watch: drawn a page at a time (opening the panel
  // with all of them froze the page for seconds).
  const warnings = createLimited(() => props.warnings);
  const fluctuating = () => props.warnings.filter((w) => w.fluctuation !== '').length;
  // The printed list's own line: rows listed for their swings (or a trend leaving the target) are not to watch by
  // their status, so 只看需关注 shows fewer rows than the heading counts (需关注的指标（6 项） beside 当前显示 5 项).
  const note = () => warningsNoteOf(props.warnings);
  const totals = () =>
    COLUMNS.map((status) => props.summary.reduce((sum, area) => sum + area.counts[status], 0));
  return (
    // Escape closes it as it closes a dialog: pressed anywhere in the panel (a click on its text puts the focus on
    // the panel itself, tabindex -1), unless something in it took the key first.
    <section
      class="summary-panel"
      aria-label="预警汇总"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        props.onClose();
      }}
    >
      <header>
        <h2>预警汇总：各领域指标状态</h2>
        <button type="button" onClick={() => props.onClose()}>
          收起
        </button>
      </header>
      <table>
        <thead>
          <tr>
            <th scope="col">领域</th>
            <th scope="col">指标数</th>
            <For each={COLUMNS}>{(status) => <th scope="col">{status}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.summary}>
            {(area) => (
              <tr>
                <th scope="row">{area.area}</th>
                <td>{area.total}</td>
                <For each={COLUMNS}>{(status) => <td>{area.counts[status] || ''}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            <td>{props.summary.reduce((sum, area) => sum + area.total, 0)}</td>
            <For each={totals()}>{(count) => <td>{count || ''}</td>}</For>
          </tr>
        </tfoot>
      </table>
      <div class="dashboard-warnings">
        <h2>
          需关注的指标（{props.warnings.length} 项
          <Show when={fluctuating() > 0}>，其中波动较大 {fluctuating()} 项</Show>）
        </h2>
        <Show when={props.warnings.length > 0} fallback={<p>没有需要关注的指标。</p>}>
          <Show when={note()}>
            <p class="warnings-note">{note()}</p>
          </Show>
          <WarningsTable
            warnings={warnings.shown()}
            all={props.warnings}
            department
            label="需关注的指标"
            onOpen={props.onOpen}
          />
          <ShowMore list={warnings} what="项" note="打印报告中全部列出" />
        </Show>
      </div>
    </section>
  );
}

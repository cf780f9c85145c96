import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { describeSource, type HistoryEntry } from '../model/history';
import { shownTime } from '../model/stored-time';
import {
  clerkChoices,
  clerkLabel,
  filterHistory,
  historyCount,
  NO_FILTER,
  sourceChoices,
  type HistoryChoice,
  type HistoryFilter,
} from '../model/history-list';
import { describeStorageError } from '../store/storage-errors';
import { createLimited } from './preview-limit';
import { ShowMore } from './ShowMore';

/**
 * The change history: every saved change of a field, newest first, with source and clerk — of one row (`row`),
 * or of the whole workbook, which the clerk narrows by clerk, source and row and can save as CSV.
 */
export function HistoryDialog(props: {
  /** The row whose history is shown; without it, every row's. */
  row?: { code: string; name: string };
  /** Saves pending edits first, then reads the history. */
  load: () => Promise<HistoryEntry[]>;
  /** Offer the entries shown as a CSV file (workbook-wide list only). */
  onExport?: (entries: readonly HistoryEntry[]) => void;
  /** From a row's history to every row's. */
  onShowAll?: () => void;
  onClose: () => void;
}) {
  const [entries, setEntries] = createSignal<HistoryEntry[] | null>(null);
  const [problem, setProblem] = createSignal('');
  const [filter, setFilter] = createSignal<HistoryFilter>(NO_FILTER);
  onMount(() => {
    props
      .load()
      .then(setEntries, (error: unknown) => setProblem(describeStorageError(error, 'read').message));
  });
  const shown = createMemo(() => filterHistory(entries() ?? [], filter()));
  // Counted once per list read, not at each key typed in the search box (a workbook's history can be long).
  const clerks = createMemo(() => clerkChoices(entries() ?? []));
  const sources = createMemo(() => sourceChoices(entries() ?? []));
  const limited = createLimited(() => shown());
  const narrowed = () => filter() !== NO_FILTER && shown().length !== (entries() ?? []).length;
  const wholeWorkbook = () => props.row === undefined;
  let close: HTMLButtonElement | undefined;
  onMount(() => close?.focus());
  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <div class="modal history" role="dialog" aria-modal="true" aria-labelledby="history-title">
        <h2 id="history-title">
          {props.row ? `修改记录：${props.row.code} ${props.row.name}` : '修改记录：全部指标'}
        </h2>
        <div class="modal-body">
          <Show when={problem()}>
            <p class="problem" role="alert">
              {problem()}
            </p>
          </Show>
          <Show
            when={entries()}
            fallback={
              <Show when={!problem()}>
                <p class="hint">正在读取…</p>
              </Show>
            }
          >
            {(all) => (
              <Show
                when={all().length > 0}
                fallback={
                  <p class="hint">
                    {wholeWorkbook() ? '本工作簿还没有保存过的修改。' : '这一行还没有保存过的修改。'}
                  </p>
                }
              >
                <Show when={wholeWorkbook()}>
                  <div class="history-filters">
                    <ChoiceSelect
                      label="填报人"
                      choices={clerks()}
                      value={filter().clerk}
                      onChange={(clerk) => setFilter({ ...filter(), clerk })}
                    />
                    <ChoiceSelect
                      label="来源"
                      choices={sources()}
                      value={filter().source}
                      onChange={(source) => setFilter({ ...filter(), source })}
                    />
                    <label>
                      指标或列
                      <input
                        type="search"
                        placeholder="代码、名称或年份，如 2025"
                        value={filter().query}
                        onInput={(e) => setFilter({ ...filter(), query: e.currentTarget.value })}
                      />
                    </label>
                  </div>
                  <p class="history-count" role="status">
                    {narrowed()
                      ? `符合条件的 ${historyCount(shown())}（共 ${all().length.toLocaleString('zh-CN')} 处）。`
                      : `共 ${historyCount(all())}。`}
                  </p>
                </Show>
                <Show when={shown().length > 0} fallback={<p class="hint">没有符合条件的修改。</p>}>
                  {/* A tab stop of its own: the dialog's buttons are below what scrolls, so a long list could not
                      be read past its first screen with the keyboard; focused, the arrow, Page and End keys scroll
                      the dialog's body. */}
                  <div role="region" aria-label="修改记录" tabindex="0">
                    <table aria-label="修改记录">
                      <thead>
                        <tr>
                          <th>时间</th>
                          <Show when={wholeWorkbook()}>
                            <th>指标</th>
                          </Show>
                          <th>列</th>
                          <th>原值</th>
                          <th>新值</th>
                          <th>来源</th>
                          <th>填报人</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={limited.shown()}>
                          {(entry) => (
                            <tr>
                              <td>{shownTime(entry.at)}</td>
                              <Show when={wholeWorkbook()}>
                                <td>
                                  {entry.code} {entry.rowName}
                                </td>
                              </Show>
                              <td>{entry.label}</td>
                              <td>{entry.before}</td>
                              <td>{entry.after}</td>
                              <td>{describeSource(entry.source)}</td>
                              <td>{clerkLabel(entry.clerk)}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                    <ShowMore list={limited} what="处修改" note="导出CSV可得全部" />
                  </div>
                </Show>
              </Show>
            )}
          </Show>
          <p class="hint">
            填报人姓名在“设置”中填写。记录随“备份全部到文件”一起备份。
            {wholeWorkbook() ? '已删除的行的修改也在其中。' : ''}
          </p>
        </div>
        <div class="modal-actions">
          <Show when={props.onShowAll}>
            {(showAll) => (
              <button type="button" onClick={() => showAll()()}>
                全部指标的修改记录
              </button>
            )}
          </Show>
          <Show when={props.onExport && shown().length > 0}>
            <button type="button" onClick={() => props.onExport?.(shown())}>
              {narrowed() ? '导出符合条件的记录（CSV）' : '导出全部记录（CSV）'}
            </button>
          </Show>
          <button ref={close} type="button" onClick={() => props.onClose()}>
            关闭
          </button>
        </div>
      </div>
    </div>
  );
}

/** A filter's select: 全部, then each choice with its count. */
function ChoiceSelect(props: {
  label: string;
  choices: HistoryChoice[];
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  // Index 0 is 全部; a choice's value may be '' (no clerk's name), so options carry indexes, not values.
  return (
    <label>
      {props.label}
      <select
        value={
          props.value === null ? '' : String(props.choices.findIndex((c) => c.value === props.value) + 1)
        }
        onChange={(e) => {
          const index = Number(e.currentTarget.value);
          props.onChange(index === 0 ? null : (props.choices[index - 1]?.value ?? null));
        }}
      >
        <option value="">全部</option>
        <For each={props.choices}>
          {(choice, i) => (
            <option value={String(i() + 1)}>
              {choice.label}（{choice.count.toLocaleString('zh-CN')}）
            </option>
          )}
        </For>
      </select>
    </label>
  );
}

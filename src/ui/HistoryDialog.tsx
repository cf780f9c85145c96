import { createSignal, For, onMount, Show } from 'solid-js';
import { describeSource, type HistoryEntry } from '../model/history';
import { describeStorageError } from '../store/storage-errors';

/** The change history of one row: every saved change of a field, newest first, with source and clerk. */
export function HistoryDialog(props: {
  code: string;
  name: string;
  /** Saves pending edits first, then reads the row's history. */
  load: () => Promise<HistoryEntry[]>;
  onClose: () => void;
}) {
  const [entries, setEntries] = createSignal<HistoryEntry[] | null>(null);
  const [problem, setProblem] = createSignal('');
  onMount(() => {
    props
      .load()
      .then(setEntries, (error: unknown) => setProblem(describeStorageError(error, 'read').message));
  });
  let close: HTMLButtonElement | undefined;
  onMount(() => close?.focus());
  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <div class="modal history" role="dialog" aria-modal="true" aria-labelledby="history-title">
        <h2 id="history-title">
          修改记录：{props.code} {props.name}
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
            {(list) => (
              <Show when={list().length > 0} fallback={<p class="hint">这一行还没有保存过的修改。</p>}>
                <table aria-label="修改记录">
                  <thead>
                    <tr>
                      <th>时间</th>
                      <th>列</th>
                      <th>原值</th>
                      <th>新值</th>
                      <th>来源</th>
                      <th>填报人</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list()}>
                      {(entry) => (
                        <tr>
                          <td>{new Date(entry.at).toLocaleString('zh-CN')}</td>
                          <td>{entry.label}</td>
                          <td>{entry.before}</td>
                          <td>{entry.after}</td>
                          <td>{describeSource(entry.source)}</td>
                          <td>{entry.clerk || '（未填姓名）'}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            )}
          </Show>
          <p class="hint">填报人姓名在“设置”中填写。记录随“备份全部到文件”一起备份。</p>
        </div>
        <div class="modal-actions">
          <button ref={close} type="button" onClick={() => props.onClose()}>
            关闭
          </button>
        </div>
      </div>
    </div>
  );
}

/* eslint-disable solid/reactivity -- the actions below run only from click handlers. */
import { createSignal, For, onMount, Show } from 'solid-js';
import { compareRows, type CellDifference } from '../model/history';
import type { Workbook } from '../model/workbook';
import type { VersionRecord } from '../store/database';
import { describeStorageError } from '../store/storage-errors';
import type { WorkbookRepository } from '../store/workbook-repository';
import { quoted } from '../model/quote';
import { exampleVersionName, keptBeforeRestoring } from '../model/version-name';
import { shownTime } from '../model/stored-time';

type Version = VersionRecord & { id: number };

const stamp = shownTime;

/**
 * Named versions of the open workbook (e.g. "2023年中期评估定稿"): keep the current state under a name,
 * compare a version with now cell by cell, and put a version back (the current state is kept first).
 */
export function VersionsDialog(props: {
  repository: WorkbookRepository;
  workbookId: string;
  clerk: string;
  /** The workbook as on screen now. */
  current: () => Workbook;
  /** Saves pending edits, so storage holds what the clerk sees. */
  beforeSave: () => Promise<void>;
  /** Restored: the page is opened again; the message says what was done. */
  onRestored: (message: string) => void;
  onClose: () => void;
}) {
  const [versions, setVersions] = createSignal<Version[] | null>(null);
  const [name, setName] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [message, setMessage] = createSignal('');
  const [comparison, setComparison] = createSignal<{
    version: Version;
    differences: CellDifference[];
  } | null>(null);
  const [restoring, setRestoring] = createSignal<Version | null>(null);
  const [deleting, setDeleting] = createSignal<number | null>(null);
  let nameInput: HTMLInputElement | undefined;
  /** Each version's 恢复此版本, by version id: where the focus goes back when the restore is called off. */
  const restoreButtons = new Map<number, HTMLButtonElement>();

  const run = async (action: () => Promise<void>, during: 'read' | 'write' = 'write') => {
    setProblem('');
    try {
      await action();
    } catch (error) {
      const shown = (error as { shown?: unknown }).shown;
      setProblem(
        typeof shown === 'string'
          ? shown
          : describeStorageError(error, during, during === 'write' ? '此操作' : undefined).message,
      );
    }
  };
  const reload = () =>
    run(async () => {
      setVersions(await props.repository.listVersions(props.workbookId));
    }, 'read');
  onMount(() => {
    void reload();
    nameInput?.focus();
  });

  const save = () =>
    run(async () => {
      const wanted = name().trim();
      if (!wanted) {
        const shown = `请填写版本名称，例如“${exampleVersionName(props.current())}”。`;
        throw Object.assign(new Error(shown), { shown });
      }
      await props.beforeSave();
      await props.repository.saveVersion(props.workbookId, wanted, props.clerk, new Date().toISOString());
      setName('');
      setMessage(`已保存版本${quoted(wanted)}。`);
      await reload();
    });

  const compare = (version: Version) => {
    setRestoring(null);
    setComparison({
      version,
      differences: compareRows(version.workbook.indicators, props.current().indicators),
    });
  };

  const restore = (version: Version) =>
    run(async () => {
      await props.beforeSave();
      const now = new Date();
      const keepAs = keptBeforeRestoring({ version: version.name }, now);
      await props.repository.restoreVersion(version.id, keepAs, props.clerk, now.toISOString());
      props.onRestored(
        `已恢复版本${quoted(version.name)}。恢复前的内容已存为版本${quoted(keepAs)}，可在“版本”中找回。`,
      );
    });

  const remove = (version: Version) =>
    run(async () => {
      await props.repository.deleteVersion(version.id);
      setDeleting(null);
      if (comparison()?.version.id === version.id) setComparison(null);
      setMessage(`已删除版本${quoted(version.name)}。`);
      await reload();
      // Its row is gone with the button pressed: the focus stays in the dialog.
      nameInput?.focus();
    });

  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <div class="modal versions" role="dialog" aria-modal="true" aria-labelledby="versions-title">
        <h2 id="versions-title">版本</h2>
        <div class="modal-body">
          <form
            class="save-version"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label class="field">
              <span>把当前内容保存为版本，名称</span>
              <input
                ref={nameInput}
                aria-label="版本名称"
                placeholder={`例如：${exampleVersionName(props.current())}`}
                value={name()}
                onInput={(e) => setName(e.currentTarget.value)}
              />
            </label>
            <button type="submit">保存当前版本</button>
          </form>
          <Show when={message()}>
            <p role="status">{message()}</p>
          </Show>
          <Show
            when={(versions() ?? []).length > 0}
            fallback={
              <p class="hint">
                {/* Versions are kept per workbook: a next plan opened after saving one in the old plan showed none. */}
                {versions()
                  ? `${quoted(props.current().title)}还没有保存过版本（版本按工作簿分别保存，其他工作簿的版本请打开该工作簿后查看）。`
                  : '正在读取…'}
              </p>
            }
          >
            <table aria-label="已保存的版本">
              <thead>
                <tr>
                  <th>名称</th>
                  <th>保存时间</th>
                  <th>保存人</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                <For each={versions()}>
                  {(version) => (
                    <tr>
                      <td>{version.name}</td>
                      <td>{stamp(version.createdAt)}</td>
                      <td>{version.clerk || '（未填姓名）'}</td>
                      <td class="actions">
                        <button type="button" onClick={() => compare(version)}>
                          与当前比较
                        </button>
                        <button
                          type="button"
                          ref={(button) => restoreButtons.set(version.id, button)}
                          onClick={() => {
                            setComparison(null);
                            setRestoring(version);
                          }}
                        >
                          恢复此版本
                        </button>
                        <Show
                          when={deleting() === version.id}
                          fallback={
                            <button
                              type="button"
                              class="delete-version"
                              onClick={() => setDeleting(version.id)}
                            >
                              删除
                            </button>
                          }
                        >
                          <button type="button" class="danger" onClick={() => void remove(version)}>
                            确认删除
                          </button>
                          {/* Focused when asked: the 删除 pressed is gone (the focus fell to the page's body), and
                              an Enter pressed again keeps the version. */}
                          <button
                            type="button"
                            ref={(button) => queueMicrotask(() => button.focus())}
                            onClick={(e) => {
                              const row = e.currentTarget.closest('tr');
                              setDeleting(null);
                              row?.querySelector<HTMLButtonElement>('button.delete-version')?.focus();
                            }}
                          >
                            取消
                          </button>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>

          <Show when={restoring()}>
            {(version) => (
              <div class="restore-plan" role="group" aria-label="恢复版本">
                <p>
                  将把工作簿恢复为版本{quoted(version().name)}（{stamp(version().createdAt)}
                  ）。恢复前，当前内容会自动保存为一个新版本，随时可以再恢复回来。
                </p>
                <button type="button" onClick={() => void restore(version())}>
                  确认恢复
                </button>
                <button
                  type="button"
                  onClick={() => {
                    const pressed = restoreButtons.get(version().id);
                    setRestoring(null);
                    // Back to the 恢复此版本 pressed: this button is gone, and the focus fell to the page's body.
                    if (pressed?.isConnected) pressed.focus();
                  }}
                >
                  取消
                </button>
              </div>
            )}
          </Show>

          <Show when={comparison()}>
            {(c) => (
              <section aria-label="比较结果">
                <h3>
                  {quoted(c().version.name)}与当前相比：
                  {c().differences.length === 0 ? '没有不同' : `共 ${c().differences.length} 处不同`}
                </h3>
                <Show when={c().differences.length > 0}>
                  {/* A tab stop of its own: the list scrolls in its box, and with no button in it the keyboard
                      could not reach it (the dialog's Tab goes round its fields and buttons only). */}
                  <div class="differences" role="region" aria-label="不同的单元格" tabindex="0">
                    <table aria-label="不同的单元格">
                      <thead>
                        <tr>
                          <th>代码</th>
                          <th>指标</th>
                          <th>列</th>
                          <th>该版本</th>
                          <th>当前</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={c().differences}>
                          {(d) => (
                            <tr>
                              <td>{d.code}</td>
                              <td>{d.rowName}</td>
                              <td>{d.label}</td>
                              <td>{d.before}</td>
                              <td>{d.after}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </Show>
              </section>
            )}
          </Show>

          <Show when={problem()}>
            <p class="problem" role="alert">
              {problem()}
            </p>
          </Show>
        </div>
        <div class="modal-actions">
          <button type="button" onClick={() => props.onClose()}>
            关闭
          </button>
        </div>
      </div>
    </div>
  );
}

/* eslint-disable solid/reactivity -- the actions below run only from click handlers; the dialog reads the
   current workbook once, when it opens. */
import { createResource, createSignal, For, onMount, Show } from 'solid-js';
import type { WorkbookRecord } from '../store/database';
import type { WorkbookRepository } from '../store/workbook-repository';
import { describeStorageError } from '../store/storage-errors';
import { makeNextPlan, nextPlanTitle, periodProblem } from '../model/planning';
import type { Workbook } from '../model/workbook';
import { BackupSection } from './BackupSection';
import { carryNotice } from '../app/session';
import { quoted } from '../model/quote';
import { shownTime } from '../model/stored-time';
import { ConfirmDialog } from './ConfirmDialog';
import { SAMPLE_LABEL } from '../model/sample-data';

/**
 * The clerk's workbooks: open, rename, duplicate, delete (recoverable), and make the next period's plan from
 * the open one. Every change is written at once; a failure is shown here.
 */
export function WorkbooksDialog(props: {
  repository: WorkbookRepository;
  persisted: boolean | null;
  clerk: string;
  current: () => Workbook;
  beforeLeave: () => Promise<void>;
  /** A workbook was deleted for good: a tab still showing it is told (see TabSync). */
  onDeletedForGood?: (id: string) => void;
  /** A workbook was moved to 已删除: a tab showing it is told. */
  onMovedToDeleted?: (id: string) => void;
  onBackedUp?: (message: string) => void;
  /** Go to a workbook; resolves false when the page stays after all (the clerk chose to, asked by the browser). */
  open: (id: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const [list, { refetch }] = createResource(() => props.repository.listWorkbooks());
  const [problem, setProblem] = createSignal('');
  /** What an action did that the list alone does not show (a restored workbook renamed). */
  const [note, setNote] = createSignal('');
  const [renaming, setRenaming] = createSignal<string | null>(null);
  const [renameText, setRenameText] = createSignal('');
  const current = props.current();
  const [nextTitle, setNextTitle] = createSignal(
    nextPlanTitle(current.title, current.targetYear, current.targetYear + 5),
  );
  const [nextBase, setNextBase] = createSignal(String(current.targetYear));
  const [nextTarget, setNextTarget] = createSignal(String(current.targetYear + 5));

  /**
   * An action running, or the page leaving for another workbook: a second click (a double click, Enter pressed
   * twice) does nothing. It made a second workbook (新建并打开, 复制): the list it checks names against was not
   * read again until the first had finished.
   */
  let busy = false;
  let leaving = false;
  const run = async (action: () => Promise<void>) => {
    if (busy || leaving) return;
    busy = true;
    setProblem('');
    setNote('');
    try {
      await action();
      await refetch();
    } catch (error) {
      // A message meant for the clerk (e.g. a wrong period) is shown as it is; storage failures are translated.
      const shown = (error as { shown?: unknown }).shown;
      setProblem(typeof shown === 'string' ? shown : describeStorageError(error, 'write', '此操作').message);
    } finally {
      busy = false;
    }
  };
  /**
   * Open a workbook: the page goes there, and nothing more is done here meanwhile (closing still works). If the
   * page stays (edits not saved, and the clerk stayed when the browser asked), the dialog answers again: it was
   * left ignoring every click.
   */
  const open = (id: string) => {
    if (leaving) return;
    leaving = true;
    void props.open(id).then(
      (left) => {
        if (!left) leaving = false;
      },
      () => {
        leaving = false;
      },
    );
  };
  /** Two workbooks of one name: a clerk could type into the wrong draft. Said, with what to do instead. */
  const refuseTakenName = (title: string, except?: string) => {
    const taken = active().find((w) => w.title === title && w.id !== except);
    if (!taken) return;
    const shown =
      `已有名为${quoted(title)}的工作簿（${periodText(taken.baseYear, taken.targetYear)}）：` +
      '请在上面的列表中打开它继续编辑，或换一个名称。';
    throw Object.assign(new Error(shown), { shown });
  };
  /** A copy's name no workbook has yet: （副本）, then （副本）2, 3 … */
  const freeTitle = (title: string) => {
    const taken = new Set(active().map((w) => w.title));
    let candidate = title;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${title}${n}`;
    return candidate;
  };
  /**
   * Back from 已删除. Its name may have been taken meanwhile (a deleted workbook's name is free): it then comes back
   * as “…（恢复）”, so that two workbooks never share a name.
   */
  const restore = (w: WorkbookRecord) =>
    run(async () => {
      const title = active().some((other) => other.title === w.title)
        ? freeTitle(`${w.title}（恢复）`)
        : w.title;
      if (title !== w.title) await props.repository.renameWorkbook(w.id, title);
      await props.repository.setDeleted(w.id, false);
      if (title !== w.title)
        setNote(
          `已恢复。原名称${quoted(w.title)}已被另一个工作簿使用，恢复后的工作簿名为${quoted(title)}，可用“重命名”修改。`,
        );
    });
  const saveName = (w: WorkbookRecord) =>
    void run(async () => {
      const title = renameText().trim();
      // An empty name kept the old one without a word.
      if (!title) {
        const shown = `名称不能为空：请输入新名称（原名称${quoted(w.title)}未改）。`;
        throw Object.assign(new Error(shown), { shown });
      }
      if (title !== w.title) refuseTakenName(title, w.id);
      await props.repository.renameWorkbook(w.id, title);
      setRenaming(null);
      // The field is gone: the dialog keeps the focus (it fell to the page's body, out of reach of Tab's round).
      dialog?.focus();
      if (w.id === current.id) open(w.id);
    });
  /**
   * 删除 and 永久删除 ask in the page, 取消 focused: the browser's own confirm had OK focused, so an Enter meant
   * for something else deleted a workbook for good. Closed, the focus goes back to the button that asked.
   */
  const [asking, setAsking] = createSignal<{
    forGood: boolean;
    workbook: WorkbookRecord;
    from: HTMLElement | null;
  } | null>(null);
  const ask = (forGood: boolean, workbook: WorkbookRecord, event: MouseEvent) =>
    setAsking({ forGood, workbook, from: event.currentTarget as HTMLElement });
  const answered = (confirmed: boolean) => {
    const question = asking();
    if (!question) return;
    setAsking(null);
    const back = question.from;
    if (back?.isConnected) back.focus();
    else dialog?.focus();
    if (!confirmed) return;
    const w = question.workbook;
    if (question.forGood)
      void run(async () => {
        await props.repository.deleteWorkbook(w.id);
        props.onDeletedForGood?.(w.id);
      });
    else
      void run(async () => {
        await props.repository.setDeleted(w.id, true);
        props.onMovedToDeleted?.(w.id);
        if (w.id !== current.id) return;
        // The page goes to another workbook: said there, with where the deleted one is (it opened on the plan
        // without a word of the deletion).
        const other = active().find((x) => x.id !== w.id);
        carryNotice(
          `已删除工作簿${quoted(w.title)}，已打开${other ? quoted(other.title) : '规划工作簿'}。` +
            '删除的工作簿可在“工作簿”下方的“已删除”中恢复。',
        );
        open(other?.id ?? '');
      });
  };
  const active = () => (list() ?? []).filter((w) => !w.deletedAt);
  const deleted = () => (list() ?? []).filter((w) => w.deletedAt);
  const duplicate = (record: WorkbookRecord) =>
    run(async () => {
      await props.beforeLeave();
      const workbook = await props.repository.loadWorkbook(record.id);
      if (!workbook) return;
      const stamp = new Date().toISOString();
      await props.repository.saveNewWorkbook({
        ...workbook,
        title: freeTitle(`${workbook.title}（副本）`),
        createdAt: stamp,
        updatedAt: stamp,
      });
    });

  const createNextPlan = () =>
    run(async () => {
      const base = Number(nextBase());
      const target = Number(nextTarget());
      const wrong = periodProblem(base, target);
      if (wrong) throw Object.assign(new Error(wrong), { shown: wrong });
      const source = props.current();
      const title = nextTitle().trim();
      // An empty name was taken as the open workbook's, then refused as a name already taken.
      if (!title) {
        const shown = `名称不能为空：请填写新规划的名称，如${quoted(nextPlanTitle(source.title, source.targetYear, target))}。`;
        throw Object.assign(new Error(shown), { shown });
      }
      refuseTakenName(title);
      await props.beforeLeave();
      // Stored under an id saveNewWorkbook makes.
      const id = await props.repository.saveNewWorkbook(
        makeNextPlan(source, { title, baseYear: base, targetYear: target }, new Date()),
      );
      // The new plan opened looking like the old one with two more years: say what was made and the next step.
      carryNotice(
        `已由${quoted(source.title)}新建${quoted(title)}（基期${base}年，目标年${target}年），各年数值已带入。` +
          '各行目标暂沿用上期目标：请在“目标”列逐行填写新目标（“目标评估”列提示偏保守或难以实现），' +
          '决定沿用上期目标的在“确定沿用”列勾选；“打印报告”可打印目标测算表。',
      );
      open(id);
    });

  // The dialog itself takes the focus when it opens (its list is still being read): Escape closes it at once,
  // and Tab goes to the first workbook's buttons.
  let dialog: HTMLDivElement | undefined;
  onMount(() => dialog?.focus());

  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <div
        ref={dialog}
        class="modal workbooks"
        role="dialog"
        aria-modal="true"
        aria-labelledby="workbooks-title"
        tabindex="-1"
      >
        <h2 id="workbooks-title">工作簿</h2>
        <div class="modal-body">
          <table aria-label="工作簿列表">
            <thead>
              <tr>
                <th>名称</th>
                <th>规划期</th>
                <th>最后修改</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              <For each={active()}>
                {(w) => (
                  <tr classList={{ current: w.id === current.id }}>
                    <td>
                      <Show
                        when={renaming() === w.id}
                        fallback={
                          <>
                            {w.title}
                            <SampleMark workbook={w} />
                          </>
                        }
                      >
                        <input
                          aria-label="新名称"
                          value={renameText()}
                          onInput={(e) => setRenameText(e.currentTarget.value)}
                          onKeyDown={(e) => {
                            // Enter saves the name, Escape leaves it, as in a spreadsheet's sheet tab.
                            // (Not the Enter that ends a Chinese input method's composition.)
                            if (e.key === 'Enter' && !e.isComposing && e.keyCode !== 229) saveName(w);
                            if (e.key === 'Escape') {
                              e.stopPropagation();
                              setRenaming(null);
                              // The field is gone: the dialog keeps the focus (the next Escape closes it).
                              dialog?.focus();
                            }
                          }}
                        />
                      </Show>
                    </td>
                    <td>{periodText(w.baseYear, w.targetYear)}</td>
                    <td>{shownTime(w.updatedAt)}</td>
                    <td class="actions">
                      <Show when={w.id !== current.id} fallback={<span class="hint">当前</span>}>
                        <button type="button" onClick={() => open(w.id)}>
                          打开
                        </button>
                      </Show>
                      <Show
                        when={renaming() === w.id}
                        fallback={
                          <button
                            type="button"
                            onClick={() => {
                              setRenaming(w.id);
                              setRenameText(w.title);
                            }}
                          >
                            重命名
                          </button>
                        }
                      >
                        <button type="button" onClick={() => saveName(w)}>
                          保存名称
                        </button>
                      </Show>
                      <button type="button" onClick={() => void duplicate(w)}>
                        复制
                      </button>
                      <button type="button" onClick={(e) => ask(false, w, e)}>
                        删除
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>

          <Show when={deleted().length > 0}>
            <h3>已删除</h3>
            <ul aria-label="已删除的工作簿">
              <For each={deleted()}>
                {(w) => (
                  <li>
                    {w.title}
                    <SampleMark workbook={w} />（{periodText(w.baseYear, w.targetYear)}）
                    <button type="button" onClick={() => void restore(w)}>
                      恢复
                    </button>
                    <button type="button" onClick={(e) => ask(true, w, e)}>
                      永久删除
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>

          <fieldset class="next-plan">
            <legend>由当前工作簿新建下一期规划</legend>
            <p class="hint">
              复制全部指标，原有各年数值作为历史和基期数据保留；每行显示上期目标，设定新目标时会提示“偏保守”或“难以实现”。
            </p>
            <label class="field">
              <span>名称</span>
              <input value={nextTitle()} onInput={(e) => setNextTitle(e.currentTarget.value)} />
            </label>
            <label class="field inline">
              <span>基期年</span>
              <input
                inputmode="numeric"
                value={nextBase()}
                onInput={(e) => setNextBase(e.currentTarget.value)}
              />
            </label>
            <label class="field inline">
              <span>目标年</span>
              <input
                inputmode="numeric"
                value={nextTarget()}
                onInput={(e) => setNextTarget(e.currentTarget.value)}
              />
            </label>
            <button type="button" onClick={() => void createNextPlan()}>
              新建并打开
            </button>
          </fieldset>
          <BackupSection
            repository={props.repository}
            persisted={props.persisted}
            clerk={props.clerk}
            beforeLeave={props.beforeLeave}
            onRestored={(message) => {
              carryNotice(message);
              open(current.id);
            }}
            onBackedUp={props.onBackedUp}
          />
          <Show when={note()}>
            <p role="status">{note()}</p>
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
      <Show when={asking()}>
        {(question) => (
          <ConfirmDialog
            title={question().forGood ? '永久删除工作簿' : '删除工作簿'}
            confirmLabel={question().forGood ? '永久删除' : '删除'}
            danger
            onConfirm={() => answered(true)}
            onCancel={() => answered(false)}
          >
            <p>
              {question().forGood
                ? `永久删除${quoted(question().workbook.title)}？此操作不能撤销。`
                : `删除工作簿${quoted(question().workbook.title)}？删除后可在下方“已删除”中恢复。`}
            </p>
          </ConfirmDialog>
        )}
      </Show>
    </div>
  );
}

/** A plan's period as it is written (2021—2025 for base year 2020), with its base year. */
function periodText(baseYear: number, targetYear: number): string {
  return `${baseYear + 1}—${targetYear}（基期 ${baseYear}）`;
}

/**
 * A sample workbook (or a copy or next plan made from it) said as such in the list: its name says so only until
 * the clerk renames it, and the list is where a real workbook is chosen to open.
 */
function SampleMark(props: { workbook: { title: string; isSample: boolean } }) {
  return (
    <Show when={props.workbook.isSample && !props.workbook.title.includes(SAMPLE_LABEL)}>
      <span class="sample-mark">·{SAMPLE_LABEL}</span>
    </Show>
  );
}

import { createMemo, createSignal, For, onCleanup, onMount, Show, untrack } from 'solid-js';
import { MAX_CSV_BYTES, tooLargeMessage } from '../io/csv-decode';
import { startImportReader } from '../io/import-reader';
import { unreadable } from '../io/read-import-file';
import {
  conflictKey,
  existingRows,
  lineKey,
  lineYearKey,
  planImport,
  resolveConflicts,
  sameValue,
  type CellUpdate,
  type ImportPlan,
  type OtherDepartmentRow,
  type ParsedFile,
} from '../io/csv-import';
import { cellCount, countReplacing, firstCells } from '../io/lazy-cells';
import { filesOfOnlyNewRows } from '../io/import-cautions';
import { quoted } from '../model/quote';
import { formatWithUnit } from '../model/entry';
import type { CellValue, Indicator } from '../model/indicator';
import { FilePicker } from './FilePicker';
import { afterFrame, createLimited, createLimitedOf } from './preview-limit';
import { ShowMore } from './ShowMore';
import { tickChanges, type TargetProposal } from '../io/planning-sheet-import';

/**
 * Import CSV files sent back by departments: read them (GBK or UTF-8), show exactly what will change, let the
 * clerk settle conflicts between files, then apply everything at once. Nothing changes before 应用.
 */
/** Where in which file an issue or a reading note is: “a.csv 第 3 行 “2025年”列”. */
function whereInFile(at: { file: string; line: number | null; column: string | null }): string {
  return `${at.file}${at.line !== null ? ` 第 ${at.line} 行` : ''}${at.column ? ` “${at.column}”列` : ''}`;
}

/**
 * After 应用, the lines left out as other departments' rows (不导入): said in the notice, since the history holds
 * nothing of them.
 */
export function leftOutNote(leftOut: readonly OtherDepartmentRow[]): string {
  if (leftOut.length === 0) return '';
  const shown = leftOut
    .slice(0, 3)
    .map((r) => `${r.code} ${r.name}（留待${r.department}报送）`)
    .join('、');
  return `其他单位负责的指标未导入 ${leftOut.length} 项：${shown}${leftOut.length > 3 ? ' 等' : ''}。`;
}

/** The other departments' lines 不导入 leaves out: not those whose every cell was the clerk's choice under 冲突. */
function leftOutLines(plan: ImportPlan): OtherDepartmentRow[] {
  const inConflict = new Set(plan.conflicts.map((c) => conflictKey(c.code, c.year)));
  return plan.otherDepartmentRows.filter((r) =>
    r.cells.some((c) => !inConflict.has(conflictKey(r.code, c.year))),
  );
}

/** What 应用 does to a row's 确定沿用, in the preview of a 目标测算表 sent back. */
function keptChange(t: TargetProposal): string {
  if (t.keptAfter && !t.keptBefore) return '勾选：确定沿用上期目标';
  if (t.keptBefore && !t.keptAfter)
    return t.target ? '取消“已确定”（新目标不同于上期目标）' : '取消“已确定”，改回待确定';
  return '—';
}

export function ImportDialog(props: {
  existing: Indicator[];
  years: number[];
  /** The first year every row takes a figure for (model/workbook historyStart). */
  historyFrom: number | null;
  /** The workbook is the sample one: files exported from it may come back into it. */
  intoSample: boolean;
  /** Every change and new row comes with the name of the file it was read from (for the change history). */
  onApply: (
    updates: readonly { code: string; year: number; newValue: CellValue | undefined; file: string }[],
    newRows: { indicator: Indicator; file: string }[],
    /** New targets proposed in a 目标测算表 sent back (its 新目标 column). */
    targets: readonly TargetProposal[],
    /** Lines for other departments' rows the clerk left out (不导入), to be said after 应用. */
    leftOut: readonly OtherDepartmentRow[],
  ) => void;
  onCancel: () => void;
}) {
  const [progress, setProgress] = createSignal('');
  const [plan, setPlan] = createSignal<ImportPlan | null>(null);
  const [choices, setChoices] = createSignal(new Map<string, number>());
  // Lines of a department's return for rows another department answers for: left out of 应用 when the clerk says so.
  const [leaveOutOthers, setLeaveOutOthers] = createSignal(false);
  // Started with the dialog, so the worker is ready and the workbook indexed when a file is chosen. What it is
  // sent of each row is a plain copy of what matching needs (cheap to send); the rows are those read when the
  // dialog opened (App reads them once).
  const reader = untrack(() =>
    startImportReader(existingRows(props.existing), props.years, props.historyFrom),
  );
  onCleanup(() => reader.dispose());
  // The first step has the focus: Enter or Space opens the file chooser, Escape closes the dialog.
  let chooseButton: HTMLButtonElement | undefined;
  onMount(() => chooseButton?.focus());
  const unitOf = createMemo(() => new Map(props.existing.map((r) => [r.code, r.unit])));
  const departmentOf = createMemo(() => new Map(props.existing.map((r) => [r.code, r.department])));

  const show = (value: CellValue | undefined, code: string) =>
    value === undefined
      ? '（空）'
      : typeof value === 'number'
        ? formatWithUnit(value, unitOf().get(code) ?? '')
        : value;

  const readFiles = async (files: File[]) => {
    setPlan(null);
    const parsed: ParsedFile[] = [];
    for (const [index, file] of files.entries()) {
      setProgress(
        `正在读取第 ${index + 1}/${files.length} 个文件：${file.name}（${formatSize(file.size)}）…`,
      );
      if (file.size > MAX_CSV_BYTES) {
        // Refused from its size alone: a huge file is not read into memory at all.
        parsed.push(unreadable(file.name, tooLargeMessage(file.name, file.size)));
        continue;
      }
      const read = await reader.read(file, file.name);
      // Generated figures never go into a real workbook.
      parsed.push(
        read.sampleData && !props.intoSample ? unreadable(file.name, sampleMessage(file.name)) : read,
      );
    }
    setProgress('');
    setChoices(new Map());
    setLeaveOutOthers(false);
    const next = planImport(parsed);
    setPlan(next);
    // 应用 needs the list of every change: made while the clerk reads the preview, not before it shows.
    afterPreviewDrawn(() => void next.updates);
  };

  const unresolved = () =>
    (plan()?.conflicts ?? []).filter((c) => !choices().has(conflictKey(c.code, c.year))).length;

  const chosenValues = () => new Map([...choices()].filter(([, index]) => index >= 0));
  const finalUpdates = (): CellUpdate[] => {
    const current = plan();
    if (!current) return [];
    return resolveConflicts(current, chosenValues(), { leaveOutOtherDepartments: leaveOutOthers() });
  };
  // Whether 应用 would change anything: the plan's updates and the conflicts' choices, without copying the
  // updates into a new list each time the button is drawn.
  const nothingToApply = (): boolean => {
    const current = plan();
    if (!current) return true;
    if (current.newRows.length > 0 || current.targetProposals.length > 0) return false;
    if (cellCount(current) > 0 && !(leaveOutOthers() && current.otherDepartmentRows.length > 0)) return false;
    return finalUpdates().length === 0;
  };

  const apply = () => {
    const current = plan();
    if (!current) return;
    // The plan's own updates, not a copy of each (50,000 objects made 应用 collect garbage before its frame).
    props.onApply(
      finalUpdates(),
      current.newRows.map((r) => ({ indicator: r.indicator, file: r.file })),
      current.targetProposals,
      leaveOutOthers() ? leftOutLines(current) : [],
    );
  };

  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <div class="modal import" role="dialog" aria-modal="true" aria-labelledby="import-title">
        <h2 id="import-title">导入 CSV</h2>
        <div class="modal-body">
          <FilePicker
            label="选择各单位发回的 CSV 文件（可一次选多个）"
            buttonText="选择文件…"
            accept=".csv,.txt,text/csv,text/plain"
            multiple
            buttonRef={(button) => (chooseButton = button)}
            onFiles={(files) => void readFiles(files)}
          />
          <Show when={progress()}>
            <p role="status" class="progress">
              {progress()}
            </p>
          </Show>
          <Show when={plan()}>
            {(p) => (
              <Preview
                plan={p()}
                choices={choices()}
                setChoices={setChoices}
                leaveOutOthers={leaveOutOthers()}
                setLeaveOutOthers={setLeaveOutOthers}
                show={show}
                departmentOf={(code) => departmentOf().get(code) ?? ''}
              />
            )}
          </Show>
        </div>
        <div class="modal-actions">
          <Show when={plan() && unresolved() > 0}>
            <span class="problem">还有 {unresolved()} 处冲突未选择</span>
          </Show>
          <button type="button" onClick={() => props.onCancel()}>
            取消
          </button>
          <button type="button" disabled={!plan() || unresolved() > 0 || nothingToApply()} onClick={apply}>
            应用
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * Runs `task` once the preview's first page is on screen: its first frame draws the top of each list, the next
 * one the rest of the page (preview-limit.ts).
 */
function afterPreviewDrawn(task: () => void): void {
  afterFrame(() => afterFrame(task));
}

function sampleMessage(fileName: string): string {
  return (
    `“${fileName}”是示例数据（模拟，非真实统计）导出的文件，不能导入正式工作簿，本文件未导入任何数据：` +
    '请导入各单位报送的实际数据；如只是练习，请在示例数据工作簿中导入。'
  );
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function Preview(props: {
  plan: ImportPlan;
  choices: Map<string, number>;
  setChoices: (next: Map<string, number>) => void;
  /** Whether the lines for other departments' rows are left out of 应用. */
  leaveOutOthers: boolean;
  setLeaveOutOthers: (leaveOut: boolean) => void;
  show: (value: CellValue | undefined, code: string) => string;
  departmentOf: (code: string) => string;
}) {
  // Cells of other departments' rows in a department's return, by file, line and code (marked among the changes).
  const others = () => props.plan.otherDepartmentRows;
  const otherCells = createMemo(
    () => new Map(others().map((r) => [lineKey(r.file, r.line, r.code), r.department])),
  );
  // Cells two files disagree on: the clerk's choice in 冲突 decides them, not 不导入 below.
  const inConflict = createMemo(() => new Set(props.plan.conflicts.map((c) => conflictKey(c.code, c.year))));
  // The changes left out, counted in the plan's own list (a cell two files give alike is in it once). Only once
  // the clerk ticks 不导入: reading the list whole costs a large file's preview its speed.
  const leftOut = createMemo(() => {
    if (!props.leaveOutOthers || otherCells().size === 0) return { cells: 0, replacing: 0 };
    const out = props.plan.updates.filter((u) => otherCells().has(lineKey(u.file, u.line, u.code)));
    return { cells: out.length, replacing: out.filter((u) => u.oldValue !== undefined).length };
  });
  // A 10,000-row file gives 50,000 changed cells: they are counted and a page of them drawn without making
  // the list of them all (lazy-cells.ts).
  const updateCount = () => cellCount(props.plan) - leftOut().cells;
  const overwrites = createMemo(() => countReplacing(props.plan) - leftOut().replacing);
  const unchanged = () => props.plan.files.reduce((n, f) => n + f.unchanged, 0);
  const targets = () => props.plan.targetProposals;
  // Ticks of 确定沿用 the sheet puts on, and takes off (by a new target, or cleared by the department).
  const ticks = createMemo(() => tickChanges(targets()));
  const ticksOn = () => ticks().on;
  const ticksOff = () => ticks().off;
  // Proposals for rows another department answers for (the whole sheet goes to every department).
  const othersProposed = () => targets().filter((t) => t.otherDepartment).length;
  const nothingToApply = () =>
    updateCount() === 0 &&
    props.plan.newRows.length === 0 &&
    props.plan.conflicts.length === 0 &&
    targets().length === 0;
  // Each list is drawn a page at a time (see preview-limit.ts); the summary above always counts everything. The
  // first frame draws the top of each list only, so that the summary shows sooner; the page follows at once.
  const issues = createLimited(() => props.plan.issues, true);
  const questions = createLimited(() => props.plan.questions, true);
  // The cells questioned, to mark them among the changes too.
  const questioned = createMemo(
    () => new Set(props.plan.questions.map((q) => lineYearKey(q.file, q.line, q.code, q.year))),
  );
  const conflicts = createLimited(() => props.plan.conflicts, true);
  // (Every change, the ones left out too: they are listed, marked 不导入.)
  const updates = createLimitedOf(
    () => cellCount(props.plan),
    (limit) => firstCells(props.plan, limit),
    true,
  );
  const newRows = createLimited(() => props.plan.newRows, true);
  const ignored = createLimited(() => props.plan.ignored, true);
  const remarks = createLimited(() => props.plan.remarks, true);
  const noFigures = createLimited(() => props.plan.noFigures, true);
  // Whom to ask for the figures not sent, and for how many rows each (the list is grouped by department).
  const noFigureCounts = createMemo(() => {
    const counts = new Map<string, number>();
    for (const row of props.plan.noFigures) counts.set(row.department, (counts.get(row.department) ?? 0) + 1);
    return counts;
  });
  // In a conflict, the figure from the return of the row's own 责任单位 (its template sent back) is said to be.
  const returnOf = createMemo(
    () => new Map(props.plan.files.map((f) => [f.file, f.departmentReturn?.department ?? ''])),
  );
  const fromResponsible = (file: string, code: string): string => {
    const department = props.departmentOf(code);
    return department && returnOf().get(file) === department ? `，${department}（责任单位）报送` : '';
  };
  const choose = (key: string, index: number) => {
    const next = new Map(props.choices);
    next.set(key, index);
    props.setChoices(next);
  };
  return (
    <div class="import-preview">
      <p class="summary" aria-label="导入摘要">
        {props.plan.files.length} 个文件；匹配到指标的行{' '}
        {props.plan.files.reduce((n, f) => n + f.matchedRows, 0)} 行； 将修改 <strong>{updateCount()}</strong>{' '}
        个单元格（其中覆盖已有数值 {overwrites()} 个）； 新增指标 {props.plan.newRows.length} 项；冲突{' '}
        {props.plan.conflicts.length} 处；忽略 {props.plan.ignored.length} 行；错误 {props.plan.issues.length}{' '}
        处；
        <Show when={props.plan.questions.length > 0}>请核实 {props.plan.questions.length} 处；</Show>
        <Show when={props.plan.noFigures.length > 0}>未给数值的指标 {props.plan.noFigures.length} 项；</Show>
        <Show when={others().length > 0}>
          其他单位负责的指标 {others().length} 项{props.leaveOutOthers ? '（不导入）' : ''}；
        </Show>
        与工作簿相同 {unchanged()} 个单元格。
        <Show when={props.plan.files.some((f) => f.targetProposals !== undefined)}>
          目标测算表提出新目标 <strong>{targets().filter((t) => t.target !== null).length}</strong> 项
          <Show when={ticksOn() > 0}>
            ，确定沿用 <strong>{ticksOn()}</strong> 项
          </Show>
          <Show when={ticksOff() > 0}>
            ，取消“已确定” <strong>{ticksOff()}</strong> 项
          </Show>
          <Show when={othersProposed() > 0}>
            ，其中其他单位负责的指标 <strong>{othersProposed()}</strong> 项
          </Show>
          。
        </Show>
      </p>
      <Show when={nothingToApply()}>
        <p class="hint" role="status">
          {props.plan.files.some((f) => f.targetProposals !== undefined) && props.plan.issues.length === 0
            ? '目标测算表“新目标”“确定沿用”两列与工作簿中的相同（或未改动），没有新目标可导入。'
            : leftOut().cells > 0
              ? // (Not "no figures filled in": the file has some, the clerk chose to leave them out.)
                '文件中只有其他单位负责的指标有新数值，已选择不导入，没有可以导入的数值。'
              : props.plan.issues.length > 0 || props.plan.ignored.length > 0
                ? '没有可以导入的数值：请看下面列出的原因，改正文件后再导入。'
                : unchanged() > 0
                  ? props.plan.noFigures.length > 0
                    ? // Not "nothing to do": the figures still to come are listed below, to chase.
                      '文件中的数值与工作簿中的相同，没有新数值可导入；写着“待统计”“暂缺”“—”等的指标列在下方，请联系报送单位补报。'
                    : '文件中的数值与工作簿中的完全相同，无需导入。'
                  : // A template sent back before it was filled in: rows matched, no figure anywhere.
                    '文件中的指标行都没有填写数值（各年份单元格为空，或写着“—”“暂无”“待统计”等）：' +
                    '请确认收到的是填好的文件，或联系报送单位补填后再导入。'}
        </p>
      </Show>
      {/* (Not for a file that could not be read at all: it has no columns to speak of.) */}
      <Show when={props.plan.files.some((f) => f.format === 'workbook' && f.matchedRows > 0)}>
        <p class="hint">
          只导入各年份的数值。文件中的目标值、规划表述、责任单位、备注等列不会导入（已有指标的定义以工作簿为准）；
          {/* Where the department's notes are, only when it wrote some: a file with no 备注 column has none. */}
          {props.plan.remarks.length > 0
            ? '报送单位在备注、说明等列中写的话列在下方“报送单位的说明”中，请阅读，'
            : props.plan.files.some((f) => f.remarkText === true)
              ? '报送单位写在备注中的说明请查看原文件，'
              : ''}
          如需修改，请在表格中直接修改。
        </p>
      </Show>

      <Show when={props.plan.files.some((f) => f.targetProposals !== undefined)}>
        <p class="hint">
          目标测算表只导入“新目标”和“确定沿用”列：“应用”后这些指标的目标改为建议的新目标，“确定沿用”按下表勾选或取消（可“撤销”）；
          新目标不同于上期目标的，“已确定”随之取消；最新值、按趋势、评估、说明等列不导入。
        </p>
      </Show>
      <Show when={targets().length > 0}>
        <h3>建议的新目标（应用后写入“目标”“确定沿用”列）</h3>
        <table aria-label="建议的新目标">
          <thead>
            <tr>
              <th>代码</th>
              <th>指标</th>
              <th>现目标</th>
              <th>建议新目标</th>
              <th>确定沿用</th>
              <th>来源</th>
            </tr>
          </thead>
          <tbody>
            <For each={targets()}>
              {(t) => (
                <tr>
                  <td>{t.code}</td>
                  <td>{t.name}</td>
                  <td>{t.before}</td>
                  <td>{t.target ? t.after : '（不变）'}</td>
                  <td>{keptChange(t)}</td>
                  <td>
                    {t.file} 第 {t.line} 行
                    <Show when={t.otherDepartment}>{(department) => `（${department()}负责，请核实）`}</Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>

      <Show when={props.plan.readingNotes.length > 0}>
        <h3>读取说明（请核对）</h3>
        <ul class="reading-notes" aria-label="读取说明">
          <For each={props.plan.readingNotes}>
            {(note) => (
              <li>
                {whereInFile(note)}：{note.message}
              </li>
            )}
          </For>
        </ul>
      </Show>

      <Show when={props.plan.issues.length > 0}>
        <h3>错误（这些单元格不会导入，请改正文件后重新导入）</h3>
        <ul class="issues" aria-label="导入错误">
          <For each={issues.shown()}>
            {(issue) => (
              <li>
                {/* (A message about the file as a whole names it itself: “x.csv”不是 CSV 文件.) */}
                <Show when={issue.line !== null || !issue.message.startsWith(`“${issue.file}”`)}>
                  {whereInFile(issue)}：
                </Show>
                {issue.message}
              </li>
            )}
          </For>
        </ul>
        <ShowMore list={issues} what="处错误" note="应用时一并处理" />
      </Show>

      <Show when={props.plan.questions.length > 0}>
        <h3>
          请核实（与相邻年份或目标相差悬殊，或新增指标的每年变化超出单位的范围，可能单位或数字有误；这些数值仍会导入）
        </h3>
        <p class="hint">
          请向报送单位核实这些数值。如确有误：可请报送单位改正文件后重新导入，或在“应用”后在表格中直接改正；也可“取消”，改正文件后再导入。如核实无误，直接“应用”即可。
        </p>
        <ul class="questions" aria-label="请核实">
          <For each={questions.shown()}>
            {(question) => (
              <li>
                {question.file} 第 {question.line} 行 “{question.column}”列：{question.message}
              </li>
            )}
          </For>
        </ul>
        <ShowMore list={questions} what="处需核实的数值" note="应用时一并导入" />
      </Show>

      <Show when={props.plan.conflicts.length > 0}>
        <h3>冲突：同一单元格有不同的数值（来自不同文件，或同一文件的两行），请选择</h3>
        <table aria-label="导入冲突">
          <thead>
            <tr>
              <th>代码</th>
              <th>指标</th>
              <th>年份</th>
              <th>原值</th>
              <th>选择</th>
            </tr>
          </thead>
          <tbody>
            <For each={conflicts.shown()}>
              {(conflict) => {
                const key = conflictKey(conflict.code, conflict.year);
                return (
                  <tr>
                    <td>{conflict.code}</td>
                    <td>{conflict.name}</td>
                    <td>{conflict.year}</td>
                    <td>{props.show(conflict.oldValue, conflict.code)}</td>
                    <td class="conflict-choices">
                      <For each={conflict.candidates}>
                        {(candidate, index) => (
                          <label>
                            <input
                              type="radio"
                              name={key}
                              checked={props.choices.get(key) === index()}
                              onChange={() => choose(key, index())}
                            />
                            {props.show(candidate.value, conflict.code)}（{candidate.file} 第 {candidate.line}{' '}
                            行{fromResponsible(candidate.file, conflict.code)}
                            {sameValue(candidate.value, conflict.oldValue) ? '，与原值相同' : ''}）
                          </label>
                        )}
                      </For>
                      <label>
                        <input
                          type="radio"
                          name={key}
                          checked={props.choices.get(key) === -1}
                          onChange={() => choose(key, -1)}
                        />
                        保留原值
                      </label>
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
        <ShowMore list={conflicts} what="处冲突" note="应用时一并处理" />
      </Show>

      <Show when={props.plan.missingRows.length > 0}>
        <h3>报送文件中缺少的指标（请核对是否漏报）</h3>
        <ul aria-label="报送文件中缺少的指标">
          <For each={props.plan.missingRows}>
            {(missing) => (
              <li>
                {missing.department}负责的指标中，{missing.files.join('、')}里没有 {missing.rows.length} 项：
                {missing.rows.map((r) => `${r.code} ${r.name}`).join('、')}。如是漏报，请联系
                {missing.department}补报。
                {noFigureCounts().has(missing.department)
                  ? `另有 ${noFigureCounts().get(missing.department)} 项报送了但没有数值，见下方。`
                  : ''}
              </li>
            )}
          </For>
        </ul>
      </Show>

      <Show when={others().length > 0}>
        <h3>其他单位负责的指标（报送文件的单位不是这些指标的责任单位，请核实）</h3>
        <p class="hint">
          这些行的数值默认照常导入。如应由责任单位报送，请勾选下面的“不导入”，或“取消”后请报送单位删去这些行再发回；如确由该单位报送，直接“应用”即可。
        </p>
        <ul class="other-departments" aria-label="其他单位负责的指标">
          <For each={others()}>
            {(row) => (
              <li>
                {row.file} 第 {row.line} 行：{row.code} {row.name}（责任单位：{row.department}），本文件由
                {row.sender}报送：
                {row.cells
                  .map(
                    (c) =>
                      `${c.year}年 ${props.show(c.oldValue, row.code)} → ${props.show(c.newValue, row.code)}` +
                      (inConflict().has(conflictKey(row.code, c.year))
                        ? '（与其他文件的数值不同，请在上方“冲突”中选择）'
                        : c.oldValue !== undefined
                          ? '（覆盖已有数值）'
                          : ''),
                  )
                  .join('，')}
              </li>
            )}
          </For>
        </ul>
        <label class="leave-out">
          <input
            type="checkbox"
            checked={props.leaveOutOthers}
            onChange={(e) => props.setLeaveOutOthers(e.currentTarget.checked)}
          />
          不导入这些行的数值（留待责任单位报送，工作簿中的数值保持不变）
        </label>
      </Show>

      <Show when={props.plan.noFigures.length > 0}>
        <h3>报送了但没有数值的指标（写着“待统计”“暂缺”“—”等，不导入，单元格保持不变；请催报）</h3>
        <p class="hint">
          请联系
          {[...noFigureCounts()]
            .map(([department, count]) => `${department || '（未填责任单位）'}（${count} 项）`)
            .join('、')}
          补报这些数值；收到后再导入，或在表格中直接填写。
        </p>
        <ul class="no-figures" aria-label="报送了但没有数值的指标">
          <For each={noFigures.shown()}>
            {(row) => (
              <li>
                {row.file} 第 {row.line} 行：{row.code} {row.name}（{row.department || '未填责任单位'}）：
                {row.cells.map((c) => `${c.year}年：${c.text}`).join('，')}
              </li>
            )}
          </For>
        </ul>
        <ShowMore list={noFigures} what="项没有数值的指标" note="不导入" />
      </Show>

      <Show when={props.plan.remarks.length > 0}>
        <h3>报送单位的说明（不导入，请阅读后决定是否需要核实）</h3>
        <ul class="remarks" aria-label="报送单位的说明">
          <For each={remarks.shown()}>
            {(remark) => (
              <li>
                {remark.file} 第 {remark.line} 行“{remark.column}”列：{remark.code} {remark.name}：
                {remark.text}
              </li>
            )}
          </For>
        </ul>
        <ShowMore list={remarks} what="条说明" note="不导入" />
      </Show>

      <Show when={cellCount(props.plan) > 0}>
        <h3>将修改的单元格</h3>
        {/* A tab stop of its own: the list scrolls in its box, and with no button in it the keyboard could not
            reach it (the dialog's Tab goes round its fields and buttons only). */}
        <div class="scroll" role="region" aria-label="将修改的单元格" tabindex="0">
          <table aria-label="将修改的单元格">
            <thead>
              <tr>
                <th>代码</th>
                <th>指标</th>
                <th>年份</th>
                <th>原值</th>
                <th>新值</th>
                <th>来源</th>
              </tr>
            </thead>
            <tbody>
              <For each={updates.shown()}>
                {(u) => {
                  // A row is drawn once and never changes: its texts are worked out here, so that they are written
                  // as they are, without the reactive binding each expression in the markup would get (200 rows).
                  const { code, name, year, file, line } = u;
                  const overwrite = u.oldValue !== undefined ? 'overwrite' : undefined;
                  const oldValue = props.show(u.oldValue, u.code);
                  const newValue = props.show(u.newValue, u.code);
                  const check = questioned().has(lineYearKey(u.file, u.line, u.code, u.year)) ? (
                    <strong class="question">（请核实）</strong>
                  ) : null;
                  const otherDepartment = otherCells().get(lineKey(u.file, u.line, u.code));
                  return (
                    <tr class={overwrite}>
                      <td>{code}</td>
                      <td>{name}</td>
                      <td>{year}</td>
                      <td>{oldValue}</td>
                      <td>
                        {newValue}
                        {check}
                      </td>
                      <td>
                        {file} 第 {line} 行
                        {otherDepartment ? (
                          <strong class="question">
                            （{otherDepartment}负责{props.leaveOutOthers ? '，不导入' : ''}）
                          </strong>
                        ) : null}
                      </td>
                    </tr>
                  );
                }}
              </For>
            </tbody>
          </table>
          <ShowMore list={updates} what="个单元格" note="应用时一并处理" />
        </div>
      </Show>

      <Show when={props.plan.newRows.length > 0}>
        <h3>新增指标（工作簿中没有的代码）</h3>
        {/* Another plan's file adds all its lines as rows: said before 应用, not after. */}
        <For each={filesOfOnlyNewRows(props.plan)}>
          {(only) => (
            <p class="import-caution" role="note">
              ⚠ {quoted(only.file)}中没有一行是本工作簿已有的指标：应用后其 {only.rows}{' '}
              行都将作为新指标加入。如是别的规划或工作簿的文件，请点“取消”；确是新增的指标，再点“应用”。
            </p>
          )}
        </For>
        <p class="hint">
          应用后这些行将作为新指标加入工作簿（规划原文中没有，目标等请在表格中核对补填）；如是代码填错了，请“取消”，改正代码后再导入。
        </p>
        <ul aria-label="新增指标">
          <For each={newRows.shown()}>
            {(row) => (
              <li>
                {row.indicator.code} {row.indicator.name}（{row.file} 第 {row.line} 行
                {row.indicator.department ? `，责任单位 ${row.indicator.department}` : ''}
                {Object.keys(row.indicator.values).length > 0
                  ? `，含 ${Object.keys(row.indicator.values).length} 个年份的数值`
                  : '，没有年份数值'}
                ）
              </li>
            )}
          </For>
        </ul>
        <ShowMore list={newRows} what="项新增指标" note="应用时一并处理" />
      </Show>

      <Show when={props.plan.ignored.length > 0}>
        <h3>忽略的行</h3>
        <ul aria-label="忽略的行">
          <For each={ignored.shown()}>
            {(row) => (
              <li>
                {row.file} 第 {row.line} 行“{row.label}”：{row.reason}
              </li>
            )}
          </For>
        </ul>
        <ShowMore list={ignored} what="行" note="应用时一并处理" />
      </Show>
    </div>
  );
}

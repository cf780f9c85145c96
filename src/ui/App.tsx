import { createMemo, createSignal, For, onCleanup, onMount, Show, untrack } from 'solid-js';
import { makeAutosave, type Autosave, type SaveState } from '../app/autosave';
import { makeRowSync, type RowSync } from '../app/row-sync';
import { makeTabSync } from '../app/tab-sync';
import {
  DEFAULT_LICENSE_KEY,
  DEFAULT_WORKBOOK_ID,
  downloadCsv,
  downloadHistoryCsv,
  LAST_WORKBOOK_SETTING,
  rememberShownInThisTab,
  carryNotice,
  carryCell,
  takeCarriedCell,
  workbookHref,
  LICENSE_SETTING,
  THRESHOLDS_SETTING,
  CLERK_SETTING,
  ORGANISATION_SETTING,
  type Session,
  downloadPlanningCsv,
} from '../app/session';
import { DEPARTMENTS } from '../grid/columns';
import { makeWorkbookGrid, type CellInfo, type WorkbookGrid } from '../grid/workbook-grid';
import { SAMPLE_LABEL } from '../model/sample-data';
import { importSources, TYPED, UNDONE_ACTIONS, undoSource, type MergeConflict } from '../model/history';
import { summarizeByArea } from '../model/status-summary';
import { HistoryDialog } from './HistoryDialog';
import { RowPanel } from './RowPanel';
import { VersionsDialog } from './VersionsDialog';
import { SummaryPanel } from './SummaryPanel';
import { AREAS } from '../model/indicator';
import { describeStorageError, WorkbookGoneError, type StorageFailure } from '../store/storage-errors';
import type { StoredStamp } from '../store/workbook-repository';
import { chartDataFor, type ChartData } from '../charts/chart-data';
import { describeTarget } from '../grid/columns';
import { buildReport } from '../model/report';
import { ChartDialog } from './ChartDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { ReportView } from './ReportView';
import { BusyNotice } from './BusyNotice';
import { withBusyNotice } from './after-paint';
import { WorkbooksDialog } from './WorkbooksDialog';
import { ExportDialog, type ExportScope } from './ExportDialog';
import { basisOf } from './projection-basis';
import { ImportDialog, leftOutNote } from './ImportDialog';
import { tickChanges, type TargetProposal } from '../io/planning-sheet-import';
import { MoreMenu } from './MoreMenu';
import { historyYearsFrom, yearColumns } from '../model/workbook';
import { previousPeriodNote } from '../model/planning';
import { SettingsDialog, type Settings } from './SettingsDialog';
import { focusedBeforeModal, installModalKeys, topmostModal } from './modal-focus';
import { quoted } from '../model/quote';
import { sameThresholds } from '../model/threshold-entry';
import { exampleVersionName } from '../model/version-name';

/** In place of a row's code: the whole workbook's change history (no code has a NUL in it). */
const ALL_ROWS = '\u0000all';
/** Keys that move or start editing in the grid: with nothing selected, the first of them selects a cell. */
const START_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', 'F2', 'Home', 'End']);
/**
 * A key a clerk presses for the grid with the focus on the page: moving, starting to type or edit, deleting, and
 * Ctrl+Z / Ctrl+Y / Ctrl+D / Ctrl+V. Not Ctrl+C or Ctrl+X: text selected on the page (the row panel's) is hers to copy.
 */
function keyForTheGrid(event: KeyboardEvent): boolean {
  if (event.altKey) return false;
  if (event.ctrlKey || event.metaKey) return ['z', 'y', 'd', 'v'].includes(event.key.toLowerCase());
  return (
    START_KEYS.has(event.key) ||
    ['Delete', 'Backspace', 'PageUp', 'PageDown'].includes(event.key) ||
    event.key.length === 1
  );
}
/**
 * Made once, when the grid is ready (see onMount): building a date formatter costs tens of milliseconds, which
 * start-up or the first edit would otherwise pay.
 */
let savedTime: Intl.DateTimeFormat | undefined;
const formatSavedTime = (at: Date) =>
  (savedTime ??= new Intl.DateTimeFormat('zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })).format(at);

/** Tell the clerk which fields another tab had saved and this tab's save replaced (both are in the history). */
/** A sample's title before its label (the label is shown apart, as a tag); a renamed sample's title as it is. */
function sampleTitleName(title: string): string {
  return title.endsWith(`·${SAMPLE_LABEL}`) ? title.slice(0, -SAMPLE_LABEL.length - 1) : title;
}

/** The first three cells of a banner, then how many in all: "H08 … 替换；H09 … 替换等 5 处". */
function firstCells(conflicts: MergeConflict[], describe: (c: MergeConflict) => string): string {
  const more = conflicts.length > 3 ? `等 ${conflicts.length} 处` : '';
  return conflicts.slice(0, 3).map(describe).join('；') + more;
}

function conflictNotice(conflicts: MergeConflict[]): string {
  const shown = firstCells(
    conflicts,
    (c) => c.note ?? `${c.code} ${c.rowName} ${c.label}：另一窗口的“${c.theirs}”被本窗口的“${c.mine}”替换`,
  );
  const headline = conflicts.some((c) => !c.note) ? '注意：两个窗口改了同一单元格。' : '注意：';
  return `${headline}${shown}。原值都记在修改记录中。`;
}

/**
 * Tell the clerk of the tab that lost a same-cell race (both saved before hearing of the other) that its figure
 * was replaced: the other tab's banner (conflictNotice) is seen only there, and the clerk who typed this figure
 * is the one who can say which is right.
 */
function replacedNotice(conflicts: MergeConflict[]): string {
  const shown = firstCells(
    conflicts,
    (c) => `${c.code} ${c.rowName} ${c.label}：本窗口的“${c.theirs}”被另一窗口的“${c.mine}”替换`,
  );
  return `注意：两个窗口改了同一单元格。${shown}。请核对哪个数值正确；两个数值都记在修改记录中。`;
}

/** The ticks a 目标测算表 put on and took off, for the 已导入 notice ("，确定沿用 2 项、取消“已确定” 1 项"). */
function ticksSaid(targets: readonly TargetProposal[]): string {
  const { on, off } = tickChanges(targets);
  const said = [...(on > 0 ? [`确定沿用 ${on} 项`] : []), ...(off > 0 ? [`取消“已确定” ${off} 项`] : [])];
  return said.length > 0 ? `（${said.join('、')}）` : '';
}

export function App(props: { session: Session }) {
  // The session is fixed for the life of the page (a new licence key or threshold reloads the page).
  // eslint-disable-next-line solid/reactivity
  const { workbook, repository, licenseKey, thresholds } = props.session;
  // The clerk's name and office change in 设置 without the page being built again: her undo steps and her cell stay.
  // eslint-disable-next-line solid/reactivity
  const [clerk, setClerk] = createSignal(props.session.clerk);
  // eslint-disable-next-line solid/reactivity
  const [organisation, setOrganisation] = createSignal(props.session.organisation);
  const [saveState, setSaveState] = createSignal<SaveState>({ status: 'saved', at: null });
  // eslint-disable-next-line solid/reactivity
  const [failure, setFailure] = createSignal<StorageFailure | null>(props.session.failure);
  /**
   * The workbook was deleted for good in another tab: nothing more can be saved into it, and what the page shows
   * is only here. The banner then offers to keep it as a new workbook (and 导出CSV), whatever failure follows.
   */
  const [gone, setGone] = createSignal(false);
  /** Show a storage failure; a workbook found gone stays said (its banner keeps 另存为新工作簿). */
  const showFailure = (shown: StorageFailure) => {
    if (shown.kind === 'gone') setGone(true);
    setFailure(shown);
  };
  const workbookGone = () => showFailure(describeStorageError(new WorkbookGoneError(workbook.id), 'read'));
  /** Set once the page's rows are kept elsewhere (另存为新工作簿) and the page is leaving: nothing to ask. */
  let keptElsewhere = false;
  /** 另存为新工作簿 is running, or done and the page is leaving for the new workbook. */
  let savingAsNew = false;
  /** Set when the browser was told to ask before the page goes (see warnUnsaved): the clerk may stay. */
  let askedBeforeLeaving = false;
  const [selection, setSelection] = createSignal<CellInfo | null>(null);
  const [shownRows, setShownRows] = createSignal(workbook.indicators.length);
  const [totalRows, setTotalRows] = createSignal(workbook.indicators.length);
  const [invalidCells, setInvalidCells] = createSignal(0);
  const [pendingDelete, setPendingDelete] = createSignal<{ code: string; name: string }[] | null>(null);
  const [showSettings, setShowSettings] = createSignal(false);
  const [showExport, setShowExport] = createSignal(false);
  const [showImport, setShowImport] = createSignal(false);
  const [showReport, setShowReport] = createSignal(false);
  /** 打印报告 was clicked on a large workbook: the notice is on screen while the report is built. */
  const [preparingReport, setPreparingReport] = createSignal(false);
  const [showWorkbooks, setShowWorkbooks] = createSignal(false);
  const [showVersions, setShowVersions] = createSignal(false);
  /** Fields this tab's save wrote over another tab's value: told in a banner until the clerk closes it. */
  const [conflict, setConflict] = createSignal('');
  /**
   * A notice for the banner, added to one still there: one save of another tab can both delete the row being
   * typed in and win a cell race, and the second notice replaced the first (with what was typed).
   */
  const addConflict = (text: string) => {
    const shown = untrack(conflict);
    setConflict(shown && shown !== text ? `${shown}\n${text}` : text);
  };
  /** Whether 撤销 / 重做 have anything to do (they are greyed out otherwise, as in Excel). */
  const [undoable, setUndoable] = createSignal({ undo: false, redo: false });
  /** The row whose change history is shown, or ALL_ROWS for the whole workbook's. */
  const [historyOf, setHistoryOf] = createSignal<string | null>(null);
  // eslint-disable-next-line solid/reactivity
  const [notice, setNotice] = createSignal(props.session.notice);
  const [area, setArea] = createSignal('');
  const [department, setDepartment] = createSignal('');
  const [searchHits, setSearchHits] = createSignal<number | null>(null);
  const [attentionOnly, setAttentionOnly] = createSignal(false);
  const [showSummary, setShowSummary] = createSignal(false);
  /** Bumped after every edit so derived views (row panel, summary) read the grid again. */
  const [version, setVersion] = createSignal(0);
  const [chart, setChart] = createSignal<ChartData | null>(null);
  // What the chart's projection rests on, said under it (as in the row panel).
  const [chartBasis, setChartBasis] = createSignal<string | null>(null);
  /** Every row's computed projection and status, read again after each edit. */
  const reports = createMemo(() => (showSummary() || showReport() ? (version(), grid?.reports() ?? []) : []));
  // A memo: the report reads its years once per value while choosing its default year (a prop expression is
  // evaluated on every read, and this one walks every row).
  // A report is for a year of the plan's period: from its base year (2018/2019 exist only for 近视率's baseline).
  const reportYears = createMemo(() =>
    showReport()
      ? yearColumns({ ...workbook, indicators: reports().map((r) => r.indicator) }).filter(
          (y) => y >= workbook.baseYear,
        )
      : [],
  );
  // Memos, because the panel reads each more than once and each walks every row.
  const areaSummary = createMemo(() =>
    showSummary()
      ? summarizeByArea(reports().map((r) => ({ area: r.indicator.area, status: r.status })))
      : [],
  );
  const warnings = createMemo(() =>
    showSummary()
      ? // Read today: once the target year is over, a row still without its figure is listed as 待补报 (the report's
        // words), not by a trend's bare status.
        buildReport(
          workbook.title,
          reports(),
          workbook.targetYear,
          'annual',
          describeTarget,
          thresholds,
          new Date().getFullYear(),
        ).warnings
      : [],
  );

  let container: HTMLDivElement | undefined;
  let summaryButton: HTMLButtonElement | undefined;
  let searchInput: HTMLInputElement | undefined;
  let grid: WorkbookGrid | undefined;
  let autosave: Autosave | undefined;
  let rowSync: RowSync | undefined;
  /** Set while an import is applied: its rows are marked for saving afterwards, with their files. */
  let importing = false;
  /**
   * Without storage (IndexedDB blocked) nothing is ever saved: once the clerk has changed anything, closing the
   * page loses it, so the browser asks first — as after a failed save.
   */
  let changedWithoutStorage = false;
  /** An applied import's rows not yet marked for saving (they are, once the grid has been drawn). */
  let markImportNow: (() => void) | undefined;
  /**
   * The notice of an import still being saved, and what it says once saved (or once the save failed): 已导入 alone,
   * while 10,000 rows took seconds to write, read as done — a browser closed then lost the import.
   */
  let importSaving: { saving: string; saved: string; failed: string } | null = null;
  const settleImportNotice = (state: SaveState) => {
    if (!importSaving || (state.status !== 'saved' && state.status !== 'error')) return;
    // Said only if the clerk has not moved on (another cell selected clears the notice). A failed save is tried
    // again: the notice follows until the import is saved.
    const shown = notice() === importSaving.saving || notice() === importSaving.failed;
    if (state.status === 'error') {
      if (shown) setNotice(importSaving.failed);
      return;
    }
    if (shown) setNotice(importSaving.saved);
    importSaving = null;
  };
  /** Run `mark` after the next frame is drawn; at the latest after 200 ms (a hidden page draws no frames). */
  const afterNextFrame = (mark: () => void) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      markImportNow = undefined;
      mark();
    };
    markImportNow = once;
    requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, 200);
  };
  /** Said by the grid while another tab's rows are put in (undo steps dropped): added to the sync's notice. */
  let syncNote = '';
  // Another tab saved this workbook: take its rows in (the clerk's own unsaved edits stay).
  const tabSync = makeTabSync(
    workbook.id,
    (codes, replaced, stamp) => onOtherTabSaved(codes, replaced, stamp),
    // Said at once, before the clerk types anything more into a workbook that is no longer stored.
    workbookGone,
    // Moved to 已删除 in another tab: what is typed here is still saved into it, but it is no longer listed in 工作簿
    // (a week's figures typed into a workbook in 已删除, unsaid, and gone with it once deleted for good).
    () =>
      setNotice(
        '此工作簿已在另一个窗口（标签页）中被删除（移到了“已删除”）：在这里的修改仍会保存到它里面，但“工作簿”列表中不再显示它。如仍要使用，请在“工作簿”→“已删除”中恢复它。',
      ),
  );
  const onOtherTabSaved = (codes: string[] | null, replaced: MergeConflict[], stamp: StoredStamp | null) => {
    if (!rowSync) return;
    const sync = rowSync;
    sync
      .pull(codes, stamp)
      .then((count) => {
        const note = syncNote;
        syncNote = '';
        const lost = sync.replacedOwn(replaced);
        if (lost.length > 0) addConflict(replacedNotice(lost));
        if (count === 0) return;
        refreshCounts();
        setNotice(`另一个窗口（标签页）保存了修改，已同步到本页（${count} 项指标）。${note}`);
      })
      .catch((error: unknown) => {
        console.warn("[storage] reading another tab's save failed:", error);
        showFailure(describeStorageError(error, 'read'));
      });
  };
  onCleanup(() => tabSync.dispose());

  const refreshCounts = () => {
    if (!grid) return;
    setVersion((v) => v + 1);
    setShownRows(grid.countRows());
    setTotalRows(grid.countAllRows());
    setInvalidCells(grid.countInvalidCells());
  };

  // On thousands of rows the report takes seconds to build, all in one task: the notice is painted first, or the
  // click seemed to do nothing until the report appeared (16 s on 5,000 rows on a busy 2-core machine).
  const openReport = () => {
    if (showReport() || preparingReport()) return;
    withBusyNotice(totalRows(), setPreparingReport, () => setShowReport(true));
  };

  /**
   * After a dialog closes: the keys back to the grid's selected cell, so the arrow keys and Ctrl+Z work at once.
   * With no cell selected, the focus goes back to what opened the dialog (a toolbar button), never to the page's
   * body, where Tab would start again from the top of the page.
   */
  const backToGrid = (fallback?: HTMLElement) => {
    const opener = focusedBeforeModal() ?? fallback;
    // Listening again even without a selected cell: Ctrl+Z right after an import undoes it.
    grid?.focus();
    const active = document.activeElement;
    if ((!active || active === document.body) && opener) opener.focus();
  };

  onMount(() => {
    if (!container) return;
    autosave = makeAutosave({
      // Edits arrive whole (a cell on Enter, a paste, an import), so they are written at once; edits made while
      // a write runs are collected and written together right after it.
      delayMs: 0,
      write: async (changes) => {
        if (!rowSync) throw new Error('storage unavailable');
        const conflicts = await rowSync.write(changes);
        // Said already (onUndoCleared), by this save, not by a sync to come.
        syncNote = '';
        tabSync.announceSave(
          workbook.id,
          changes.structure ? null : [...changes.rows],
          conflicts.filter((c) => !c.note),
          rowSync.written(),
        );
        if (conflicts.length > 0) setConflict(conflictNotice(conflicts));
      },
      // The workbook deleted for good in another tab: trying again every few seconds only says so again.
      retries: (error) => !(error instanceof WorkbookGoneError),
      onState: (state) => {
        setSaveState(state);
        settleImportNotice(state);
        if (state.status === 'error') {
          console.warn('[storage] write failed:', state.error);
          showFailure(describeStorageError(state.error, 'write'));
        }
        if (state.status === 'saved' && failure()?.kind !== 'unavailable' && !gone()) setFailure(null);
      },
    });
    // (A new row added before the versions' codes are read may take one of them: said if the read fails.)
    props.session.versionCodesRead.catch((error: unknown) => {
      console.warn("[storage] reading the versions' row codes failed:", error);
      showFailure(describeStorageError(error, 'read'));
    });
    grid = makeWorkbookGrid(container, workbook, {
      licenseKey,
      knownCodes: props.session.knownCodes,
      thresholds,
      events: {
        onRowsChanged: (codes, source, undone) => {
          if (!repository) changedWithoutStorage = true;
          // An import's rows are saved and counted after the frame that shows them (see onApply).
          if (importing) return;
          // The history says which of 撤销 / 重做 made a change, and what it took back (撤销删除指标).
          if (repository)
            autosave?.markRows(
              codes,
              source.startsWith('UndoRedo')
                ? undoSource(source === 'UndoRedo.redo' ? 'redo' : 'undo', undone)
                : TYPED,
            );
          refreshCounts();
        },
        onStructureChanged: () => {
          if (!repository) changedWithoutStorage = true;
          if (repository) autosave?.markStructure();
          queueMicrotask(refreshCounts);
        },
        // The status bar's last notice ("已导入…可点撤销") would otherwise still say so after the undo.
        onUndoRedo: (kind, actionType) => {
          setNotice(undoRedoNotice(kind, actionType));
          // 撤销 of a filter: the toolbar shows the filter the grid has now (it kept showing the undone one).
          if (actionType === 'filter' && grid) {
            const now = grid.filterState();
            setArea(now.area);
            setDepartment(now.department);
            setAttentionOnly(now.attentionOnly);
            refreshCounts();
          }
        },
        onOverwroteUnseen: addConflict,
        onTypingLost: addConflict,
        onUndoCleared: (message) => {
          // Shown at once (also when it follows this tab's own save); a sync's notice that follows includes it.
          syncNote = message;
          setNotice(message);
        },
        onNotice: setNotice,
        onUndoAvailability: (undo, redo) => setUndoable({ undo, redo }),
        onNothingToUndo: (kind) => setNotice(nothingToUndoNotice(kind)),
        onSelectionChanged: (info) => {
          // A notice ("已导入…", "已撤销…", "目标未改…") is shown until the clerk moves on to another cell (the grid
          // selects the same cell again when an editor stays open on a text it refused).
          const before = selection();
          if (!before || !info || before.code !== info.code || before.column !== info.column) setNotice('');
          setSelection(info);
          setVersion((v) => v + 1);
        },
      },
    });
    if (repository)
      rowSync = makeRowSync({
        repository,
        workbook,
        rows: {
          getIndicators: () => grid!.getIndicators(),
          getIndicator: (code) => grid!.getIndicator(code),
          // Rows another tab added or changed, taken in by a pull or by this tab's own save: the counts follow.
          applyExternal: (rows, removed) => {
            grid!.applyExternal(rows, removed);
            refreshCounts();
          },
        },
        clerk,
        markUnsaved: (codes) => autosave?.markRows(codes),
        // The clerk's new row under another code: said as when this tab's own save renumbers it.
        onRecoded: (conflicts) => addConflict(conflictNotice(conflicts)),
      });
    refreshCounts();
    // Reloaded by 设置 (a new threshold): back on her cell. Selecting it clears the status bar: the carried notice
    // (设置已保存…) is said again.
    const carried = takeCarriedCell();
    if (carried && grid.selectCell(carried.code, carried.column)) setNotice(props.session.notice);
    // The grid is drawn with the workbook: `npm run bench` measures cold start and opening up to this mark.
    performance.mark('workbook-ready');
    setTimeout(() => formatSavedTime(new Date()), 0);

    // Flush at once when the page is hidden or closed, so a quick close does not lose the last edit.
    const flushNow = () => {
      markImportNow?.();
      void autosave?.flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flushNow();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flushNow);
    // While edits are only in this page the browser asks before the page is closed or reloaded: after a failed
    // save, while a save is still being written (a write the closing page starts or has not finished — an import's
    // takes seconds — is dropped with it: a figure entered the instant before closing the tab was lost unsaid), and
    // while a figure is typed in an open editor but not entered yet.
    const warnUnsaved = (event: BeforeUnloadEvent) => {
      const unsaved = autosave?.hasPending() === true || grid?.typingUnentered() === true;
      if (keptElsewhere || (!unsaved && !changedWithoutStorage)) return;
      askedBeforeLeaving = true;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warnUnsaved);
    onCleanup(installModalKeys());
    const onKey = (event: KeyboardEvent) => {
      // A dialog keeps the keys: Ctrl+F and Alt+C do not reach the page behind it.
      if (topmostModal()) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchInput?.focus();
        searchInput?.select();
      }
      // Opened, restored or reloaded, nothing is selected and the page has the focus: the arrow keys did nothing
      // until the clerk clicked a cell. The first one selects the top-left cell, as a spreadsheet opens on A1.
      const idle = !document.activeElement || document.activeElement === document.body;
      if (
        idle &&
        !selection() &&
        START_KEYS.has(event.key) &&
        !event.ctrlKey &&
        !event.altKey &&
        !event.metaKey
      ) {
        // Not passed on: the grid, listening once the cell is selected, would move on from it at once.
        event.preventDefault();
        event.stopPropagation();
        grid?.selectFirstCell();
        return;
      }
      // A cell is selected, but a click on the page to read it (the row panel, the status bar) took the keys from the
      // grid: the focus is on the page itself, and the arrows, a figure or Ctrl+Z did nothing. They are the grid's
      // again, this very key too (the grid hears it after this listener, the window's, in capture).
      if (idle && selection() && keyForTheGrid(event)) grid?.focus();
      // Alt+C: the chart of the selected row, without leaving the keyboard.
      if (event.altKey && !event.ctrlKey && event.code === 'KeyC') {
        const code = selection()?.code;
        if (code) {
          event.preventDefault();
          openChart(code);
        }
      }
    };
    window.addEventListener('keydown', onKey, true);
    onCleanup(() => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', warnUnsaved);
      window.removeEventListener('keydown', onKey, true);
      autosave?.dispose();
      grid?.destroy();
    });
  });

  const applyFilters = () => {
    grid?.setFilters({ area: area(), department: department(), attentionOnly: attentionOnly() });
    refreshCounts();
  };

  const exportCsv = (scope: ExportScope) => {
    if (!grid) return;
    const rows =
      scope.kind === 'all'
        ? grid.getIndicators()
        : scope.kind === 'visible'
          ? grid.getVisibleIndicators()
          : grid.getIndicators().filter((r) => r.department === scope.department);
    const scopeName =
      scope.kind === 'all'
        ? '全部指标'
        : scope.kind === 'visible'
          ? '当前筛选'
          : `${scope.department}_填报模板`;
    const fileName = downloadCsv(workbook, rows, scopeName);
    setShowExport(false);
    backToGrid();
    // Said, as a backup is: the file went to the browser's downloads without a word, and a template's next step
    // is the clerk's to take.
    const next =
      scope.kind === 'department' ? `：发给${scope.department}填写，发回后点“导入CSV”导入。` : '。';
    setNotice(`已导出 ${rows.length} 项指标到文件“${fileName}”（见浏览器的“下载”）${next}`);
  };

  /** Departments of the workbook's rows, in the usual order first, then any the office added. */
  const departmentsInUse = () => {
    const used = new Set(
      (grid?.getIndicators() ?? workbook.indicators).map((r) => r.department).filter(Boolean),
    );
    const known: readonly string[] = DEPARTMENTS;
    return [...known.filter((d) => used.has(d)), ...[...used].filter((d) => !known.includes(d))];
  };

  const openChart = (code: string) => {
    const report = grid?.report(code);
    if (!report) return;
    setChartBasis(basisOf(report));
    setChart(chartDataFor(report.indicator, report.projected, thresholds));
  };

  const askDelete = () => {
    const rows = grid?.selectedRows() ?? [];
    if (rows.length === 0) {
      setNotice('请先在表格中选中要删除的指标所在行。');
      return;
    }
    setPendingDelete(rows);
  };

  /** Sample workbooks to delete, once the clerk confirms: this one and any copy or next plan made from it. */
  const [pendingSampleDelete, setPendingSampleDelete] = createSignal<{ id: string; title: string }[] | null>(
    null,
  );
  const askDeleteSample = async () => {
    try {
      const samples = (await repository?.listWorkbooks()) ?? [];
      setPendingSampleDelete(
        samples.filter((w) => w.isSample || w.id === workbook.id).map(({ id, title }) => ({ id, title })),
      );
    } catch (error) {
      setFailure(describeStorageError(error, 'read'));
    }
  };
  const deleteSample = async (ids: string[]) => {
    try {
      autosave?.dispose();
      for (const id of ids) {
        await repository?.deleteWorkbook(id);
        tabSync.announceDeleted(id);
      }
      location.href = location.pathname;
    } catch (error) {
      setFailure(describeStorageError(error, 'write', '删除示例数据'));
    }
  };

  const saveSettings = async (settings: Settings) => {
    try {
      await autosave?.flush();
      if (!repository) throw new Error('storage unavailable');
      await repository.setSetting(CLERK_SETTING, settings.clerk);
      await repository.setSetting(ORGANISATION_SETTING, settings.organisation);
      await repository.setSetting(LICENSE_SETTING, settings.licenseKey);
      await repository.setSetting(THRESHOLDS_SETTING, settings.thresholds);
      if (settings.licenseKey === licenseKey && sameThresholds(settings.thresholds, thresholds)) {
        // A name or an office: taken in place, so Ctrl+Z still takes back what she typed before, from her cell.
        setClerk(settings.clerk);
        setOrganisation(settings.organisation);
        setShowSettings(false);
        setNotice('设置已保存。');
        backToGrid();
        return;
      }
      // The grid reads its licence key and thresholds when it is built: reload to build it again (data is saved),
      // on the cell she was on. Its undo steps cannot come along: said, so a Ctrl+Z that does nothing is expected.
      const cell = selection();
      if (cell) carryCell(cell);
      carryNotice(
        undoable().undo || undoable().redo
          ? '设置已保存。页面已按新设置重新载入：之前的修改都已保存，但不能再撤销。'
          : '设置已保存。',
      );
      location.reload();
    } catch (error) {
      // Said as the settings' failure (it read 最近的修改尚未保存。将自动重试, which nothing would do).
      setFailure(
        repository
          ? describeStorageError(error, 'write', '保存设置')
          : {
              kind: 'unavailable',
              message:
                '无法使用浏览器的本地存储（IndexedDB），设置没有保存（可能是无痕/隐私窗口或浏览器设置禁用了网站数据）：' +
                '请用普通窗口打开后再设置；关闭页面前请点“导出CSV”保存当前表格。',
              detail: String(error),
            },
      );
      setShowSettings(false);
      backToGrid();
    }
  };

  /**
   * The workbook was deleted for good in another tab: what this page shows (the clerk's unsaved edits included)
   * becomes a new workbook, which the page then opens. Its name says where it came from.
   */
  const saveAsNewWorkbook = async () => {
    // A double click (or a second click while it runs) made a second new workbook of the same name.
    if (!repository || !grid || savingAsNew) return;
    savingAsNew = true;
    try {
      const taken = new Set(
        (await repository.listWorkbooks()).filter((w) => !w.deletedAt).map((w) => w.title),
      );
      let title = `${workbook.title}（另存）`;
      for (let n = 2; taken.has(title); n += 1) title = `${workbook.title}（另存）${n}`;
      const at = new Date().toISOString();
      // Stored under a new id saveNewWorkbook makes (not the deleted workbook's).
      const id = await repository.saveNewWorkbook({
        ...workbook,
        title,
        indicators: grid.getIndicators(),
        createdAt: at,
        updatedAt: at,
      });
      keptElsewhere = true;
      autosave?.dispose();
      try {
        await repository.setSetting(LAST_WORKBOOK_SETTING, id);
      } catch (error) {
        // Only what a bare address opens next time; the new workbook is saved and opened below.
        console.warn('[storage] could not remember the workbook opened:', error);
      }
      carryNotice(
        `已将原工作簿${quoted(workbook.title)}页面上的全部内容另存为新工作簿${quoted(title)}，并已打开。`,
      );
      rememberShownInThisTab(id);
      location.href = workbookHref(id);
    } catch (error) {
      console.warn('[storage] saving as a new workbook failed:', error);
      showFailure(describeStorageError(error, 'write', '另存为新工作簿'));
      savingAsNew = false;
    }
  };

  /**
   * Go to another workbook after saving pending edits. Resolves false when the page stays after all: the browser
   * asked first (edits not saved, see warnUnsaved; it asks before the assignment returns) and the clerk may have
   * chosen to stay, so the caller must answer again.
   */
  const leaveFor = async (target: string): Promise<boolean> => {
    // A failed flush leaves its edits pending: the browser then asks before the page goes.
    await autosave?.flush();
    try {
      await repository?.setSetting(LAST_WORKBOOK_SETTING, target);
    } catch (error) {
      // Only a preference (what a bare address opens next time): the page opened next reads
      // storage itself and shows any failure there.
      console.warn('[storage] could not remember the workbook opened:', error);
    }
    askedBeforeLeaving = false;
    rememberShownInThisTab(target);
    location.href = workbookHref(target);
    return !askedBeforeLeaving;
  };

  /** A row's history or the whole workbook's, after saving pending edits (so the last edit is in it). */
  const loadHistory = async (code: string) => {
    await autosave?.flush();
    if (!repository) throw new Error('storage unavailable');
    return code === ALL_ROWS
      ? repository.workbookHistory(workbook.id)
      : repository.rowHistory(workbook.id, code);
  };

  const saveText = () => {
    if (!repository) return '未保存：浏览器存储不可用';
    const state = saveState();
    switch (state.status) {
      case 'saved':
        return state.at ? `已自动保存 ${formatSavedTime(state.at)}` : '已保存在本浏览器';
      case 'pending':
        return '有修改，即将保存…';
      case 'saving':
        return '正在保存…';
      case 'error':
        return '保存失败';
    }
  };

  return (
    <div class="app">
      <header class="app-header">
        <h1 title={workbook.title}>
          {/* The sample says so whole beside its name, which gives way first (cut with …, whole in the tooltip):
              the one title, cut at its end, lost 示例数据（模拟，非真实统计） at 1366 pixels. */}
          <Show when={workbook.isSample} fallback={workbook.title}>
            <span class="title-name">{sampleTitleName(workbook.title)}</span>
            <span class="title-sample">{SAMPLE_LABEL}</span>
          </Show>
        </h1>
        <span class="period">
          基期 {workbook.baseYear} 年 · 目标年 {workbook.targetYear} 年
        </span>
        <span class="save-state" role="status" data-state={repository ? saveState().status : 'unavailable'}>
          {saveText()}
        </span>
        <Show when={repository}>
          {/* Backup is in this dialog: a clerk looking for 备份 in the header's words found it nowhere. */}
          <button
            type="button"
            class="link"
            title="新建下一期规划，复制、重命名、删除工作簿；备份全部到文件、从备份文件恢复"
            onClick={() => setShowWorkbooks(true)}
          >
            工作簿
          </button>
        </Show>
        <Show when={repository}>
          <button
            type="button"
            class="link"
            title={`保存、比较和恢复命名版本，如“${exampleVersionName(workbook)}”`}
            onClick={() => setShowVersions(true)}
          >
            版本
          </button>
        </Show>
        <Show when={repository}>
          <button
            type="button"
            class="link"
            title="本工作簿所有指标的修改记录：时间、原值、新值、来源和填报人，可按填报人、导入文件筛选并导出"
            onClick={() => setHistoryOf(ALL_ROWS)}
          >
            {/* Not "修改记录": that is the row panel's button, and one name for two buttons is ambiguous. */}
            历次修改
          </button>
        </Show>
        <button type="button" class="link" onClick={openReport}>
          打印报告
        </button>
        <button type="button" class="link" onClick={() => setShowSettings(true)}>
          设置
        </button>
      </header>

      <Show when={workbook.isSample}>
        <div class="banner sample" role="note">
          <strong>{SAMPLE_LABEL}</strong>
          <span>本工作簿的数值是随机生成的，只用于熟悉预测和预警功能，与正式工作簿完全分开。</span>
          <a href={location.pathname}>返回正式工作簿</a>
          <button type="button" onClick={() => void askDeleteSample()}>
            删除示例数据
          </button>
        </div>
      </Show>

      <Show when={pendingSampleDelete()}>
        {(samples) => (
          <ConfirmDialog
            title="删除示例数据"
            confirmLabel={`删除 ${samples().length} 个示例工作簿`}
            danger
            onCancel={() => {
              setPendingSampleDelete(null);
              backToGrid();
            }}
            onConfirm={() => {
              const ids = samples().map((w) => w.id);
              setPendingSampleDelete(null);
              backToGrid();
              void deleteSample(ids);
            }}
          >
            <p>将删除以下示例工作簿（含由示例数据复制或生成的工作簿），正式工作簿不受影响：</p>
            <ul>
              <For each={samples()}>{(w) => <li>{w.title}</li>}</For>
            </ul>
          </ConfirmDialog>
        )}
      </Show>

      <Show when={conflict()}>
        <div class="banner warn" role="alert">
          <span class="banner-lines">{conflict()}</span>
          <button type="button" onClick={() => setConflict('')}>
            知道了
          </button>
        </div>
      </Show>

      <Show when={failure()}>
        {(f) => (
          <div class="banner error" role="alert">
            <span>{f().message}</span>
            <Show when={gone()}>
              <button type="button" onClick={() => void saveAsNewWorkbook()}>
                另存为新工作簿
              </button>
            </Show>
            <button type="button" onClick={() => exportCsv({ kind: 'all' })}>
              导出CSV
            </button>
          </div>
        )}
      </Show>

      <div class="toolbar" role="toolbar" aria-label="表格工具">
        <form
          class="search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            if (!grid) return;
            if (searchHits() !== null && searchInput?.value) grid.searchNext();
            else setSearchHits(grid.search(searchInput?.value ?? ''));
          }}
        >
          <input
            ref={searchInput}
            type="search"
            // Short enough to be read whole in the narrow box of a 1280–1366-pixel screen; the tooltip says the rest.
            placeholder="搜索指标（Ctrl+F）"
            title="搜索指标名称、代码、规划原文等；按回车找下一个"
            aria-label="搜索"
            onInput={(e) => {
              const hits = grid?.search(e.currentTarget.value) ?? 0;
              setSearchHits(e.currentTarget.value.trim() ? hits : null);
            }}
            onKeyDown={(e) => {
              // Escape empties the box and gives the keys back to the grid, at the cell found last: the arrow
              // keys move on from there. (Not the Escape that cancels an input method's composition.)
              if (e.key !== 'Escape' || e.isComposing) return;
              e.preventDefault();
              e.currentTarget.value = '';
              grid?.search('');
              setSearchHits(null);
              backToGrid();
            }}
          />
          <Show when={searchHits() !== null}>
            <span class="hits">找到 {searchHits()} 处</span>
          </Show>
        </form>
        <label>
          领域
          <select
            aria-label="按领域筛选"
            value={area()}
            onChange={(e) => {
              setArea(e.currentTarget.value);
              applyFilters();
            }}
          >
            <option value="">全部领域</option>
            <For each={AREAS}>{(a) => <option value={a}>{a}</option>}</For>
          </select>
        </label>
        <label>
          责任单位
          <select
            aria-label="按责任单位筛选"
            value={department()}
            onChange={(e) => {
              setDepartment(e.currentTarget.value);
              applyFilters();
            }}
          >
            <option value="">全部单位</option>
            <For each={DEPARTMENTS}>{(d) => <option value={d}>{d}</option>}</For>
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={attentionOnly()}
            onChange={(e) => {
              setAttentionOnly(e.currentTarget.checked);
              applyFilters();
            }}
          />
          只看需关注
        </label>
        <button
          type="button"
          ref={summaryButton}
          aria-pressed={showSummary()}
          onClick={() => setShowSummary(!showSummary())}
        >
          预警汇总
        </button>
        <span class="spacer" />
        {/* The click took the keys from the grid (the focus went back to its hidden input, unheard): given back, so
            the arrows and Ctrl+Y go on from the cell 撤销 put her on. */}
        <button
          type="button"
          onClick={() => {
            grid?.undo();
            grid?.focus();
          }}
          title="撤销（Ctrl+Z）"
          disabled={!undoable().undo}
        >
          撤销
        </button>
        <button
          type="button"
          onClick={() => {
            grid?.redo();
            grid?.focus();
          }}
          title="重做（Ctrl+Y 或 Ctrl+Shift+Z）"
          disabled={!undoable().redo}
        >
          重做
        </button>
        <button
          type="button"
          onClick={() => setShowImport(true)}
          title="导入各单位填好的 CSV 文件（可一次选多个）"
        >
          导入CSV
        </button>
        <button
          type="button"
          onClick={() => setShowExport(true)}
          title="导出全部、某单位的填报模板或当前筛选的行"
        >
          导出CSV
        </button>
        <MoreMenu
          label="更多"
          title="新增指标、删除所选指标、看示例数据"
          items={[
            {
              label: '新增指标',
              title: '在末尾新增一行，用于规划中没有的指标',
              onSelect: () => {
                grid?.addRow();
                setNotice('已在末尾新增一行指标，请填写名称、单位和目标。可用“撤销”取消。');
              },
            },
            { label: '删除所选指标', title: '删除表格中选中的行（先确认，可撤销）', onSelect: askDelete },
            ...(workbook.isSample
              ? []
              : [
                  {
                    label: '看示例数据',
                    title: '打开一份随机生成的示例数据，立即看到预测和预警',
                    href: '?workbook=sample',
                  },
                ]),
          ]}
        />
      </div>

      <Show when={showSummary()}>
        <SummaryPanel
          summary={areaSummary()}
          warnings={warnings()}
          onOpen={(code) => {
            grid?.selectRow(code);
            openChart(code);
          }}
          onClose={() => {
            setShowSummary(false);
            // Back to the grid's selected cell; with none, to the 预警汇总 button that opened the panel (the focus
            // was in the panel, now gone, and would fall to the page's body).
            backToGrid(summaryButton);
          }}
        />
      </Show>

      <div class="grid-host" ref={container} />

      <RowPanel
        report={(version(), selection() && grid ? (grid.report(selection()?.code ?? '') ?? null) : null)}
        thresholds={thresholds}
        onResetFormula={(code) => grid?.resetProjectionFormula(code)}
        onChart={openChart}
        onHistory={repository ? (code) => setHistoryOf(code) : undefined}
        onKeepTarget={(code, kept) => {
          if (!grid?.setTargetKept([code], kept)) return;
          const name = grid.report(code)?.indicator.name ?? '';
          setNotice(
            kept
              ? `${code} ${name}：已确定沿用上期目标。可点“撤销”（Ctrl+Z）取消。`
              : `${code} ${name}：已改回“沿用上期目标，待确定”。`,
          );
          // The keys back to the grid: Ctrl+Z undoes it at once.
          grid.focus();
        }}
      />

      <footer class="status-bar">
        <span class="counts">
          共 {totalRows()} 项指标
          <Show when={shownRows() !== totalRows()}>，当前显示 {shownRows()} 项</Show>
          <Show when={invalidCells() > 0}>
            <span class="invalid-count">，{invalidCells()} 处需更正（红色标出）</span>
          </Show>
        </span>
        <span class="cell-info" aria-live="polite">
          <Show when={!notice() && selection()} fallback={notice()}>
            {(info) => (
              <>
                {info().code} {info().name} · {info().column}
                <Show when={info().problem}>
                  {(problem) => <strong class="problem">：{problem()}</strong>}
                </Show>
              </>
            )}
          </Show>
        </span>
        {/* Every saved change records its clerk: who that is, always in view with the way to 设置 — without a name
            the history says （未填姓名）, and after a colleague's backup is restored it would say the colleague's. */}
        <Show when={repository && !workbook.isSample}>
          <button
            type="button"
            class="link clerk"
            classList={{ missing: !clerk() }}
            title={
              clerk()
                ? `修改记录中记为“${clerk()}”。如不是您本人（例如从同事的备份恢复后），请点此在“设置”中改为您的姓名。`
                : '修改记录中将显示“（未填姓名）”。点此在“设置”中填写您的姓名。'
            }
            onClick={() => setShowSettings(true)}
          >
            填报人：{clerk() || '未填写'}
          </button>
        </Show>
      </footer>

      <Show when={pendingDelete()}>
        {(rows) => (
          <ConfirmDialog
            title="确认删除指标"
            confirmLabel={`删除 ${rows().length} 项`}
            danger
            onCancel={() => {
              setPendingDelete(null);
              backToGrid();
            }}
            onConfirm={() => {
              const codes = rows().map((r) => r.code);
              setPendingDelete(null);
              grid?.deleteRows(codes);
              backToGrid();
              setNotice(`已删除 ${codes.length} 项指标。可点“撤销”恢复。`);
            }}
          >
            <p>将删除以下指标及其各年数据：</p>
            <ul>
              <For each={rows()}>
                {(r) => (
                  <li>
                    {r.code} {r.name}
                  </li>
                )}
              </For>
            </ul>
            <p>删除后可以点“撤销”恢复。</p>
          </ConfirmDialog>
        )}
      </Show>

      <Show when={showWorkbooks() && repository}>
        {(repo) => (
          <WorkbooksDialog
            repository={repo()}
            persisted={props.session.persisted}
            clerk={clerk()}
            current={() => ({ ...workbook, indicators: grid?.getIndicators() ?? workbook.indicators })}
            beforeLeave={() => autosave?.flush() ?? Promise.resolve()}
            onDeletedForGood={(id) => tabSync.announceDeleted(id)}
            onMovedToDeleted={(id) => tabSync.announceTrashed(id)}
            // The status bar's "还没有备份过" reminder is out of date once a backup is made.
            onBackedUp={setNotice}
            open={(id) => leaveFor(id || DEFAULT_WORKBOOK_ID)}
            onClose={() => {
              setShowWorkbooks(false);
              backToGrid();
            }}
          />
        )}
      </Show>

      <Show when={showVersions() && repository}>
        {(repo) => (
          <VersionsDialog
            repository={repo()}
            workbookId={workbook.id}
            clerk={clerk()}
            current={() => ({ ...workbook, indicators: grid?.getIndicators() ?? workbook.indicators })}
            beforeSave={() => autosave?.flush() ?? Promise.resolve()}
            onRestored={(message) => {
              carryNotice(message);
              // Other tabs on this workbook take the restored rows in; this page is built again from storage.
              tabSync.announceSave(workbook.id, null);
              location.reload();
            }}
            onClose={() => {
              setShowVersions(false);
              backToGrid();
            }}
          />
        )}
      </Show>

      {/* Keyed: from a row's history to the whole workbook's is a new dialog, which reads its own list. */}
      <Show when={historyOf()} keyed>
        {(code) => (
          <HistoryDialog
            row={code === ALL_ROWS ? undefined : { code, name: grid?.report(code)?.indicator.name ?? '' }}
            load={() => loadHistory(code)}
            onShowAll={code === ALL_ROWS ? undefined : () => setHistoryOf(ALL_ROWS)}
            onExport={
              code === ALL_ROWS ? (entries) => downloadHistoryCsv(workbook, entries, '修改记录') : undefined
            }
            onClose={() => {
              setHistoryOf(null);
              backToGrid();
            }}
          />
        )}
      </Show>

      <Show when={chart()}>
        {(data) => (
          <ChartDialog
            data={data()}
            basis={chartBasis()}
            onClose={() => {
              setChart(null);
              backToGrid();
            }}
          />
        )}
      </Show>

      {/* Ctrl+P on the grid printed a blank page (the grid is not made for paper): the paper says where the report is. */}
      <p class="print-hint">
        要打印监测报告，请点页面上方的“打印报告”，选择报告类型和年份后点“打印 / 存为 PDF”。
      </p>
      <Show when={preparingReport()}>
        <BusyNotice text={`正在生成监测报告（共 ${totalRows()} 项指标），请稍候…`} />
      </Show>
      <Show when={showReport()}>
        <ReportView
          planTitle={workbook.title}
          organisation={organisation()}
          isSample={workbook.isSample === true}
          years={reportYears()}
          rows={reports()}
          thresholds={thresholds}
          onExportPlanning={(sheet) => downloadPlanningCsv(workbook, sheet)}
          onClose={() => {
            setShowReport(false);
            backToGrid();
          }}
        />
      </Show>

      <Show when={showExport()}>
        <ExportDialog
          departments={departmentsInUse()}
          selectedDepartment={grid?.getIndicator(selection()?.code ?? '')?.indicator.department}
          filteredDepartment={department()}
          visibleCount={shownRows()}
          totalCount={totalRows()}
          onExport={exportCsv}
          onCancel={() => {
            setShowExport(false);
            backToGrid();
          }}
        />
      </Show>

      <Show when={showImport() && grid}>
        {(g) => {
          // Read the rows once when the dialog opens: a prop expression is evaluated on every read, and each
          // reading of 10,000 rows costs a noticeable moment.
          const existing = g().getIndicators();
          const years = yearColumns({ ...workbook, indicators: existing });
          const historyFrom = historyYearsFrom({ ...workbook, indicators: existing });
          return (
            <ImportDialog
              existing={existing}
              years={years}
              historyFrom={historyFrom}
              intoSample={workbook.isSample === true}
              onApply={(updates, newRows, targets, leftOut) => {
                // Unsaved from this moment: the header says so and closing the page asks (see afterNextFrame).
                const marked = autosave?.announce();
                importing = true;
                let notWritten: string[] = [];
                try {
                  // One 应用, one step for 撤销: figures and a 目标测算表 applied together were two, and one 撤销
                  // left the figures in.
                  g().asOneUndoStep('import', () => {
                    if (updates.length > 0 || newRows.length > 0)
                      g().applyImport(
                        updates,
                        newRows.map((r) => r.indicator),
                      );
                    // A 目标测算表's proposals, as if typed into 目标, with their 确定沿用.
                    if (targets.length > 0)
                      notWritten = g().applyTargets(
                        targets.map((t) => ({ code: t.code, text: t.written, kept: t.keptAfter })),
                      );
                  });
                } finally {
                  importing = false;
                }
                const targetsWritten = targets.filter((t) => !notWritten.includes(t.code));
                // A next plan: figures of the previous period's years reach this workbook only (said, not done:
                // which workbook is the previous plan is the clerk's to say).
                const earlier = previousPeriodNote(updates, existing) + leftOutNote(leftOut);
                // Saved at once, but after the grid and the notice are drawn: reading and writing 10,000 rows takes
                // a while. (A hidden page draws no frames: the timer saves it then.)
                afterNextFrame(() => {
                  // Counting the invalid cells of 10,000 rows is done here too, not before the frame.
                  refreshCounts();
                  // Every row the import touched, with its file(s): also rows the grid writes without a change
                  // event (new rows, rows hidden by a filter).
                  const changed = [
                    ...updates,
                    ...newRows.map((r) => ({ code: r.indicator.code, file: r.file })),
                    ...targetsWritten.map((t) => ({ code: t.code, file: t.file })),
                  ];
                  for (const [source, codes] of importSources(changed)) autosave?.markRows(codes, source);
                  marked?.();
                  void autosave?.flush();
                });
                setShowImport(false);
                // The keys back to the grid: Ctrl+Z right after 应用 undoes the import.
                backToGrid();
                const applied =
                  targets.length > 0
                    ? `已导入：${targetsWritten.filter((t) => t.target !== null).length} 项新目标` +
                      ticksSaid(targetsWritten) +
                      (updates.length > 0 || newRows.length > 0
                        ? `、${updates.length} 个单元格、${newRows.length} 项新指标`
                        : '') +
                      (notWritten.length > 0
                        ? `；${notWritten.join('、')} 被筛选隐藏，未写入：请取消筛选后再导入`
                        : '') +
                      `。可点“撤销”撤回。${earlier}`
                    : `已导入：${updates.length} 个单元格、${newRows.length} 项新指标。可点“撤销”整体撤回。${earlier}`;
                importSaving = {
                  saving: `${applied}正在保存…保存完成前请勿关闭页面。`,
                  saved: `${applied}已保存。`,
                  failed: `${applied}尚未保存：见页面上方的提示。`,
                };
                setNotice(importSaving.saving);
              }}
              onCancel={() => {
                setShowImport(false);
                backToGrid();
              }}
            />
          );
        }}
      </Show>

      <Show when={showSettings()}>
        <SettingsDialog
          clerk={clerk()}
          organisation={organisation()}
          licenseKey={licenseKey}
          defaultLicenseKey={DEFAULT_LICENSE_KEY}
          thresholds={thresholds}
          onCancel={() => {
            setShowSettings(false);
            backToGrid();
          }}
          onSave={(settings) => void saveSettings(settings)}
        />
      </Show>
    </div>
  );
}

/**
 * Ctrl+Z with nothing to undo: the steps are this page's (a reload starts afresh), and nothing is lost by that —
 * every edit was saved and is in 修改记录.
 */
function nothingToUndoNotice(kind: 'undo' | 'redo'): string {
  return kind === 'undo'
    ? '没有可撤销的操作：撤销只对本次打开页面后的修改有效。之前的修改都已保存，可在“修改记录”中查看。'
    : '没有可重做的操作。';
}

function undoRedoNotice(kind: 'undo' | 'redo', actionType: string): string {
  const what = UNDONE_ACTIONS[actionType] ?? '上一步操作';
  return kind === 'undo' ? `已撤销${what}。可点“重做”恢复。` : `已重做${what}。`;
}

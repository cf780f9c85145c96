/**
 * Composition: opens storage, finds or creates the plan workbook, and wires grid edits to autosave.
 * The one place where store, grid and io meet; the UI calls it and shows its state.
 */
import type { PlanningReport } from '../model/planning-report';
import { LANXI_2021_2025 } from '../model/plan/lanxi-2021-2025';
import { DEFAULT_THRESHOLDS, restoreThresholds, type Thresholds } from '../model/status';
import { backupReminder, firstUseHint } from '../model/backup';
import { makeSampleWorkbook, SAMPLE_WORKBOOK_ID } from '../model/sample-data';
import { workbookFromPlan, yearColumns, type Workbook } from '../model/workbook';
import type { Indicator } from '../model/indicator';
import { describeStorageError, type StorageFailure } from '../store/storage-errors';
import { WorkbookRepository } from '../store/workbook-repository';
import {
  csvFileName,
  serializeHistoryCsv,
  serializeIndicatorsCsv,
  serializePlanningCsv,
} from '../io/csv-export';
import type { HistoryEntry } from '../model/history';
import { quoted } from '../model/quote';

export const DEFAULT_WORKBOOK_ID = LANXI_2021_2025.id;
export const DEFAULT_LICENSE_KEY = 'non-commercial-and-evaluation';
export const LICENSE_SETTING = 'handsontableLicenseKey';
export const THRESHOLDS_SETTING = 'statusThresholds';
/** The clerk's name, set once in 设置 and recorded with every change. */
export const CLERK_SETTING = 'clerkName';
/** The office that issues the reports (编制单位), printed under each report's title. */
export const ORGANISATION_SETTING = 'organisation';

export interface Session {
  repository: WorkbookRepository | null;
  workbook: Workbook;
  /**
   * The row codes the workbook's history and versions hold: a new row takes none of them (see nextCustomCode). The
   * grid shares this set: the versions' codes join it when `versionCodesRead` settles.
   */
  knownCodes: Set<string>;
  /** Reading the saved versions' codes, after the workbook opens (it rejects when storage fails). */
  versionCodesRead: Promise<void>;
  licenseKey: string;
  thresholds: Thresholds;
  clerk: string;
  /** 编制单位, printed on the reports; '' until set in 设置. */
  organisation: string;
  /** A note for the clerk about how the page was opened (e.g. the workbook asked for was not found). */
  notice: string;
  /** Whether the browser promised to keep the data (navigator.storage.persist); null when unknown. */
  persisted: boolean | null;
  /** Set when storage could not be opened or read: the workbook is then only in this page. */
  failure: StorageFailure | null;
}

/** The workbook a page's address asks for (`?workbook=<id>`), or null: then the last one opened, else the plan. */
export function workbookIdFromUrl(href: string): string | null {
  return new URL(href).searchParams.get('workbook') || null;
}

/**
 * The workbook last opened from 工作簿 (not the sample): what a bare address — the file opened by double-click the
 * next morning — opens, so a clerk planning 十五五 is not sent back to 十四五 every day.
 */
export const LAST_WORKBOOK_SETTING = 'lastWorkbook';

/** The workbook this tab shows, kept for its own reloads only (sessionStorage is per tab and survives a reload). */
const SHOWN_IN_TAB_KEY = 'lanxi-workbook-shown-in-tab';

function shownInThisTab(): string | null {
  try {
    return sessionStorage.getItem(SHOWN_IN_TAB_KEY);
  } catch {
    // Storage blocked: a bare address opens the browser's last workbook, as before.
    return null;
  }
}

/** Also called just before this tab goes to another workbook, so that a bare address then opens that one. */
export function rememberShownInThisTab(id: string): void {
  try {
    sessionStorage.setItem(SHOWN_IN_TAB_KEY, id);
  } catch {
    // Only a reload's preference (see shownInThisTab).
  }
}

/** The address of a workbook, from the page's own address (works from a server and from file://). */
export function workbookHref(id: string): string {
  return id === DEFAULT_WORKBOOK_ID
    ? location.pathname
    : `${location.pathname}?workbook=${encodeURIComponent(id)}`;
}

/** The built-in plan or the sample, made afresh (only these two can be made from nothing). */
function freshWorkbook(id: string): Workbook {
  return id === SAMPLE_WORKBOOK_ID
    ? makeSampleWorkbook(LANXI_2021_2025, new Date())
    : workbookFromPlan(LANXI_2021_2025, DEFAULT_WORKBOOK_ID, new Date());
}

export const LAST_BACKUP_SETTING = 'lastBackupAt';

const CARRIED_NOTICE = 'workbookNotice';

/**
 * A message for the page as it opens again after an action that reloads it (a version or a backup restored,
 * settings saved): said there, in the status bar, so the clerk sees the action was done. Kept in this tab only.
 */
export function carryNotice(message: string): void {
  try {
    sessionStorage.setItem(CARRIED_NOTICE, message);
  } catch {
    // No session storage (a locked-down browser): the page opens without the message; nothing else depends on it.
  }
}

function takeCarriedNotice(): string {
  try {
    const message = sessionStorage.getItem(CARRIED_NOTICE) ?? '';
    sessionStorage.removeItem(CARRIED_NOTICE);
    return message;
  } catch {
    return '';
  }
}

const CARRIED_CELL = 'workbookCell';

/** A cell as the status bar names it: the row's code and the column's title. */
export interface CarriedCell {
  code: string;
  column: string;
}

/**
 * The cell the clerk was on when an action reloads the page (settings saved with a new threshold or licence key):
 * selected again once the page opens, so her keys go on from there (they started over at the top-left cell).
 */
export function carryCell(cell: CarriedCell): void {
  try {
    sessionStorage.setItem(CARRIED_CELL, JSON.stringify({ code: cell.code, column: cell.column }));
  } catch {
    // No session storage: the page opens with no cell selected, as any reload does.
  }
}

export function takeCarriedCell(): CarriedCell | null {
  try {
    const text = sessionStorage.getItem(CARRIED_CELL);
    sessionStorage.removeItem(CARRIED_CELL);
    const cell = text ? (JSON.parse(text) as Partial<CarriedCell>) : null;
    return typeof cell?.code === 'string' && typeof cell.column === 'string'
      ? { code: cell.code, column: cell.column }
      : null;
  } catch {
    return null;
  }
}

/** Ask the browser not to evict the data under storage pressure; the answer is shown to the clerk. */
async function requestPersistence(): Promise<boolean | null> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

/** Storage could not be used: the workbook lives only in this page, and the banner says so. */
function pageOnlySession(workbookId: string, failure: StorageFailure): Session {
  return {
    repository: null,
    workbook: freshWorkbook(workbookId),
    knownCodes: new Set(),
    versionCodesRead: Promise.resolve(),
    licenseKey: DEFAULT_LICENSE_KEY,
    thresholds: DEFAULT_THRESHOLDS,
    clerk: '',
    organisation: '',
    notice: '',
    persisted: null,
    failure,
  };
}

export async function openSession(requested: string | null = null, databaseName?: string): Promise<Session> {
  const workbookId = requested ?? DEFAULT_WORKBOOK_ID;
  let repository: WorkbookRepository;
  try {
    repository = await WorkbookRepository.open(databaseName);
  } catch (error) {
    // Shown to the clerk by the banner; the detail goes to the console for whoever supports the office.
    console.warn('[storage] open failed:', error);
    return pageOnlySession(workbookId, describeStorageError(error, 'open'));
  }
  try {
    const licenseKey = (await repository.getSetting<string>(LICENSE_SETTING)) || DEFAULT_LICENSE_KEY;
    const thresholds = restoreThresholds(await repository.getSetting(THRESHOLDS_SETTING));
    const clerk = (await repository.getSetting<string>(CLERK_SETTING)) ?? '';
    const organisation = await repository.getSetting<string>(ORGANISATION_SETTING);
    let notice = '';
    let id = workbookId;
    const records = await repository.listWorkbooks();
    if (requested === null) {
      // A reload shows what this tab showed: another tab opening another workbook since changed the browser's last
      // one, and a reload then put that workbook in this tab (with the clerk's next figure going into it).
      const openable = (wanted: string | null | undefined) =>
        records.find((w) => w.id === wanted && !w.deletedAt && !w.isSample);
      const shownHere = openable(shownInThisTab());
      const lastRecord = shownHere ?? openable(await repository.getSetting<string>(LAST_WORKBOOK_SETTING));
      if (lastRecord && lastRecord.id !== DEFAULT_WORKBOOK_ID) {
        id = lastRecord.id;
        notice = `已打开上次使用的工作簿${quoted(lastRecord.title)}。要打开其他工作簿，请点“工作簿”。`;
      }
    }
    const record = records.find((w) => w.id === id);
    if (id !== DEFAULT_WORKBOOK_ID && id !== SAMPLE_WORKBOOK_ID && (!record || record.deletedAt)) {
      notice = `找不到工作簿“${id}”（可能已删除），已打开规划工作簿。可在“工作簿”中恢复已删除的工作簿。`;
      id = DEFAULT_WORKBOOK_ID;
    }
    // (Made here only on the first open; another tab opening at the same moment finds the one made.)
    const workbook = await repository.loadOrCreateWorkbook(id, () => freshWorkbook(id));
    rememberShownInThisTab(workbook.id);
    const knownCodes = await repository.historyCodes(workbook.id);
    // Every deleted row is in the history; a version read whole is megabytes for a large workbook, so its codes
    // (rows only an older build's version may hold) are added after the page opens rather than waited for.
    const versionCodesRead = repository.versionCodes(workbook.id).then((codes) => {
      for (const code of codes) knownCodes.add(code);
    });
    const persisted = await requestPersistence();
    const reminder =
      backupReminder(await repository.getSetting<string>(LAST_BACKUP_SETTING), workbook, new Date()) ||
      // A deleted workbook is still in this browser (under 已删除): no "nothing here yet, restore a backup" then.
      firstUseHint(Math.max(records.length, 1), workbook);
    return {
      repository,
      workbook,
      knownCodes,
      versionCodesRead,
      licenseKey,
      thresholds,
      clerk: typeof clerk === 'string' ? clerk : '',
      organisation: typeof organisation === 'string' ? organisation : '',
      notice: [takeCarriedNotice(), notice, reminder].filter(Boolean).join(' '),
      persisted,
      failure: null,
    };
  } catch (error) {
    console.warn('[storage] read failed:', error);
    // Do not write over what may be stored: keep the repository closed to writes for this page.
    repository.close();
    return pageOnlySession(workbookId, describeStorageError(error, 'read'));
  }
}

/** Offer the rows as a CSV download (used when storage fails, so nothing on screen is lost). */
/** Returns the file's name, for telling the clerk what went where. */
export function downloadCsv(workbook: Workbook, indicators: Indicator[], scope: string): string {
  return offerCsv(
    workbook,
    serializeIndicatorsCsv(indicators, yearColumns({ ...workbook, indicators })),
    scope,
  );
}

/** The workbook's change history (or the part of it shown) as a CSV download, for the office's records. */
export function downloadHistoryCsv(
  workbook: Workbook,
  entries: readonly HistoryEntry[],
  scope: string,
): void {
  offerCsv(workbook, serializeHistoryCsv(entries), scope);
}

/** A next plan's 目标测算表 as a CSV download, for the departments to propose their targets in. */
export function downloadPlanningCsv(workbook: Workbook, sheet: PlanningReport): void {
  offerCsv(workbook, serializePlanningCsv(sheet, workbook.isSample === true), '目标测算表');
}

function offerCsv(workbook: Workbook, csv: string, scope: string): string {
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(workbook.title, scope, new Date(), workbook.isSample === true);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return link.download;
}

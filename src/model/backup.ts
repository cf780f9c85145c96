/**
 * The backup file: every workbook (definitions, values, formulas) and the settings, in a versioned JSON format.
 * Reading is strict about what it returns and loose about what it accepts (a restore step on every load), and
 * a restore never silently replaces a workbook that is newer in the browser than in the file.
 */
import { toCellValue } from './entry';
import type { ChangeSource, HistoryEntry } from './history';
import { isComparator, TARGET_KINDS, type Indicator } from './indicator';
import type { Workbook } from './workbook';
import { quoted } from './quote';
import { decodeStrict } from './strict-decode';
import { isFutureTime, timeOf } from './stored-time';

export const BACKUP_FORMAT = 'lanxi-children-plan-workbook-backup';
/**
 * Format versions: 1 — workbooks and settings; 2 — adds each workbook's change history and named versions;
 * 3 — rows may hold the comparator 不升 (not rising), which a copy of the app reading version 2 would judge as ↑
 * without a word, so such a copy must refuse the file (the plan's H16 and H05 are 不升 in every new workbook).
 * A file of an older version is read as the current one (what it lacks is empty); a newer one is refused.
 */
export const BACKUP_VERSION = 3;

/** A named version of a workbook, as kept in a backup. */
export interface BackupVersion {
  workbookId: string;
  name: string;
  createdAt: string;
  clerk: string;
  workbook: Workbook;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  workbooks: Workbook[];
  settings: Record<string, unknown>;
  history: HistoryEntry[];
  versions: BackupVersion[];
}

export function serializeBackup(
  content: Pick<Backup, 'workbooks' | 'settings' | 'history' | 'versions'>,
  now: Date,
): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    workbooks: content.workbooks,
    settings: content.settings,
    history: content.history,
    versions: content.versions,
  };
  return JSON.stringify(backup, null, 1);
}

export type BackupResult = { ok: true; backup: Backup } | { ok: false; message: string };

/** Where a backup comes from, by the button's own name and where it is (“备份全部” named no button). */
const CHOOSE_A_BACKUP = '请选择在“工作簿”中点“备份全部到文件”生成的 .json 文件。';

export function parseBackup(text: string, fileName: string): BackupResult {
  const fail = (why: string): BackupResult => ({
    ok: false,
    message: `${quoted(fileName)}不能用于恢复：${why}`,
  });
  if (text.replace(/^\uFEFF/, '').trim() === '')
    return fail(
      '文件是空的（没有任何内容），可能是备份时未保存完整：请换用其他备份文件，或在原电脑上重新“备份全部到文件”。',
    );
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Our own file cut short (a download or a copy that stopped) is said as such.
    if (text.includes(BACKUP_FORMAT))
      return fail('备份文件不完整（可能在下载或复制时中断），本文件未恢复任何内容：请换用完整的备份文件。');
    return fail(`这不是本程序的备份文件（无法读取）。${CHOOSE_A_BACKUP}`);
  }
  if (!isObject(data) || data.format !== BACKUP_FORMAT) {
    return fail(`这不是本程序的备份文件。${CHOOSE_A_BACKUP}`);
  }
  // A version written as text by hand ("3") is read; one that is no format version at all is said as such (it
  // was said to be newer than the program, and the clerk went looking for a newer copy of the app).
  const version = readNumber(data.version);
  if (version === undefined || !Number.isInteger(version) || version < 1) {
    return fail(
      `备份文件的版本无法识别（${quoted(typeof data.version === 'string' ? data.version : (JSON.stringify(data.version) ?? '无'))}），文件可能被改动过，本文件未恢复任何内容：请换用其他备份文件。`,
    );
  }
  if (version > BACKUP_VERSION) {
    return fail(`备份文件的版本（${version}）比本程序新，请使用新版工作簿打开。`);
  }
  if (!Array.isArray(data.workbooks)) return fail('备份文件中没有工作簿。');
  const workbooks: Workbook[] = [];
  const damaged = '文件可能已损坏或被改动过，本文件未恢复任何内容：请换用其他备份文件。';
  const firstOfId = new Map<string, number>();
  for (const [index, raw] of data.workbooks.entries()) {
    const unreadable = unreadableTarget(raw);
    if (unreadable) return fail(`第 ${index + 1} 个工作簿中${unreadable}，${damaged}`);
    const workbook = restoreWorkbook(raw);
    if (!workbook) return fail(`第 ${index + 1} 个工作簿的内容不完整，${damaged}`);
    // Which copy is newer, the file's or the browser's, is decided by this time (planRestore): one edited by hand
    // into another form was compared as text, and one that is no time at all as if older than any.
    const updatedAt = (raw as Record<string, unknown>).updatedAt;
    if (updatedAt !== undefined && updatedAt !== null && updatedAt !== '') {
      const time = typeof updatedAt === 'string' ? timeOf(updatedAt) : NaN;
      if (Number.isNaN(time))
        return fail(
          `第 ${index + 1} 个工作簿${quoted(workbook.title)}的最后修改时间（updatedAt）${quoted(String(updatedAt))}无法读取，` +
            '无法判断文件与浏览器中哪一份较新，本文件未恢复任何内容：' +
            '请把它改回备份时的写法（如 2026-11-29T10:00:00.000Z），或换用其他备份文件。',
        );
      // In the form the browser writes: stored with the restored workbook, it is compared and shown as its own.
      workbook.updatedAt = new Date(time).toISOString();
    }
    // Workbooks are stored by id: the second copy would silently replace the first, rows and all.
    const first = firstOfId.get(workbook.id);
    if (first !== undefined)
      return fail(
        `第 ${first + 1} 个和第 ${index + 1} 个工作簿是同一个工作簿${quoted(workbook.title)}（可能是复制粘贴时重复了），${damaged}`,
      );
    firstOfId.set(workbook.id, index);
    // Rows are stored by code: a code twice would silently keep one of the two rows.
    const duplicate = duplicateCode(workbook);
    if (duplicate) return fail(`第 ${index + 1} 个工作簿${quoted(workbook.title)}中${duplicate}，${damaged}`);
    workbooks.push(workbook);
  }
  const settings = isObject(data.settings) ? data.settings : {};
  // Version 1 files have no history or versions: they read as empty (the migration from 1 to 2).
  const history = Array.isArray(data.history) ? data.history.flatMap(restoreHistoryEntry) : [];
  const versions: BackupVersion[] = [];
  for (const [index, raw] of (Array.isArray(data.versions) ? data.versions : []).entries()) {
    const unreadable = isObject(raw) ? unreadableTarget(raw.workbook) : null;
    if (unreadable && isObject(raw))
      return fail(`已保存版本${quoted(String(raw.name))}中${unreadable}，${damaged}`);
    const workbook = isObject(raw) ? restoreWorkbook(raw.workbook) : null;
    if (!isObject(raw) || !workbook || typeof raw.workbookId !== 'string' || typeof raw.name !== 'string') {
      return fail(`第 ${index + 1} 个已保存版本的内容不完整，${damaged}`);
    }
    const duplicate = duplicateCode(workbook);
    if (duplicate) return fail(`已保存版本${quoted(raw.name)}中${duplicate}，${damaged}`);
    versions.push({
      workbookId: raw.workbookId,
      name: raw.name,
      createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : '',
      clerk: typeof raw.clerk === 'string' ? raw.clerk : '',
      workbook,
    });
  }
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: typeof data.createdAt === 'string' ? data.createdAt : '',
      workbooks,
      settings,
      history,
      versions,
    },
  };
}

const SOURCE_KINDS: readonly ChangeSource['kind'][] = [
  'typed',
  'row',
  'undo',
  'import',
  'restore',
  'version',
  'other',
];

/** A history entry from a file; one that is not complete is left out (a history line is not worth refusing the file). */
function restoreHistoryEntry(raw: unknown): HistoryEntry[] {
  if (!isObject(raw)) return [];
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const [workbookId, code, field, at] = [raw.workbookId, raw.code, raw.field, raw.at].map(text);
  if (!workbookId || !code || !field || !at) return [];
  const source = isObject(raw.source) ? raw.source : {};
  const kind = SOURCE_KINDS.find((k) => k === source.kind) ?? 'other';
  return [
    {
      workbookId,
      code,
      field,
      at,
      rowName: text(raw.rowName) ?? '',
      label: text(raw.label) ?? field,
      before: text(raw.before) ?? '',
      after: text(raw.after) ?? '',
      source: text(source.detail) ? { kind, detail: text(source.detail)! } : { kind },
      clerk: text(raw.clerk) ?? '',
    },
  ];
}

/** "代码 H02 出现两次（第 2 行和第 6 行）" or "第 3 行没有代码", or null when every row has a code of its own. */
function duplicateCode(workbook: Workbook): string | null {
  const seen = new Map<string, number>();
  for (const [index, row] of workbook.indicators.entries()) {
    if (row.code.trim() === '') return `第 ${index + 1} 行指标没有代码`;
    const first = seen.get(row.code);
    if (first !== undefined) return `代码 ${row.code} 出现两次（第 ${first + 1} 行和第 ${index + 1} 行）`;
    seen.set(row.code, index);
  }
  return null;
}

/**
 * A number, also as written by hand in the file ("4.5", " 2020 "); undefined for anything else. A target kept as
 * text was compared as text (every status of the row wrong, unsaid).
 */
function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : undefined;
}

/** "第 2 行（F02 …）的目标无法读取（比较“<=”不是可用的比较符号）", or null when every row's target can be read. */
function unreadableTarget(raw: unknown): string | null {
  if (!isObject(raw) || !Array.isArray(raw.indicators)) return null;
  for (const [index, row] of raw.indicators.entries()) {
    if (!isObject(row) || !isObject(row.target)) continue;
    const { comparator, value, yearlyStep } = row.target;
    const why =
      typeof comparator !== 'string' || !isComparator(comparator)
        ? `比较${quoted(String(comparator))}不是可用的比较符号`
        : value !== null && value !== undefined && readNumber(value) === undefined
          ? `目标值${quoted(String(value))}不是数字`
          : yearlyStep !== undefined && readNumber(yearlyStep) === undefined
            ? `每年变化${quoted(String(yearlyStep))}不是数字`
            : '';
    if (why) return `第 ${index + 1} 行（${String(row.code)} ${String(row.name)}）的目标无法读取（${why}）`;
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function restoreWorkbook(raw: unknown): Workbook | null {
  if (!isObject(raw) || typeof raw.id !== 'string' || typeof raw.title !== 'string') return null;
  if (
    typeof raw.baseYear !== 'number' ||
    typeof raw.targetYear !== 'number' ||
    !Array.isArray(raw.indicators)
  )
    return null;
  const indicators: Indicator[] = [];
  for (const row of raw.indicators) {
    const indicator = restoreIndicator(row);
    if (!indicator) return null;
    indicators.push(indicator);
  }
  return {
    id: raw.id,
    title: raw.title,
    baseYear: raw.baseYear,
    targetYear: raw.targetYear,
    isSample: raw.isSample === true,
    createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : '',
    updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : '',
    indicators,
  };
}

function restoreIndicator(raw: unknown): Indicator | null {
  if (!isObject(raw) || typeof raw.code !== 'string' || typeof raw.name !== 'string') return null;
  const target = raw.target;
  if (!isObject(target) || !(TARGET_KINDS as readonly unknown[]).includes(target.kind)) return null;
  const unit = typeof raw.unit === 'string' ? raw.unit : '';
  const values: Indicator['values'] = {};
  if (isObject(raw.values)) {
    for (const [year, value] of Object.entries(raw.values)) {
      if (!Number.isInteger(Number(year))) continue;
      // A number written as text ("3.1", by hand or by another program) is read as the grid reads a typed entry:
      // kept as text, it was shown but left out of every computation. Text that is not a valid value stays text
      // (marked in the grid).
      if (typeof value === 'number') values[Number(year)] = value;
      else if (typeof value === 'string') {
        const read = toCellValue(value, unit, raw.name);
        if (read !== undefined) values[Number(year)] = read;
      }
    }
  }
  // Known fields are copied as they are; anything else in the file is dropped.
  const { code, name } = raw;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const indicator: Indicator = {
    code,
    name,
    area: text(raw.area),
    clause: text(raw.clause),
    unit,
    target: readTarget(target),
    baseYear: readNumber(raw.baseYear) ?? 0,
    targetYear: readNumber(raw.targetYear) ?? 0,
    department: text(raw.department),
    source: text(raw.source),
    values,
  };
  if (typeof raw.note === 'string') indicator.note = raw.note;
  if (typeof raw.projectionFormula === 'string') indicator.projectionFormula = raw.projectionFormula;
  if (isObject(raw.previousTarget)) {
    indicator.previousTarget = structuredClone(raw.previousTarget) as unknown as NonNullable<
      Indicator['previousTarget']
    >;
  }
  // Only a decision written as such: a backup made before the mark has none (every such row is still 待确定).
  if (indicator.previousTarget && raw.previousTargetKept === true) indicator.previousTargetKept = true;
  return indicator;
}

/** A target checked by unreadableTarget, its numbers written as text read as numbers. */
function readTarget(target: Record<string, unknown>): Indicator['target'] {
  const copy = structuredClone(target) as unknown as Indicator['target'];
  copy.value = readNumber(target.value) ?? null;
  if (target.yearlyStep !== undefined) copy.yearlyStep = readNumber(target.yearlyStep)!;
  return copy;
}

/**
 * 'replace-untouched': the browser's copy is later by date but was never edited (the plan as first opened on a new
 * PC) — said so, since “替换浏览器中的旧版本” beside a later browser date read as a mistake.
 */
export type RestoreAction =
  | 'add'
  | 'replace'
  | 'replace-untouched'
  | 'browser-newer'
  | 'same'
  /** The file's or the browser's last-changed time cannot be read: which is newer is unknown, nothing replaced by default. */
  | 'time-unknown';

export { timeOf };

export interface RestoreLine {
  id: string;
  title: string;
  inFile: string;
  inBrowser: string | null;
  action: RestoreAction;
  /** Sample data (示例数据): said in the list, since a renamed copy's name no longer says so. */
  isSample: boolean;
  /** The browser's copy is in 已删除: a restore that changes nothing there would leave it unseen. */
  deletedInBrowser?: boolean;
}

/**
 * What a restore would do to each workbook of the file; a workbook newer in the browser, or last changed at the
 * very time the file's was (the same state: nothing to restore), is not replaced by default.
 */
export function planRestore(
  backup: Backup,
  inBrowser: readonly { id: string; updatedAt: string; createdAt?: string; deletedAt?: string }[],
): RestoreLine[] {
  const current = new Map(inBrowser.map((w) => [w.id, w]));
  return backup.workbooks.map((w) => {
    const browser = current.get(w.id);
    // A workbook never edited since it was created (the plan as first opened in a new browser) holds no newer data.
    const untouched = browser !== undefined && browser.createdAt === browser.updatedAt;
    // By time, not as text: 2026-11-29T10:00:00+08:00 is earlier than 2026-11-29T05:00:00.000Z.
    const inFile = timeOf(w.updatedAt);
    const inBrowser = browser ? timeOf(browser.updatedAt) : NaN;
    const action: RestoreAction =
      browser === undefined
        ? 'add'
        : Number.isNaN(inFile) || Number.isNaN(inBrowser)
          ? untouched
            ? 'replace-untouched'
            : 'time-unknown'
          : inBrowser === inFile
            ? 'same'
            : inBrowser > inFile
              ? untouched
                ? 'replace-untouched'
                : 'browser-newer'
              : 'replace';
    return {
      id: w.id,
      title: w.title,
      inFile: w.updatedAt,
      inBrowser: browser?.updatedAt ?? null,
      action,
      isSample: w.isSample === true,
      ...(browser?.deletedAt ? { deletedInBrowser: true } : {}),
    };
  });
}

/**
 * New names for the restored workbooks whose name another workbook of the browser holds (one made there meanwhile,
 * “…（副本）” on both PCs): “…（恢复）”, “…（恢复）2”, as a workbook brought back from 已删除 is named, so that two
 * workbooks never share a name (which was which, when one is to be deleted?). A workbook replaced keeps its name.
 */
export function restoredTitles(
  chosen: readonly { id: string; title: string }[],
  inBrowser: readonly { id: string; title: string; deletedAt?: string }[],
): Map<string, string> {
  const replaced = new Set(chosen.map((w) => w.id));
  const taken = new Set(inBrowser.filter((w) => !w.deletedAt && !replaced.has(w.id)).map((w) => w.title));
  const renamed = new Map<string, string>();
  for (const workbook of chosen) {
    let title = workbook.title;
    if (taken.has(title)) {
      const base = `${workbook.title}（恢复）`;
      title = base;
      for (let n = 2; taken.has(title); n += 1) title = `${base}${n}`;
      renamed.set(workbook.id, title);
    }
    taken.add(title);
  }
  return renamed;
}

/**
 * The first screen of a new PC is the plan without a figure: where the data of a previous PC or colleague comes
 * from is said there (从备份文件恢复 is at the bottom of 工作簿, easy to miss). Only while this browser holds
 * this one workbook and no figure.
 */
export function firstUseHint(workbooksInBrowser: number, workbook: Workbook): string {
  if (workbook.isSample || workbooksInBrowser > 1) return '';
  const hasValues = workbook.indicators.some((row) => Object.keys(row.values).length > 0);
  return hasValues
    ? ''
    : // Not 还没有数据: a 责任单位 or 备注 changed is there, and a clerk who had changed one read it as lost.
      '本浏览器的工作簿中还没有填写任何年份的数值。如是换了电脑或接手同事的工作，请点“工作簿”，在“从备份文件恢复”处点“选择备份文件…”，选中备份的 .json 文件。';
}

const BACKUP_REMINDER_DAYS = 30;

/** A reminder when there are values and no backup in the last 30 days. */
export function backupReminder(lastBackupAt: string | undefined, workbook: Workbook, now: Date): string {
  const hasValues = workbook.indicators.some((row) => Object.keys(row.values).length > 0);
  if (!hasValues || workbook.isSample) return '';
  if (!lastBackupAt) return '提示：还没有备份过。请在“工作簿”中点“备份全部到文件”，把数据另存一份。';
  const last = timeOf(lastBackupAt);
  // A time edited by hand (or restored from a settings file so edited) counted “NaN 天”: a new backup settles it.
  if (Number.isNaN(last))
    return `提示：上次备份的时间无法读取（记录为${quoted(lastBackupAt)}），请在“工作簿”中点“备份全部到文件”，重新备份一份。`;
  // A time past now (a settings file edited by hand) said nothing at all, as if a backup had just been made.
  if (isFutureTime(last, now))
    return `提示：上次备份的时间晚于现在（记录为${quoted(lastBackupAt)}），可能被改动过，请在“工作簿”中点“备份全部到文件”，重新备份一份。`;
  const days = Math.floor((now.getTime() - last) / 86_400_000);
  return days >= BACKUP_REMINDER_DAYS
    ? `提示：已有 ${days} 天没有备份，请在“工作簿”中点“备份全部到文件”。`
    : '';
}

/**
 * The bytes of a chosen file. Our own file is UTF-8, but a clerk who corrected a figure in Notepad may have saved
 * it as ANSI (GBK on Chinese Windows) or Unicode (UTF-16): read as UTF-8, every name, clause and history line came
 * back as replacement characters and a restore wrote them over the workbook. Bytes valid in none are refused.
 */
export function parseBackupBytes(bytes: Uint8Array, fileName: string): BackupResult {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  const text = utf16
    ? decodeStrict(bytes, utf16)
    : (decodeStrict(bytes, 'utf-8') ?? decodeStrict(bytes, 'gb18030'));
  if (text === undefined)
    return {
      ok: false,
      message:
        `${quoted(fileName)}不能用于恢复：文件中的文字无法读取（既不是 UTF-8，也不是 GBK 或 Unicode 编码，可能已损坏），` +
        '本文件未恢复任何内容：请换用其他备份文件，或在原电脑上重新“备份全部到文件”。',
    };
  return parseBackup(text, fileName);
}

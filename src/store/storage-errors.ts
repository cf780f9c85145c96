/**
 * Storage failures, translated into what a clerk can act on. Never swallowed: callers show `message`.
 */
export interface StorageFailure {
  /** `gone`: the workbook was deleted for good (永久删除) in another tab; nothing can be saved into it. */
  kind: 'unavailable' | 'quota' | 'write' | 'read' | 'gone';
  message: string;
  detail: string;
}

/**
 * A write or read of a workbook whose record is no longer stored: another tab deleted it for good. Thrown before
 * anything is written, so no row is left without its workbook.
 */
export class WorkbookGoneError extends Error {
  constructor(readonly workbookId: string) {
    super(`workbook ${workbookId} is no longer stored`);
    this.name = 'WorkbookGoneError';
  }
}

/** What a page can say when its workbook is gone: its rows are only on screen now. */
export const WORKBOOK_GONE_MESSAGE =
  '此工作簿已在另一个窗口（标签页）中被永久删除，本页的修改不能再保存到它，本页显示的内容也已不在浏览器存储中。' +
  '要保留本页的内容（含未保存的修改），请点“另存为新工作簿”，或点“导出CSV”保存为文件；不需要时关闭本页即可。';

/**
 * `action` names a step the clerk asked for (恢复备份, 保存版本, …): its failure is said as that step not done,
 * with the stored data unchanged (each is one transaction), not as the autosave's "最近的修改没有保存".
 */
export function describeStorageError(
  error: unknown,
  during: 'open' | 'read' | 'write',
  action?: string,
): StorageFailure {
  const name = errorName(error);
  if (name.includes('WorkbookGone'))
    return { kind: 'gone', message: WORKBOOK_GONE_MESSAGE, detail: String(error) };
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const quota = name.includes('QuotaExceeded') || /quota/i.test(detail);
  if (action && during === 'write' && !name.includes('MissingAPI') && !name.includes('Security')) {
    return {
      kind: quota ? 'quota' : 'write',
      message: quota
        ? `${action}没有完成，浏览器中的数据没有改变：浏览器存储空间已满。请清理浏览器中不需要的网站数据后重试。`
        : `${action}没有完成，浏览器中的数据没有改变：写入浏览器存储失败。请稍后重试；如仍失败，请刷新页面后再试。`,
      detail,
    };
  }
  if (quota) {
    return {
      kind: 'quota',
      message:
        '浏览器存储空间已满，最近的修改没有保存。请先点“导出CSV”保存当前表格，再清理浏览器中不需要的网站数据后重试。',
      detail,
    };
  }
  if (
    during === 'open' ||
    name.includes('MissingAPI') ||
    name.includes('InvalidState') ||
    name.includes('OpenFailed') ||
    name.includes('Security')
  ) {
    return {
      kind: 'unavailable',
      message:
        '无法使用浏览器的本地存储（IndexedDB），修改不会被保存（可能是无痕/隐私窗口或浏览器设置禁用了网站数据）。请用普通窗口打开；关闭页面前请点“导出CSV”保存当前表格。',
      detail,
    };
  }
  if (during === 'read') {
    return {
      kind: 'read',
      message: '读取本地保存的数据失败。请刷新页面重试；如仍失败，请联系技术支持。',
      detail,
    };
  }
  return {
    kind: 'write',
    message: '保存到浏览器存储失败，最近的修改尚未保存。将自动重试；关闭页面前请点“导出CSV”保存当前表格。',
    detail,
  };
}

function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const inner = (error as { inner?: unknown }).inner;
    const own = String((error as { name?: unknown }).name ?? '');
    const innerName =
      inner && typeof inner === 'object' ? String((inner as { name?: unknown }).name ?? '') : '';
    return `${own} ${innerName}`;
  }
  return '';
}

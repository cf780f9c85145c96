/**
 * The 责任单位 a clerk typed, read against the offices she can pick from (the grid's list and the offices the
 * workbook already names). Typed in part and left — “卫健” then Tab — it was kept as the office “卫健”, which no
 * filter, template or notice of 市卫健局 finds. Pure: no grid library here.
 */
import { toHalfWidth } from './entry';

/**
 * The offices a 责任单位 is picked from (the plan's member departments): the grid's list, and what a CSV's new row's
 * 责任单位 is read against (with the offices the workbook already names).
 */
export const DEPARTMENTS = [
  '市卫健局',
  '市教育局',
  '市民政局',
  '市公安局',
  '市检察院',
  '市法院',
  '市司法局',
  '市人社局',
  '市市场监管局',
  '市文广旅体局',
  '市医保局',
  '市财政局',
  '市统计局',
  '团市委',
  '市妇联',
  '市残联',
] as const;

export type OfficeReading =
  /** Nothing typed: the row has no 责任单位. */
  | { kind: 'empty' }
  /** An office of the list, typed in full (`completed` false) or in part (true: the one office holding the text). */
  | { kind: 'office'; office: string; completed: boolean }
  /** Text several offices hold (市, 局): which one is meant cannot be told. */
  | { kind: 'several'; offices: string[] }
  /** No office holds it: a new office (新部门), kept as typed. */
  | { kind: 'new'; office: string };

/** Spaces (full-width ones from an input method too) are no part of an office's name. */
function normalised(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

/**
 * Whether text typed in part can be `office`: the office's name holds it. A text starting with 市 is a city office's
 * own name (市委, 市教育局), read only where the office's name starts, after its own 市 at most (市场监管局 is
 * 市市场监管局): after another word it is another office's (市委 inside 团市委, the Youth League's, is not 团市委).
 */
function heldBy(office: string, text: string): boolean {
  if (!office.includes(text)) return false;
  if (!text.startsWith('市') || text === '市') return true;
  return office.startsWith(text) || office.startsWith(`市${text}`);
}

/** The office a typed 责任单位 is: the whole name first, else the one office holding the text (heldBy). */
export function readOffice(typed: string, offices: readonly string[]): OfficeReading {
  const text = normalised(typed);
  if (text === '') return { kind: 'empty' };
  const known = [...new Set(offices.map(normalised).filter((office) => office !== ''))];
  if (known.includes(text)) return { kind: 'office', office: text, completed: false };
  const holding = known.filter((office) => heldBy(office, text));
  if (holding.length === 1) return { kind: 'office', office: holding[0]!, completed: true };
  if (holding.length > 1) return { kind: 'several', offices: holding };
  return { kind: 'new', office: text };
}

/** What the status bar says of a reading that is not simply an office typed in full; null when nothing is to say. */
export function officeReadingNotice(typed: string, reading: OfficeReading): string | null {
  const text = typed.trim();
  switch (reading.kind) {
    case 'office':
      return reading.completed
        ? `责任单位“${text}”已填为“${reading.office}”（列表中唯一含“${text}”的单位）；如要填列表以外的新单位，请输入其完整名称。`
        : null;
    case 'several': {
      const shown = reading.offices.slice(0, 5).join('、') + (reading.offices.length > 5 ? '等' : '');
      return (
        `责任单位“${text}”与列表中多个单位相符（${shown}，共 ${reading.offices.length} 个）：` +
        '请从列表中选择一个，或输入完整名称；按 Esc 取消修改。'
      );
    }
    case 'new':
      return `责任单位“${reading.office}”不在列表中，已作为新的责任单位填入；如是列表中的单位，请改为从列表中选择。`;
    case 'empty':
      return null;
  }
}

/**
 * What the import's 读取说明 says of a new row's 责任单位, read as the grid reads a typed one (readOffice): the office
 * it was taken as, the offices it could be (kept as written: which is meant cannot be told), or that it is a new
 * office. Null for an office written in full, or none.
 */
export function officeImportNote(written: string, reading: OfficeReading): string | null {
  const text = written.trim();
  switch (reading.kind) {
    case 'office':
      return reading.completed
        ? `责任单位“${text}”已填为“${reading.office}”（列表中唯一含“${text}”的单位）；如是列表以外的新单位，导入后请在表格中改为其完整名称。`
        : null;
    case 'several': {
      const shown = reading.offices.slice(0, 5).join('、') + (reading.offices.length > 5 ? '等' : '');
      return (
        `责任单位“${text}”与列表中多个单位相符（${shown}，共 ${reading.offices.length} 个），已按原文填入：` +
        '导入后请在表格中从列表中选择。'
      );
    }
    case 'new':
      return `责任单位“${reading.office}”不在列表中，已作为新的责任单位填入；如是列表中的单位，导入后请在表格中改为从列表中选择。`;
    case 'empty':
      return null;
  }
}

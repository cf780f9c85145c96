/**
 * The projection formula each row carries, written as a clerk would read them in Excel, and
 * the relative form in which an edited projection formula is stored. Pure: no Handsontable import.
 */
import type { Indicator } from '../model/indicator';
import { defaultMethod, type Method } from '../model/projection';

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface FormulaLayout {
  /** Column index of the first and last year column, and the years they hold. */
  firstYearCol: number;
  years: readonly number[];
  projectionCol: number;
}

function yearRange(layout: FormulaLayout, row: number): string {
  const first = columnLetter(layout.firstYearCol);
  const last = columnLetter(layout.firstYearCol + layout.years.length - 1);
  return `${first}${row}:${last}${row}`;
}

function yearArray(layout: FormulaLayout): string {
  return `{${layout.years.join(',')}}`;
}

/** The default projection formula of a row, e.g. =FORECAST.LINEAR(2025, G5:N5, {2018,…,2025}). */
export function projectionFormula(
  indicator: Pick<Indicator, 'target' | 'unit' | 'targetYear'>,
  row: number,
  layout: FormulaLayout,
  method: Method = defaultMethod(indicator),
): string {
  const values = yearRange(layout, row);
  const years = yearArray(layout);
  const T = indicator.targetYear;
  switch (method) {
    case 'linear':
      return `=FORECAST.LINEAR(${T}, ${values}, ${years})`;
    case 'log-linear':
      // GROWTH has no answer for a 0 (a county year with no infant deaths): the linear trend stands in, as the
      // pure model computes it (projectByDefault). IFERROR exists in Excel and WPS, so the formula still works there.
      return `=IFERROR(GROWTH(${values}, ${years}, ${T}), FORECAST.LINEAR(${T}, ${values}, ${years}))`;
    case 'cagr':
      return `=FORECAST.CAGR(${T}, ${values}, ${years})`;
  }
}

/**
 * The log-linear default as written before it fell back to the linear trend: workbooks, copies and backups made
 * then may hold it. It still counts as the row's default (and is shown as the current one): it was never the
 * clerk's own formula.
 */
export function legacyProjectionFormula(
  indicator: Pick<Indicator, 'target' | 'unit' | 'targetYear'>,
  row: number,
  layout: FormulaLayout,
): string | null {
  if (defaultMethod(indicator) !== 'log-linear') return null;
  return `=GROWTH(${yearRange(layout, row)}, ${yearArray(layout)}, ${indicator.targetYear})`;
}

/** Whether a projection cell's text is the row's default formula (today's, or the one it replaced). */
export function isDefaultProjectionFormula(
  text: unknown,
  indicator: Pick<Indicator, 'target' | 'unit' | 'targetYear'>,
  row: number,
  layout: FormulaLayout,
): boolean {
  if (typeof text !== 'string') return false;
  return (
    text === projectionFormula(indicator, row, layout) ||
    text === legacyProjectionFormula(indicator, row, layout)
  );
}

/** Whether a formula is log-linear with the linear trend standing in for its errors, as the default one is. */
export function hasLinearFallback(formula: string): boolean {
  const text = formula.toUpperCase();
  return /IFERROR\(\s*(GROWTH|LOGEST)\(/.test(text) && /(FORECAST(\.LINEAR)?|TREND)\(/.test(text);
}

/** Which method a formula uses, for the explanation (null when the clerk wrote something else). */
export function methodOfFormula(formula: string): Method | null {
  const text = formula.toUpperCase();
  if (text.includes('FORECAST.CAGR(')) return 'cagr';
  if (text.includes('GROWTH(') || text.includes('LOGEST(')) return 'log-linear';
  if (/FORECAST(\.LINEAR)?\(|TREND\(/.test(text)) return 'linear';
  return null;
}

// A cell reference: not part of a longer name (BIN2DEC, LOG10) and not a function call. Either case, as
// HyperFormula reads both.
const REF = '(\\$?)([A-Za-z]{1,3})(\\$?)(\\d+)';
const BEFORE = '(?<![A-Za-z0-9_.$])';
const AFTER = '(?![\\d(A-Za-z_])';
const CELL_REF = new RegExp(`${BEFORE}${REF}${AFTER}`, 'g');
/** A reference or a range of them (G5:N5). */
const CELL_RANGE = new RegExp(`${BEFORE}${REF}(?::${REF})?${AFTER}`, 'g');

/**
 * Stored form of a formula: references to the formula's own row become "{r}" so the formula survives rows
 * being added, deleted or reordered (as Excel keeps a copied formula relative). Text in quotes is left alone.
 */
export function toRelativeFormula(formula: string, row: number): string {
  return mapOutsideStrings(formula, (part) =>
    part.replace(CELL_REF, (match, dc: string, col: string, dr: string, r: string) =>
      dr === '' && Number(r) === row ? `${dc}${col}{r}` : match,
    ),
  );
}

export function fromRelativeFormula(formula: string, row: number): string {
  return formula.replace(/\{r\}/g, String(row));
}

function mapOutsideStrings(text: string, map: (part: string) => string): string {
  return text
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : map(part)))
    .join('');
}

/**
 * A formula copied `offset` rows down (up when negative), as a spreadsheet's fill handle copies it: references
 * without a $ before the row number move with it; one that would leave the sheet becomes #REF!.
 */
export function shiftRelativeRows(formula: string, offset: number): string {
  return mapOutsideStrings(formula, (part) =>
    part.replace(CELL_REF, (match, dc: string, col: string, dr: string, r: string) => {
      if (dr === '$') return match;
      const row = Number(r) + offset;
      return row < 1 ? '#REF!' : `${dc}${col}${row}`;
    }),
  );
}

/**
 * A formula after rows were inserted or deleted, as a spreadsheet rewrites it: each reference to row R becomes
 * `newRow(R)` (1-based), or #REF! when its row was deleted. Text in quotes is left alone.
 */
export function remapRowReferences(formula: string, newRow: (row: number) => number | null): string {
  return mapOutsideStrings(formula, (part) =>
    part.replace(
      CELL_RANGE,
      (
        _match,
        dc: string,
        col: string,
        dr: string,
        r: string,
        dc2?: string,
        col2?: string,
        dr2?: string,
        r2?: string,
      ) => {
        if (r2 === undefined) {
          const moved = newRow(Number(r));
          return moved === null ? '#REF!' : `${dc}${col}${dr}${moved}`;
        }
        // A range keeps the rows of it that remain, as in Excel (deleting its last row shrinks it).
        const [top, bottom] = [Number(r), Number(r2)].sort((a, b) => a - b) as [number, number];
        let first: number | null = null;
        for (let row = top; row <= bottom && first === null; row += 1) first = newRow(row);
        let last: number | null = null;
        for (let row = bottom; row >= top && last === null; row -= 1) last = newRow(row);
        if (first === null || last === null) return '#REF!';
        const [start, end] = Number(r) <= Number(r2) ? [first, last] : [last, first];
        return `${dc}${col}${dr}${start}:${dc2 ?? ''}${col2 ?? ''}${dr2 ?? ''}${end}`;
      },
    ),
  );
}

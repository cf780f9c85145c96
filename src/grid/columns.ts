/**
 * The grid's columns and the mapping between an indicator and a grid row (a plain array, which Handsontable
 * edits in place). Pure: no Handsontable import, so it is tested in Node.
 */
import { parseEntry } from '../model/entry';
import { DEPARTMENTS } from '../model/office-name';
import {
  AREAS,
  COMPARATORS,
  copyIndicator,
  TARGET_KINDS,
  TARGET_KIND_LABELS,
  type CellValue,
  type Comparator,
  type Indicator,
  type TargetKind,
} from '../model/indicator';
import { describePreviousTarget } from '../model/planning';
import { KEPT_MARK } from '../model/planning-report';
import { describeTarget } from '../model/target-text';
import { baseYearBeforeYears, baseYearPastFigures } from '../model/workbook';

export { describeTarget };
import {
  fromRelativeFormula,
  isDefaultProjectionFormula,
  projectionFormula,
  toRelativeFormula,
  type FormulaLayout,
} from './formulas';
import { parseYearlyStep } from './target-definition';

export type ColumnKey =
  | 'code'
  | 'name'
  | 'area'
  | 'department'
  | 'unit'
  | 'targetText'
  | 'year'
  | 'projection'
  | 'gap'
  | 'status'
  | 'fluctuation'
  | 'previousTarget'
  | 'ambition'
  | 'keptTarget'
  | 'kind'
  | 'comparator'
  | 'wording'
  | 'targetValue'
  | 'yearlyStep'
  | 'baseYear'
  | 'targetYear'
  | 'clause'
  | 'source'
  | 'note';

export interface ColumnSpec {
  key: ColumnKey;
  title: string;
  /** For year columns. */
  year?: number;
  width: number;
  readOnly?: boolean;
  /** Choices for a dropdown column. */
  choices?: readonly string[];
  /** The column holds a number (value, target value, year); typed text is read with parseEntry. */
  numeric?: boolean;
  wrap?: boolean;
}

/** The 比较 list (the model's one list of comparators). */
export { COMPARATORS };
export const KIND_CHOICES = TARGET_KINDS.map((kind) => TARGET_KIND_LABELS[kind]);

/** The 责任单位 list (the model's one list of offices, which the CSV import reads a new row's office against). */
export { DEPARTMENTS };

/**
 * Number of leading columns kept in view while scrolling sideways: code, name and 状态. 状态 too, because a clerk
 * typing 2025's figures far to the right wants to see the row's status change (it scrolled away on a 1366-pixel
 * laptop, leaving the figure without its verdict).
 */
export const FROZEN_COLUMNS = 3;

/** `planning`: the workbook is a new plan made from an earlier one; show the previous target and the checks. */
export function buildColumns(
  years: readonly number[],
  planBaseYear: number,
  targetYear: number,
  planning = false,
): ColumnSpec[] {
  const planningColumns: ColumnSpec[] = planning
    ? [
        { key: 'previousTarget', title: '上期目标', width: 280, readOnly: true },
        { key: 'ambition', title: '目标评估', width: 110, readOnly: true },
        // A tick: the target carried over is kept by decision (沿用上期目标，已确定), not still waiting to be chosen.
        { key: 'keptTarget', title: '确定沿用', width: 112 },
      ]
    : [];
  return [
    { key: 'code', title: '代码', width: 90, readOnly: true },
    { key: 'name', title: '指标名称', width: 220, wrap: true },
    // Status first after the name: what the committee looks for at a glance.
    { key: 'status', title: '状态', width: 92, readOnly: true },
    { key: 'fluctuation', title: '波动', width: 96, readOnly: true },
    { key: 'unit', title: '单位', width: 78 },
    // Wrapped, not cut: 不升（上升趋势得到有效控制） lost its closing bracket at this width on one line.
    { key: 'targetText', title: '目标', width: 196, wrap: true },
    ...planningColumns,
    ...years.map((year): ColumnSpec => ({
      key: 'year',
      year,
      title: year === planBaseYear ? `${year}年（基期）` : `${year}年`,
      width: year === planBaseYear ? 144 : 96,
      numeric: true,
    })),
    { key: 'projection', title: `预测${targetYear}年`, width: 124 },
    { key: 'gap', title: '与目标差距', width: 110, readOnly: true },
    { key: 'area', title: '领域', width: 124, choices: AREAS },
    { key: 'department', title: '责任单位', width: 120, choices: DEPARTMENTS },
    { key: 'kind', title: '目标类型', width: 96, choices: KIND_CHOICES },
    { key: 'comparator', title: '比较', width: 66, choices: COMPARATORS },
    { key: 'wording', title: '规划表述', width: 110, wrap: true },
    { key: 'targetValue', title: '目标值', width: 82, numeric: true },
    { key: 'yearlyStep', title: '每年变化', width: 96, numeric: true },
    { key: 'baseYear', title: '基期年', width: 82, numeric: true },
    { key: 'targetYear', title: '目标年', width: 82, numeric: true },
    { key: 'clause', title: '条款', width: 110, wrap: true },
    { key: 'source', title: '规划原文', width: 360, wrap: true },
    { key: 'note', title: '备注', width: 200, wrap: true },
  ];
}

export type GridCell = string | number | null;

/** What a ticked 确定沿用 cell holds (an unticked one holds nothing). */
export const KEPT_CELL = KEPT_MARK;
export type GridRow = GridCell[];

export function layoutOf(columns: readonly ColumnSpec[]): FormulaLayout {
  const firstYearCol = columns.findIndex((c) => c.key === 'year');
  return {
    firstYearCol,
    years: columns.filter((c) => c.key === 'year').map((c) => c.year ?? 0),
    projectionCol: columns.findIndex((c) => c.key === 'projection'),
  };
}

/** The projection formula a row shows: the clerk's own, or the default for its kind. */
export function projectionFormulaOf(indicator: Indicator, row: number, layout: FormulaLayout): string {
  const own = indicator.projectionFormula ? fromRelativeFormula(indicator.projectionFormula, row) : null;
  // A formula kept as the row's own that is a default after all (the log-linear one before it fell back to the
  // linear trend) opens as today's default.
  return own !== null && !isDefaultProjectionFormula(own, indicator, row, layout)
    ? own
    : projectionFormula(indicator, row, layout);
}

/** A grid row; `row` is the 1-based spreadsheet row number its formulas refer to. */
export function toGridRow(indicator: Indicator, columns: readonly ColumnSpec[], row: number): GridRow {
  const layout = layoutOf(columns);
  return columns.map((column) => {
    switch (column.key) {
      case 'code':
        return indicator.code;
      case 'name':
        return indicator.name;
      case 'area':
        return indicator.area;
      case 'department':
        return indicator.department;
      case 'unit':
        return indicator.unit;
      case 'targetText':
        return describeTarget(indicator);
      case 'year':
        return indicator.values[column.year ?? 0] ?? null;
      case 'projection':
        return projectionFormulaOf(indicator, row, layout);
      // Computed by the grid from the row (src/model/row-results.ts), not stored.
      case 'gap':
      case 'status':
      case 'fluctuation':
      case 'ambition':
        return null;
      case 'previousTarget':
        return describePreviousTarget(indicator.previousTarget, indicator.unit);
      case 'keptTarget':
        return indicator.previousTargetKept ? KEPT_CELL : null;
      case 'kind':
        return TARGET_KIND_LABELS[indicator.target.kind];
      case 'comparator':
        return indicator.target.comparator;
      case 'wording':
        return indicator.target.wording;
      case 'targetValue':
        return indicator.target.value;
      case 'yearlyStep':
        return indicator.target.yearlyStep ?? null;
      case 'baseYear':
        return indicator.baseYear;
      case 'targetYear':
        return indicator.targetYear;
      case 'clause':
        return indicator.clause;
      case 'source':
        return indicator.source;
      case 'note':
        return indicator.note ?? null;
    }
  });
}

const KIND_BY_LABEL = new Map<string, TargetKind>(
  TARGET_KINDS.map((kind) => [TARGET_KIND_LABELS[kind], kind]),
);

/** The kind a 目标类型 cell names ("全覆盖" → full), or undefined when it names none. */
export function kindOfLabel(cell: GridCell | undefined): TargetKind | undefined {
  return KIND_BY_LABEL.get(text(cell));
}

function text(cell: GridCell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

function numberOrNull(cell: GridCell | undefined): number | null {
  if (typeof cell === 'number') return cell;
  const parsed = parseEntry(cell, '');
  return parsed.ok ? parsed.value : null;
}

/**
 * Read a grid row back into an indicator. Definition fields that are not valid (a text target value, an
 * unknown kind, a 基期年 not before the 目标年) keep the previous definition's value, so a slip in the grid never corrupts the target;
 * the grid marks those cells.
 */
export function fromGridRow(
  row: GridRow,
  columns: readonly ColumnSpec[],
  rowNumber: number,
  previous?: Indicator,
  historyFrom: number | null = null,
): Indicator {
  const indicator: Indicator = previous
    ? copyIndicator(previous)
    : {
        code: '',
        area: '',
        clause: '',
        name: '',
        unit: '',
        target: { kind: 'lower', comparator: '≥', wording: '', value: null },
        baseYear: 0,
        targetYear: 0,
        department: '',
        source: '',
        values: {},
      };
  const values: Record<number, CellValue> = {};
  let projectionCell: GridCell | undefined;
  columns.forEach((column, index) => {
    const cell = row[index];
    switch (column.key) {
      case 'code':
        indicator.code = text(cell);
        break;
      case 'name':
        indicator.name = text(cell);
        break;
      case 'area': {
        // An area not in the list is a slip, as a kind not in its list is: the row keeps its saved area (the grid
        // marks the cell and says 此格未保存). Empty is allowed (a new row starts so), and so is the area the row
        // already has (one a CSV's new row brought).
        const area = text(cell);
        if (area === '' || (AREAS as readonly string[]).includes(area) || area === previous?.area)
          indicator.area = area;
        break;
      }
      case 'department':
        indicator.department = text(cell);
        break;
      case 'unit':
        indicator.unit = text(cell);
        break;
      case 'targetText':
      case 'gap':
      case 'status':
      case 'fluctuation':
      case 'previousTarget':
      case 'ambition':
        break;
      case 'projection':
        projectionCell = cell;
        break;
      case 'year':
        if (cell !== null && cell !== undefined && cell !== '' && column.year !== undefined) {
          values[column.year] = typeof cell === 'number' ? cell : String(cell);
        }
        break;
      case 'kind': {
        const kind = KIND_BY_LABEL.get(text(cell));
        if (kind) indicator.target.kind = kind;
        break;
      }
      case 'comparator': {
        const comparator = text(cell) as Comparator;
        if (COMPARATORS.includes(comparator)) indicator.target.comparator = comparator;
        break;
      }
      case 'wording':
        indicator.target.wording = text(cell);
        break;
      case 'targetValue': {
        // Read as a year cell is, in the row's unit (the unit column comes first): "98%", "4‰".
        const value = parseEntry(cell, indicator.unit, indicator.name);
        if (value.ok) indicator.target.value = value.value;
        break;
      }
      case 'yearlyStep': {
        const step = parseYearlyStep(cell, indicator.unit);
        if (!step.ok) break;
        if (step.value === null) delete indicator.target.yearlyStep;
        else indicator.target.yearlyStep = step.value;
        break;
      }
      case 'baseYear':
      case 'targetYear': {
        const year = numberOrNull(cell);
        if (year !== null && Number.isInteger(year) && year >= 1949 && year <= 2100)
          indicator[column.key] = year;
        break;
      }
      case 'clause':
        indicator.clause = text(cell);
        break;
      case 'source':
        indicator.source = text(cell);
        break;
      case 'keptTarget':
        // Only a row with a previous target can keep it.
        if (cell === KEPT_CELL && indicator.previousTarget) indicator.previousTargetKept = true;
        else delete indicator.previousTargetKept;
        break;
      case 'note': {
        const note = text(cell);
        if (note) indicator.note = note;
        else delete indicator.note;
        break;
      }
    }
  });
  indicator.values = values;
  // A period that ends before it starts is a slip, as an unreadable year is: the row keeps its saved period
  // (the grid marks the cells and says 此格未保存), never a 基期年 after its 目标年.
  if (previous && indicator.baseYear >= indicator.targetYear) {
    indicator.baseYear = previous.baseYear;
    indicator.targetYear = previous.targetYear;
  }
  // So is a plan's base year moved past a year the row holds a figure for (baseYearPastFigures): the figure would
  // stay in the trend of a period that starts after it.
  if (
    previous &&
    indicator.baseYear > previous.baseYear &&
    baseYearPastFigures(indicator.baseYear, values, historyFrom)
  )
    indicator.baseYear = previous.baseYear;
  // So is a base year before the first year column (baseYearBeforeYears): its year has no column until a reload.
  // (The column is looked up only then: this runs for every row drawn.)
  if (previous && indicator.baseYear < previous.baseYear) {
    const firstYear = columns.find((c) => c.key === 'year')?.year;
    if (firstYear !== undefined && baseYearBeforeYears(indicator.baseYear, firstYear))
      indicator.baseYear = previous.baseYear;
  }
  // Keep the projection formula only when the clerk changed it; the default follows the row's definition.
  const projectionText =
    projectionCell === null || projectionCell === undefined ? '' : String(projectionCell).trim();
  delete indicator.projectionFormula;
  if (
    projectionText &&
    !isDefaultProjectionFormula(projectionText, indicator, rowNumber, layoutOf(columns))
  ) {
    indicator.projectionFormula = toRelativeFormula(projectionText, rowNumber);
  }
  return indicator;
}

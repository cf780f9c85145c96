/**
 * HyperFormula functions of the workbook's own: TARGETSTATUS and TARGETGAP (a row's status and its gap to the
 * target) and FORECAST.CAGR (compound annual growth, which Excel spells with RRI). Each is a thin wrapper
 * around the pure model, so the grid and the rest of the app compute the same thing.
 */
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import {
  COMPARATORS,
  isComparator,
  TARGET_KINDS,
  TARGET_KIND_LABELS,
  type TargetKind,
} from '../model/indicator';
import type { XlInput } from '../model/excel-functions';
import { project, seriesFromCells } from '../model/projection';
import { resultsOf, type FormulaValue } from '../model/row-results';
import { DEFAULT_THRESHOLDS, judgedComparator, type TargetSpec, type Thresholds } from '../model/status';

// HyperFormula does not export its AST and interpreter-state types; the plugin only passes them through.
type ProcedureAst = { args: never };
type InterpreterState = never;
type InterpreterValue = unknown;

/** Thresholds in force; the app sets them from the settings before the engine recomputes. */
let thresholds: Thresholds = DEFAULT_THRESHOLDS;
export function setStatusThresholds(next: Thresholds): void {
  thresholds = next;
}

const KIND_BY_LABEL = new Map<string, TargetKind>(TARGET_KINDS.map((k) => [TARGET_KIND_LABELS[k], k]));

/** Errors that mean "no projection yet" (too few or unusable values), not a broken formula. */
const NO_PROJECTION_ERRORS = new Set<ErrorType>([ErrorType.DIV_BY_ZERO, ErrorType.NA, ErrorType.NUM]);

function plain(value: unknown): unknown {
  if (value && typeof value === 'object' && 'val' in value) return (value as { val: unknown }).val;
  return typeof value === 'symbol' ? null : value;
}

function cells(range: unknown): XlInput[] {
  const values = range instanceof SimpleRangeValue ? range.valuesFromTopLeftCorner() : [range];
  return values.map(plain) as XlInput[];
}

/**
 * The projection argument as the grid's own computation sees it (src/model/row-results.ts), so a clerk's
 * TARGETSTATUS gives what the 状态 column gives: an error meaning "no projection yet" stays one, any other
 * error is a broken formula.
 */
function projectionOf(projected: unknown): FormulaValue {
  if (projected instanceof CellError) return NO_PROJECTION_ERRORS.has(projected.type) ? '#N/A' : '#VALUE!';
  const value = plain(projected);
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : String(value);
}

function specFrom(
  kindLabel: unknown,
  comparator: unknown,
  target: unknown,
  baseYear: unknown,
  targetYear: unknown,
) {
  const kind = KIND_BY_LABEL.get(String(kindLabel));
  if (!kind) return new CellError(ErrorType.VALUE, `未知的目标类型：${String(kindLabel)}`);
  // TARGETGAP takes no comparator (null): the gap does not depend on it. A misspelt one ("不上升") was judged as ↑.
  const text = comparator === null ? '≥' : String(comparator);
  if (!isComparator(text))
    return new CellError(ErrorType.VALUE, `未知的比较：“${text}”（可用 ${COMPARATORS.join('、')}）`);
  const value = typeof target === 'number' ? target : null;
  const spec: TargetSpec = {
    kind,
    // Judged as the grid judges the row (≤ on a 方向性 target is ↓, 不升 on a 上限 one <).
    comparator: judgedComparator({
      kind,
      comparator: text,
      ...(value === null ? {} : { yearlyStep: value }),
    }),
    value,
    baseYear: Number(baseYear),
    targetYear: Number(targetYear),
  };
  return spec;
}

export class PlanFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions = {
    TARGETSTATUS: {
      method: 'targetStatus',
      parameters: [
        // SCALAR, not NUMBER: an error in the projection reaches the function instead of propagating.
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER },
      ],
    },
    TARGETGAP: {
      method: 'targetGap',
      parameters: [
        // SCALAR, not NUMBER: an error in the projection reaches the function instead of propagating.
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER },
      ],
    },
    'FORECAST.CAGR': {
      method: 'forecastCagr',
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.RANGE },
      ],
    },
  };

  targetStatus(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('TARGETSTATUS'),
      (
        projected: unknown,
        values: unknown,
        years: unknown,
        kind: unknown,
        comparator: unknown,
        target: unknown,
        base: unknown,
        T: unknown,
      ) => {
        const spec = specFrom(kind, comparator, plain(target), base, T);
        if (spec instanceof CellError) return spec;
        return resultsOf(projectionOf(projected), cells(values), cells(years), spec, thresholds).status;
      },
    );
  }

  targetGap(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('TARGETGAP'),
      (
        projected: unknown,
        values: unknown,
        years: unknown,
        kind: unknown,
        target: unknown,
        base: unknown,
        T: unknown,
      ) => {
        const spec = specFrom(kind, null, plain(target), base, T);
        if (spec instanceof CellError) return spec;
        if (projected instanceof CellError) return projected;
        return resultsOf(projectionOf(projected), cells(values), cells(years), spec, thresholds).gap ?? '';
      },
    );
  }

  forecastCagr(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('FORECAST.CAGR'),
      (x: number, values: unknown, years: unknown) => {
        const result = project('cagr', seriesFromCells(cells(values), cells(years)), x);
        if (result.ok) return result.value;
        return new CellError(result.reason === 'non-positive' ? ErrorType.NUM : ErrorType.DIV_BY_ZERO);
      },
    );
  }
}

const TRANSLATIONS = {
  enGB: { TARGETSTATUS: 'TARGETSTATUS', TARGETGAP: 'TARGETGAP', 'FORECAST.CAGR': 'FORECAST.CAGR' },
  enUS: { TARGETSTATUS: 'TARGETSTATUS', TARGETGAP: 'TARGETGAP', 'FORECAST.CAGR': 'FORECAST.CAGR' },
};

let registered = false;
export function registerPlanFunctions(engine: typeof HyperFormula = HyperFormula): void {
  if (registered) return;
  engine.registerFunctionPlugin(PlanFunctionsPlugin, TRANSLATIONS);
  registered = true;
}

/**
 * HyperFormula plugin adding the Excel functions HyperFormula 3.5.0 lacks: FORECAST, FORECAST.LINEAR, INTERCEPT,
 * TREND, GROWTH, LINEST and LOGEST. It only converts cells; all the maths (and its Excel rules) lives in
 * src/model/excel-functions.ts.
 *
 * Inline array constants: HyperFormula 3.5.0 accepts them in formulas, so
 * `=FORECAST.LINEAR(2025, A1:F1, {2020,2021,2022,2023,2024,2025})` works (tested in
 * tests/unit/grid/forecast-functions-plugin.test.ts; `{1,2;3,4}` uses `;` between rows as in Excel).
 *
 * Spilling: TREND/GROWTH/LINEST/LOGEST declare `sizeOfResultArrayMethod`, so they spill like Excel's dynamic
 * arrays. HyperFormula sizes the spill when the formula is parsed, before any value is known: TREND/GROWTH take
 * the shape of new_x's (else known_x's, else known_y's); LINEST/LOGEST are 1×2, or 5×2 when `stats` is TRUE. When
 * `stats` is a cell or formula rather than a literal, 5×2 is reserved and the rows below stay empty if it is FALSE.
 * A 1×1 result is returned as a plain value.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type HyperFormula as HyperFormulaClass,
  type ImplementedFunctions,
} from 'hyperformula';
import {
  forecastLinear,
  growth,
  intercept,
  linest,
  logest,
  trend,
  type ExcelError,
  type XlInput,
  type XlResult,
} from '../model/excel-functions';

// HyperFormula does not export its AST and interpreter-state types; take them from the plugin API it does export.
type RunFunction = FunctionPlugin['runFunction'];
type Ast = Parameters<RunFunction>[0][number];
type InterpreterState = Parameters<RunFunction>[1];
/** The part of HyperFormula's ProcedureAst a plugin method reads. */
interface FunctionCall {
  args: Ast[];
}
type CellValue = Parameters<typeof SimpleRangeValue.onlyValues>[0][number][number];

// ---------------------------------------------------------------------------------------------------------------
// Conversions between HyperFormula values and the pure module's types. Exported so that sibling plugins (e.g. the
// status functions) follow the same pattern: read cells → call a pure function → write results.
// ---------------------------------------------------------------------------------------------------------------

const ERROR_TYPES: Record<ExcelError, ErrorType> = {
  '#N/A': ErrorType.NA,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NUM!': ErrorType.NUM,
  '#VALUE!': ErrorType.VALUE,
};

const ERROR_MESSAGES: Record<ExcelError, string> = {
  '#N/A': 'known_y and known_x must be non-empty and hold the same number of cells.',
  '#DIV/0!': 'Needs at least two usable (y, x) pairs whose x values are not all equal.',
  '#NUM!': 'Needs positive y values (GROWTH/LOGEST), or the result is too large.',
  '#VALUE!': 'x must be a number.',
};

/** One cell value from HyperFormula as the pure module's input; a cell error is returned as is, to propagate. */
function toXlInput(value: unknown): XlInput | CellError {
  if (value instanceof CellError) return value;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === EmptyValue || value === undefined || value === null) return null;
  // Dates, percentages and currencies are HyperFormula "rich numbers" that carry the number in `val`.
  if (typeof value === 'object' && 'val' in value && typeof value.val === 'number') return value.val;
  return null;
}

/**
 * A range, inline array or single value as a flat row-major list of inputs, plus its shape. The first cell error
 * inside is returned instead, because Excel propagates errors in these arguments.
 */
export function readCells(value: unknown): { cells: XlInput[]; width: number; height: number } | CellError {
  if (value instanceof SimpleRangeValue) {
    const cells: XlInput[] = [];
    for (const cell of value.valuesFromTopLeftCorner()) {
      const input = toXlInput(cell);
      if (input instanceof CellError) return input;
      cells.push(input);
    }
    return { cells, width: value.width(), height: value.height() };
  }
  const input = toXlInput(value);
  return input instanceof CellError ? input : { cells: [input], width: 1, height: 1 };
}

/** A pure result as a HyperFormula cell value. */
export function toCellValue(result: XlResult): number | CellError {
  return typeof result === 'number'
    ? result
    : new CellError(ERROR_TYPES[result.error], ERROR_MESSAGES[result.error]);
}

/** A pure 2-D result as a HyperFormula value: a plain value when 1×1, else a range that spills. */
export function toCellArray(rows: XlResult[][]): number | CellError | SimpleRangeValue {
  const first = rows[0]?.[0];
  if (rows.length === 1 && rows[0]?.length === 1 && first !== undefined) return toCellValue(first);
  return SimpleRangeValue.onlyValues(rows.map((row) => row.map((cell): CellValue => toCellValue(cell))));
}

/** A flat result laid out in the given shape (row-major, like `readCells`). */
function reshape(results: XlResult[], width: number, height: number): XlResult[][] {
  return Array.from({ length: height }, (_, row) => results.slice(row * width, row * width + width));
}

/**
 * An optional range argument: undefined when left out (`TREND(y, , new_x)`), decided from the formula rather than
 * the value, because a reference to an empty cell evaluates to the same EmptyValue as a skipped argument.
 */
function optionalCells(ast: Ast | undefined, value: unknown) {
  return isSyntacticallyEmpty(ast) ? undefined : readCells(value);
}

const isSyntacticallyEmpty = (ast: Ast | undefined): boolean =>
  ast === undefined || (ast.type as string) === 'EMPTY';

/** The value of a literal TRUE/FALSE/number argument known when the formula is parsed, else undefined. */
function literalBoolean(ast: Ast | undefined): boolean | undefined {
  if (ast === undefined) return undefined;
  const type = ast.type as string;
  if (type === 'NUMBER' && 'value' in ast && typeof ast.value === 'number') return ast.value !== 0;
  if (type === 'FUNCTION_CALL' && 'procedureName' in ast && 'args' in ast && ast.args.length === 0) {
    if (ast.procedureName === 'TRUE') return true;
    if (ast.procedureName === 'FALSE') return false;
  }
  return undefined;
}

/** Idempotent registration for any function plugin of this app: registering again only re-applies translations. */
export function registerFunctionPluginOnce(
  HyperFormula: typeof HyperFormulaClass,
  plugin: FunctionPluginDefinition,
  translations: Record<string, Record<string, string>>,
): void {
  const ids = Object.keys(plugin.implementedFunctions);
  if (!ids.every((id) => HyperFormula.getFunctionPlugin(id) === plugin)) {
    HyperFormula.registerFunctionPlugin(plugin, translations);
    return;
  }
  // HyperFormula only translates into languages registered at the time, so a language registered after the first
  // call gets the names on the next one.
  const registered = new Set(HyperFormula.getRegisteredLanguagesCodes());
  for (const [code, names] of Object.entries(translations)) {
    if (registered.has(code)) HyperFormula.getLanguage(code).extendFunctions(names);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The plugin. To add a function: an entry in `implementedFunctions` (+ `aliases`), the method it names, which runs
// `this.runFunction(...)` and calls the pure function, a `sizeOfResultArrayMethod` if it returns an array, and its
// name in FUNCTION_NAMES below. Methods must be declared on the class: HyperFormula looks them up on the prototype.
// ---------------------------------------------------------------------------------------------------------------

const range = { argumentType: FunctionArgumentType.ANY };
const optionalRange = { argumentType: FunctionArgumentType.ANY, optionalArg: true };
const flag = (defaultValue: boolean) => ({
  argumentType: FunctionArgumentType.BOOLEAN,
  defaultValue,
  // `LINEST(y, x, , TRUE)`: an empty argument means the default, as in Excel.
  emptyAsDefault: true,
});

export class ForecastFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    FORECAST: {
      method: 'forecast',
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, range, range],
    },
    INTERCEPT: { method: 'intercept', parameters: [range, range], vectorizationForbidden: true },
    TREND: {
      method: 'trend',
      sizeOfResultArrayMethod: 'trendSize',
      parameters: [range, optionalRange, optionalRange, flag(true)],
      vectorizationForbidden: true,
    },
    GROWTH: {
      method: 'growth',
      sizeOfResultArrayMethod: 'trendSize',
      parameters: [range, optionalRange, optionalRange, flag(true)],
      vectorizationForbidden: true,
    },
    LINEST: {
      method: 'linest',
      sizeOfResultArrayMethod: 'linestSize',
      parameters: [range, optionalRange, flag(true), flag(false)],
      vectorizationForbidden: true,
    },
    LOGEST: {
      method: 'logest',
      sizeOfResultArrayMethod: 'linestSize',
      parameters: [range, optionalRange, flag(true), flag(false)],
      vectorizationForbidden: true,
    },
  };

  /** Excel 2016 renamed FORECAST to FORECAST.LINEAR and kept the old name; both are the same function. */
  static aliases = { 'FORECAST.LINEAR': 'FORECAST' };

  forecast(ast: FunctionCall, state: InterpreterState) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('FORECAST'),
      (x: number, ys: unknown, xs: unknown) => {
        const knownYs = readCells(ys);
        const knownXs = readCells(xs);
        if (knownYs instanceof CellError) return knownYs;
        if (knownXs instanceof CellError) return knownXs;
        return toCellValue(forecastLinear(x, knownYs.cells, knownXs.cells));
      },
    );
  }

  intercept(ast: FunctionCall, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('INTERCEPT'), (ys: unknown, xs: unknown) => {
      const knownYs = readCells(ys);
      const knownXs = readCells(xs);
      if (knownYs instanceof CellError) return knownYs;
      if (knownXs instanceof CellError) return knownXs;
      return toCellValue(intercept(knownYs.cells, knownXs.cells));
    });
  }

  trend(ast: FunctionCall, state: InterpreterState) {
    return this.curve(ast, state, 'TREND', trend);
  }

  growth(ast: FunctionCall, state: InterpreterState) {
    return this.curve(ast, state, 'GROWTH', growth);
  }

  linest(ast: FunctionCall, state: InterpreterState) {
    return this.coefficients(ast, state, 'LINEST', linest);
  }

  logest(ast: FunctionCall, state: InterpreterState) {
    return this.coefficients(ast, state, 'LOGEST', logest);
  }

  /** TREND/GROWTH: one result per new x, in new_x's shape (else known_x's, else known_y's), as the size method says. */
  trendSize(ast: FunctionCall, state: InterpreterState): ArraySize {
    const [knownYs, knownXs, newXs] = ast.args;
    const shapedBy = [newXs, knownXs, knownYs].find((arg) => !isSyntacticallyEmpty(arg));
    if (shapedBy === undefined) return ArraySize.error();
    const size = this.arraySizeForAst(shapedBy, state);
    // A range's size is flagged as a reference; the result is a new array of that shape, not a reference.
    return new ArraySize(size.width, size.height);
  }

  /** LINEST/LOGEST: 1×2, or 5×2 with stats; a stats value not known at parse time reserves 5×2. */
  linestSize(ast: FunctionCall): ArraySize {
    const statsArg = ast.args[3];
    const stats = isSyntacticallyEmpty(statsArg) ? false : (literalBoolean(statsArg) ?? true);
    return new ArraySize(2, stats ? 5 : 1);
  }

  private curve(
    ast: FunctionCall,
    state: InterpreterState,
    name: 'TREND' | 'GROWTH',
    compute: typeof trend,
  ): ReturnType<RunFunction> {
    return this.runFunction(
      ast.args,
      state,
      this.metadata(name),
      (ys: unknown, xs: unknown, newXs: unknown, constant: boolean) => {
        const knownYs = readCells(ys);
        const knownXs = optionalCells(ast.args[1], xs);
        const targets = optionalCells(ast.args[2], newXs);
        if (knownYs instanceof CellError) return knownYs;
        if (knownXs instanceof CellError) return knownXs;
        if (targets instanceof CellError) return targets;
        // The pure function returns one result per new x (errors included), so this is the size `trendSize` reserved.
        const shape = targets ?? knownXs ?? knownYs;
        const results = compute(knownYs.cells, knownXs?.cells, targets?.cells, constant);
        return toCellArray(reshape(results, shape.width, shape.height));
      },
    );
  }

  private coefficients(
    ast: FunctionCall,
    state: InterpreterState,
    name: 'LINEST' | 'LOGEST',
    compute: typeof linest,
  ): ReturnType<RunFunction> {
    return this.runFunction(
      ast.args,
      state,
      this.metadata(name),
      (ys: unknown, xs: unknown, constant: boolean, stats: boolean) => {
        const knownYs = readCells(ys);
        const knownXs = optionalCells(ast.args[1], xs);
        if (knownYs instanceof CellError) return knownYs;
        if (knownXs instanceof CellError) return knownXs;
        return toCellArray(compute(knownYs.cells, knownXs?.cells, constant, stats));
      },
    );
  }
}

const FUNCTION_NAMES: Record<string, string> = {
  FORECAST: 'FORECAST',
  'FORECAST.LINEAR': 'FORECAST.LINEAR',
  INTERCEPT: 'INTERCEPT',
  TREND: 'TREND',
  GROWTH: 'GROWTH',
  LINEST: 'LINEST',
  LOGEST: 'LOGEST',
};

/**
 * Function names per HyperFormula language. HyperFormula 3.5.0 ships no zhCN language, and the Chinese Excel keeps
 * the English names, so enGB (the built-in default) and enUS are all there is; a future zhCN would reuse these.
 */
export const FORECAST_FUNCTION_TRANSLATIONS: Record<string, Record<string, string>> = {
  enGB: FUNCTION_NAMES,
  enUS: FUNCTION_NAMES,
};

/**
 * Makes the functions available to every HyperFormula instance built afterwards (registration is global). Safe to
 * call more than once; call it after registering extra languages, or again, so they get the names too.
 */
export function registerForecastFunctions(HyperFormula: typeof HyperFormulaClass): void {
  registerFunctionPluginOnce(HyperFormula, ForecastFunctionsPlugin, FORECAST_FUNCTION_TRANSLATIONS);
}

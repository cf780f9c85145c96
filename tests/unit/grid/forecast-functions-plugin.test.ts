import { describe, it, expect, beforeAll } from 'vitest';
import { DetailedCellError, ErrorType, HyperFormula, type CellValue } from 'hyperformula';
import { enUS } from 'hyperformula/i18n/languages';
import {
  FORECAST_FUNCTION_TRANSLATIONS,
  ForecastFunctionsPlugin,
  registerForecastFunctions,
} from '../../../src/grid/forecast-functions-plugin';
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
} from '../../../src/model/excel-functions';

// Registration is global to the HyperFormula class, so the "before" checks must run first: vitest runs the tests of
// a file in order, in a worker of its own, and `beforeAll` of the second block runs only when that block starts.

const NAMES = ['FORECAST', 'FORECAST.LINEAR', 'INTERCEPT', 'TREND', 'GROWTH', 'LINEST', 'LOGEST'];

/** Row 1: rates with gaps; row 2: their years (one missing). Laid out as the clerks' sheet: B1:G1 and B2:G2. */
const RATES: XlInput[] = [10, 12, null, 15.5, null, 19];
const YEARS: XlInput[] = [2019, 2020, 2021, 2022, 2023, null];

function build(formulas: XlInput[][], language?: string): HyperFormula {
  return HyperFormula.buildFromArray([['Rate', ...RATES], ['Year', ...YEARS], ...formulas], {
    licenseKey: 'gpl-v3',
    ...(language ? { language } : {}),
  });
}

const ERROR_TYPE: Record<ExcelError, ErrorType> = {
  '#N/A': ErrorType.NA,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NUM!': ErrorType.NUM,
  '#VALUE!': ErrorType.VALUE,
};

/** HyperFormula rounds what it hands out to about ten significant digits, so numbers are compared relatively. */
function expectSame(actual: CellValue, expected: XlResult | undefined): void {
  if (expected === undefined) throw new Error('missing expected value');
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(expected)),
    );
  } else {
    expect(actual).toBeInstanceOf(DetailedCellError);
    expect((actual as DetailedCellError).type).toBe(ERROR_TYPE[expected.error]);
    expect((actual as DetailedCellError).value).toBe(expected.error);
  }
}

/** The values of row `row` (0-based) from column A on, `width` cells. */
function rowValues(hf: HyperFormula, row: number, width: number): CellValue[] {
  return Array.from({ length: width }, (_, col) => hf.getCellValue({ sheet: 0, row, col }));
}

describe('before registration', () => {
  it.each(NAMES)('%s is #NAME? in plain HyperFormula 3.5.0', (name) => {
    const hf = build([[`=${name}(B1:G1, B2:G2)`]]);
    const value = hf.getCellValue({ sheet: 0, row: 2, col: 0 });
    expect(value).toBeInstanceOf(DetailedCellError);
    expect((value as DetailedCellError).type).toBe(ErrorType.NAME);
    hf.destroy();
  });

  it('accepts inline array constants in formulas (",": columns, ";": rows)', () => {
    const hf = build([['=SUM({1,2,3})', '=SLOPE({2,4,6}, {1,2,3})', '=SUM({1,2;3,4})']]);
    expect(rowValues(hf, 2, 3)).toEqual([6, 2, 10]);
    hf.destroy();
  });
});

describe('after registration', () => {
  beforeAll(() => registerForecastFunctions(HyperFormula));

  it('registers once: calling again keeps the same plugin and all names', () => {
    expect(() => registerForecastFunctions(HyperFormula)).not.toThrow();
    for (const name of NAMES) expect(HyperFormula.getFunctionPlugin(name)).toBe(ForecastFunctionsPlugin);
    expect(HyperFormula.getRegisteredFunctionNames('enGB')).toEqual(expect.arrayContaining(NAMES));
    expect(Object.keys(FORECAST_FUNCTION_TRANSLATIONS)).toEqual(expect.arrayContaining(['enGB', 'enUS']));
  });

  it('=FORECAST.LINEAR(2025, B1:G1, B2:G2) with empty cells equals the pure module', () => {
    const hf = build([
      ['=FORECAST.LINEAR(2025, B1:G1, B2:G2)', '=FORECAST(2025, B1:G1, B2:G2)', '=INTERCEPT(B1:G1, B2:G2)'],
    ]);
    const expected = forecastLinear(2025, RATES, YEARS);
    const [linear, legacy, b] = rowValues(hf, 2, 3);
    expectSame(linear as CellValue, expected);
    expectSame(legacy as CellValue, expected);
    expectSame(b as CellValue, intercept(RATES, YEARS));
    // Only (2019, 10), (2020, 12), (2022, 15.5) are used: m = 8.5 / (14/3), ȳ = 12.5 at x̄ = 2020⅓, so 2025 → 21.
    expect(linear as number).toBeCloseTo(21, 9);
    hf.destroy();
  });

  it('takes an inline array for known_x', () => {
    const hf = build([['=FORECAST.LINEAR(2025, B1:F1, {2019,2020,2021,2022,2023})']]);
    expectSame(
      hf.getCellValue({ sheet: 0, row: 2, col: 0 }),
      forecastLinear(2025, RATES.slice(0, 5), [2019, 2020, 2021, 2022, 2023]),
    );
    hf.destroy();
  });

  it('evaluates the exact inline-array formula from the brief', () => {
    const rates: XlInput[] = [10, 12, null, 15, 17, null];
    const years = [2020, 2021, 2022, 2023, 2024, 2025];
    const hf = HyperFormula.buildFromArray(
      [rates, ['=FORECAST.LINEAR(2025, A1:F1, {2020,2021,2022,2023,2024,2025})']],
      { licenseKey: 'gpl-v3' },
    );
    expectSame(hf.getCellValue({ sheet: 0, row: 1, col: 0 }), forecastLinear(2025, rates, years));
    hf.destroy();
  });

  it('recalculates when a rate is filled in', () => {
    const hf = build([['=FORECAST.LINEAR(2025, B1:G1, B2:G2)']]);
    hf.setCellContents({ sheet: 0, row: 0, col: 3 }, 13);
    const filled = [...RATES];
    filled[2] = 13;
    expectSame(hf.getCellValue({ sheet: 0, row: 2, col: 0 }), forecastLinear(2025, filled, YEARS));
    hf.destroy();
  });

  it('TREND and GROWTH spill one value per new x, in the shape of new_x', () => {
    const hf = build([
      [
        '=TREND(B1:G1, B2:G2, {2024,2025,2026})',
        null,
        null,
        null,
        null,
        null,
        null,
        '=GROWTH(B1:G1, B2:G2, {2024;2025})',
      ],
      ['=TREND(B1:G1, B2:G2)'],
      ['=TREND(B1:E1, , 5)', '=TREND(B1:G1, B2:G2, 2025, FALSE())'],
    ]);
    const trendRow = rowValues(hf, 2, 3);
    trend(RATES, YEARS, [2024, 2025, 2026]).forEach((value, i) =>
      expectSame(trendRow[i] as CellValue, value),
    );
    // A column of new x values spills down.
    const growthCol = growth(RATES, YEARS, [2024, 2025]);
    expectSame(hf.getCellValue({ sheet: 0, row: 2, col: 7 }), growthCol[0]);
    expectSame(hf.getCellValue({ sheet: 0, row: 3, col: 7 }), growthCol[1]);
    // Without new_x: the known years, so the gaps get values and the missing year (G2) is #VALUE!.
    const fitted = rowValues(hf, 3, 6);
    trend(RATES, YEARS).forEach((value, i) => expectSame(fitted[i] as CellValue, value));
    expect((fitted[5] as DetailedCellError).type).toBe(ErrorType.VALUE);
    // A skipped known_x means {1, 2, 3, ...}; a scalar new_x gives a plain value.
    expectSame(hf.getCellValue({ sheet: 0, row: 4, col: 0 }), trend(RATES.slice(0, 4), undefined, [5])[0]);
    expectSame(hf.getCellValue({ sheet: 0, row: 4, col: 1 }), trend(RATES, YEARS, [2025], false)[0]);
    hf.destroy();
  });

  it('LINEST and LOGEST spill 1×2, or the 5×2 stats block with #N/A where Excel puts it', () => {
    const hf = build([
      ['=LINEST(B1:G1, B2:G2)', null, '=LOGEST(B1:G1, B2:G2)'],
      ['=LINEST(B1:G1, B2:G2, TRUE(), TRUE())', null, '=LOGEST(B1:G1, B2:G2, FALSE(), 1)'],
      [],
      [],
      [],
      [],
    ]);
    const check = (row: number, col: number, expected: XlResult[][]) =>
      expected.forEach((cells, r) =>
        cells.forEach((value, c) =>
          expectSame(hf.getCellValue({ sheet: 0, row: row + r, col: col + c }), value),
        ),
      );
    check(2, 0, linest(RATES, YEARS));
    check(2, 2, logest(RATES, YEARS));
    check(3, 0, linest(RATES, YEARS, true, true));
    check(3, 2, logest(RATES, YEARS, false, true));
    expect((hf.getCellValue({ sheet: 0, row: 4, col: 3 }) as DetailedCellError).type).toBe(ErrorType.NA);
    // Single cells of the result are reachable like any array.
    hf.setCellContents({ sheet: 0, row: 9, col: 0 }, '=INDEX(LINEST(B1:G1, B2:G2), 1, 2)');
    expectSame(hf.getCellValue({ sheet: 0, row: 9, col: 0 }), linest(RATES, YEARS)[0]?.[1]);
    hf.destroy();
  });

  it('a stats flag in a cell reserves 5×2 and leaves the rows below empty when it is FALSE', () => {
    const hf = build([[false, '=LINEST(B1:G1, B2:G2, TRUE(), A3)'], [], [], [], []]);
    expectSame(hf.getCellValue({ sheet: 0, row: 2, col: 1 }), linest(RATES, YEARS)[0]?.[0]);
    expect(hf.getCellValue({ sheet: 0, row: 3, col: 1 })).toBeNull();
    hf.setCellContents({ sheet: 0, row: 2, col: 0 }, true);
    expectSame(hf.getCellValue({ sheet: 0, row: 6, col: 2 }), linest(RATES, YEARS, true, true)[4]?.[1]);
    hf.destroy();
  });

  it.each<{ formula: string; error: ExcelError; pure: () => XlResult | undefined }>([
    {
      formula: '=FORECAST(2025, B1:G1, B2:F2)',
      error: '#N/A',
      pure: () => forecastLinear(2025, RATES, YEARS.slice(0, 5)),
    },
    {
      formula: '=FORECAST.LINEAR(2025, B1:C1, {2020,2020})',
      error: '#DIV/0!',
      pure: () => forecastLinear(2025, [10, 12], [2020, 2020]),
    },
    {
      formula: '=INTERCEPT(D1:F1, D2:F2)',
      error: '#DIV/0!',
      pure: () => intercept(RATES.slice(2, 5), YEARS.slice(2, 5)),
    },
    {
      formula: '=GROWTH({5,-1,3}, {1,2,3}, 4)',
      error: '#NUM!',
      pure: () => growth([5, -1, 3], [1, 2, 3], [4])[0],
    },
    {
      formula: '=LOGEST({5,0,3}, {1,2,3})',
      error: '#NUM!',
      pure: () => logest([5, 0, 3], [1, 2, 3])[0]?.[0],
    },
    {
      formula: '=FORECAST("abc", B1:G1, B2:G2)',
      error: '#VALUE!',
      pure: () => forecastLinear('abc', RATES, YEARS),
    },
    { formula: '=TREND(B1:G1, B2:G2, "x")', error: '#VALUE!', pure: () => trend(RATES, YEARS, ['x'])[0] },
    { formula: '=LINEST(B1:G1, B2:F2)', error: '#N/A', pure: () => linest(RATES, YEARS.slice(0, 5))[0]?.[0] },
  ])('$formula is $error, as in the pure module', ({ formula, error, pure }) => {
    const hf = build([[formula]]);
    const value = hf.getCellValue({ sheet: 0, row: 2, col: 0 });
    expect(pure()).toEqual({ error });
    expect(value).toBeInstanceOf(DetailedCellError);
    expect((value as DetailedCellError).type).toBe(ERROR_TYPE[error]);
    hf.destroy();
  });

  it('a reference to an empty cell is a value, not a skipped argument', () => {
    // H1 is empty: as new_x it is one non-number (#VALUE!), as known_x a one-cell array of the wrong length (#N/A).
    const hf = build([['=TREND(B1:G1, B2:G2, H1)', '=TREND(B1:G1, H1)', '=LINEST(B1:G1, H1)']]);
    const [asNewX, asKnownX, inLinest] = rowValues(hf, 2, 3);
    expectSame(asNewX as CellValue, trend(RATES, YEARS, [null])[0]);
    expect((asNewX as DetailedCellError).type).toBe(ErrorType.VALUE);
    expect((asKnownX as DetailedCellError).type).toBe(ErrorType.NA);
    expect((inLinest as DetailedCellError).type).toBe(ErrorType.NA);
    hf.destroy();
  });

  it('propagates an error inside the known values', () => {
    const hf = build([['=FORECAST(2025, B1:G1, B2:G2)', '=TREND(B1:G1, B2:G2, 2025)']]);
    hf.setCellContents({ sheet: 0, row: 0, col: 2 }, '=NA()');
    expect((hf.getCellValue({ sheet: 0, row: 2, col: 0 }) as DetailedCellError).type).toBe(ErrorType.NA);
    expect((hf.getCellValue({ sheet: 0, row: 2, col: 1 }) as DetailedCellError).type).toBe(ErrorType.NA);
    hf.destroy();
  });

  it('works in enUS once that language is registered and registration is repeated', () => {
    if (!HyperFormula.getRegisteredLanguagesCodes().includes('enUS'))
      HyperFormula.registerLanguage('enUS', enUS);
    registerForecastFunctions(HyperFormula);
    const hf = build([['=FORECAST.LINEAR(2025, B1:G1, B2:G2)']], 'enUS');
    expectSame(hf.getCellValue({ sheet: 0, row: 2, col: 0 }), forecastLinear(2025, RATES, YEARS));
    hf.destroy();
  });
});

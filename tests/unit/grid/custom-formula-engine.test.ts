import { afterEach, describe, expect, it } from 'vitest';
import type { RawCellContent } from 'hyperformula';
import { makeCustomFormulaEngine, type CustomFormulaEngine } from '../../../src/grid/custom-formula-engine';
import { remapRowReferences } from '../../../src/grid/formulas';
import type { XlInput } from '../../../src/model/excel-functions';
import { defaultProjection, resultsOf } from '../../../src/model/row-results';
import { DEFAULT_THRESHOLDS } from '../../../src/model/status';

/** An engine over a grid the test can change, as the workbook grid hands it its rows (physical, 0-based). */
function engineOver(initial: RawCellContent[][]) {
  const grid = { rows: initial };
  const engine = makeCustomFormulaEngine(
    () => grid.rows.length,
    (r) => grid.rows[r] ?? [],
  );
  engines.push(engine);
  return { grid, engine };
}

const engines: CustomFormulaEngine[] = [];
afterEach(() => {
  for (const engine of engines.splice(0)) engine.destroy();
});

/** The projection column (E) of a row whose rates for 2020–2023 are in A–D. */
const P = 4;
const LINEAR = '=FORECAST.LINEAR(2025, A1:D1, {2020,2021,2022,2023})';

describe('custom formula engine', () => {
  it('gives the value of a formula that reads another row', () => {
    const { engine } = engineOver([
      [1, 2, 3, 4, null],
      [10, 20, 30, 40, '=A1+D1*B2'],
    ]);
    // 1 + 4 × 20
    expect(engine.valueAt(1, P)).toBe(81);
  });

  it('follows rows reported as changed', () => {
    const { grid, engine } = engineOver([
      [1, 2, 3, 4, null],
      [10, 20, 30, 40, '=A1+D1'],
    ]);
    expect(engine.valueAt(1, P)).toBe(5);
    grid.rows[0] = [100, 2, 3, 400, null];
    engine.rowsChanged([0]);
    expect(engine.valueAt(1, P)).toBe(500);
    // A clerk rewrites the formula itself.
    grid.rows[1] = [10, 20, 30, 40, '=A1-D1'];
    engine.rowsChanged([1]);
    expect(engine.valueAt(1, P)).toBe(-300);
  });

  it('sees rows changed before it was first asked for a value', () => {
    const { grid, engine } = engineOver([
      [1, 2, 3, 4, null],
      [0, 0, 0, 0, '=SUM(A1:D1)'],
    ]);
    grid.rows[0] = [5, 5, 5, 5, null];
    engine.rowsChanged([0]);
    expect(engine.valueAt(1, P)).toBe(20);
  });

  it('follows rows being removed once told the structure changed', () => {
    const { grid, engine } = engineOver([
      [1, 1, 1, 1, null],
      [100, 200, 300, 400, null],
      [0, 0, 0, 0, '=A2+D2'],
    ]);
    expect(engine.valueAt(2, P)).toBe(500);
    // Row 1 is deleted; the grid rewrites the formula as a spreadsheet would and replaces its rows.
    const newRow = (row: number) => (row === 1 ? null : row > 1 ? row - 1 : row);
    grid.rows = [
      [100, 200, 300, 400, null],
      [0, 0, 0, 0, remapRowReferences('=A2+D2', newRow)],
    ];
    engine.structureChanged();
    expect(engine.valueAt(1, P)).toBe(500);

    // Now the row the formula reads is deleted: the reference is gone.
    grid.rows = [[0, 0, 0, 0, remapRowReferences('=A1+D1', () => null)]];
    engine.structureChanged();
    expect(engine.valueAt(0, P)).toBe('#REF!');
  });

  it('gives errors as the text Excel shows', () => {
    const { engine } = engineOver([
      [1, 2, 3, 4, '=NOSUCHFUNCTION(A1)', '=1/0', '=FORECAST.LINEAR(2025, A1:D1, {2020,2021})'],
    ]);
    expect(engine.valueAt(0, P)).toBe('#NAME?');
    expect(engine.valueAt(0, P + 1)).toBe('#DIV/0!');
    // Four values but two years.
    expect(engine.valueAt(0, P + 2)).toBe('#N/A');
  });

  it('gives text, logical and empty results as the grid shows them', () => {
    const { engine } = engineOver([[1, 2, 3, 4, '="约"&A1', '=D1>C1', null]]);
    expect(engine.valueAt(0, P)).toBe('约1');
    expect(engine.valueAt(0, P + 1)).toBe('TRUE');
    expect(engine.valueAt(0, P + 2)).toBeNull();
  });

  it('has the workbook’s forecasting functions', () => {
    const { engine } = engineOver([
      // 10, 12, 14, 16 in 2020–2023: +2 a year, so 20 in 2025.
      [10, 12, 14, 16, LINEAR],
      // Text (typed into a year cell, kept as text by a leading apostrophe) is ignored: still +2 a year.
      [10, "'缺报", 14, 16, '=FORECAST.LINEAR(2025, A2:D2, {2020,2021,2022,2023})'],
      // −10 % a year from 8: 8 × 0.9⁵ in 2025.
      [8, 7.2, 6.48, null, '=GROWTH(A3:D3, {2020,2021,2022,2023}, 2025)'],
      // First 100, latest 121 two years later: +10 % a year, so 121 × 1.1³ in 2025.
      [100, 130, 121, null, '=FORECAST.CAGR(2025, A4:D4, {2020,2021,2022,2023})'],
    ]);
    expect(engine.valueAt(0, P)).toBeCloseTo(20, 9);
    expect(engine.valueAt(1, P)).toBeCloseTo(20, 9);
    expect(engine.valueAt(2, P)).toBeCloseTo(8 * 0.9 ** 5, 9);
    expect(engine.valueAt(3, P)).toBeCloseTo(121 * 1.1 ** 3, 9);
  });

  it('computes the log-linear default as the grid does: GROWTH, else (a 0 among the values) FORECAST.LINEAR', () => {
    const years = [2021, 2022, 2023, 2024];
    const fallback = (r: number) =>
      `=IFERROR(GROWTH(A${r}:D${r}, {2021,2022,2023,2024}, 2025), FORECAST.LINEAR(2025, A${r}:D${r}, {2021,2022,2023,2024}))`;
    const rows: RawCellContent[][] = [
      // 新生儿死亡率 with a year of no deaths: GROWTH has #NUM!; linear by hand 2.3 + 1.06 × 2.5 = 4.95‰.
      [0, 2.5, 3.5, 3.2, fallback(1)],
      // All positive: GROWTH's own −10 % a year, 8 × 0.9⁴ in 2025.
      [8, 7.2, 6.48, 5.832, fallback(2)],
      // One value: neither has an answer.
      [null, 0, null, null, fallback(3)],
    ];
    const { engine } = engineOver(rows);
    expect(engine.valueAt(0, P)).toBeCloseTo(4.95, 9);
    expect(engine.valueAt(1, P)).toBeCloseTo(8 * 0.9 ** 4, 9);
    expect(engine.valueAt(2, P)).toBe('#DIV/0!');
    // The same figures the grid computes without the engine.
    const pure = (r: number) =>
      defaultProjection('log-linear', rows[r]!.slice(0, 4) as XlInput[], years, 2025);
    expect(engine.valueAt(0, P)).toBeCloseTo(pure(0) as number, 9);
    expect(engine.valueAt(1, P)).toBeCloseTo(pure(1) as number, 9);
    expect(pure(2)).toBe('#DIV/0!');
  });
});

describe('TARGETSTATUS and TARGETGAP in a clerk formula', () => {
  const spec = { kind: 'lower', comparator: '≥', value: 25, baseYear: 2020, targetYear: 2025 } as const;
  const args = 'A1:D1, {2020,2021,2022,2023}, "下限", "≥", 25, 2020, 2025';
  // TARGETGAP takes no comparator.
  const gapArgs = 'A1:D1, {2020,2021,2022,2023}, "下限", 25, 2020, 2025';

  it('give what the grid computes for the row (the same rules, one place)', () => {
    const { engine } = engineOver([
      [
        10,
        12,
        14,
        16,
        `=TARGETSTATUS(${LINEAR.slice(1)}, ${args})`,
        `=TARGETGAP(${LINEAR.slice(1)}, ${gapArgs})`,
      ],
    ]);
    // 10, 12, 14, 16 → 20 in 2025 by hand; the target is 25.
    const expected = resultsOf(20, [10, 12, 14, 16], [2020, 2021, 2022, 2023], spec, DEFAULT_THRESHOLDS);
    expect(engine.valueAt(0, 4)).toBe(expected.status);
    expect(engine.valueAt(0, 5)).toBeCloseTo(-5, 9);
  });

  it('say 数据不足 without enough values, and 公式有误 for a broken projection', () => {
    const { engine } = engineOver([
      [
        10,
        null,
        null,
        null,
        `=TARGETSTATUS(${LINEAR.slice(1)}, ${args})`,
        `=TARGETSTATUS(NOSUCH(1), ${args})`,
      ],
    ]);
    expect(engine.valueAt(0, 4)).toBe('数据不足');
    expect(engine.valueAt(0, 5)).toBe('公式有误');
  });

  /** TARGETSTATUS over A1:D1 (2020–2023), base 2020, target year 2025. */
  const status = (kind: string, comparator: string, target: string | number) =>
    `=TARGETSTATUS(0, A1:D1, {2020,2021,2022,2023}, "${kind}", "${comparator}", ${target}, 2020, 2025)`;
  const flat = (comparator: string) => status('方向性', comparator, '""');

  it('take 不升 (not rising) as the comparator of a 方向性 target: a flat series is 预计达标, as the grid says', () => {
    const { engine } = engineOver([[15, 15.1, 15, 15, flat('不升'), flat('↓')]]);
    expect(engine.valueAt(0, 4)).toBe('预计达标');
    expect(engine.valueAt(0, 5)).toBe('停滞');
  });

  it('refuse a comparator it does not know (不上升, ≦) with #VALUE!, not judge it as ↑', () => {
    const { engine } = engineOver([[15, 15.1, 15, 15, flat('不上升'), flat('≦')]]);
    expect(engine.valueAt(0, 4)).toBe('#VALUE!');
    expect(engine.valueAt(0, 5)).toBe('#VALUE!');
  });

  it('judge a comparator of the wrong sort for its kind as the grid does (≤ on 方向性 is ↓, 不升 on 上限 is <)', () => {
    const { engine } = engineOver([
      [15, 14, 13, 12, status('方向性', '≤', '""'), status('上限', '不升', 20), status('上限', '<', 20)],
    ]);
    // Falling 15 → 12: a fall was asked for.
    expect(engine.valueAt(0, 4)).toBe('预计达标');
    expect(engine.valueAt(0, 5)).toBe('已达标');
    expect(engine.valueAt(0, 6)).toBe('已达标');
  });
});

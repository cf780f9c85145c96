import { describe, expect, it } from 'vitest';
import {
  hasLinearFallback,
  isDefaultProjectionFormula,
  legacyProjectionFormula,
  methodOfFormula,
  projectionFormula,
  remapRowReferences,
  shiftRelativeRows,
} from '../../../src/grid/formulas';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';

/** `count` rows inserted above row `at` (1-based): that row and every row below move down. */
const inserted =
  (at: number, count = 1) =>
  (row: number): number | null =>
    row >= at ? row + count : row;

/** Rows `from`–`to` (1-based) deleted: they are gone, the rows below move up. */
const deleted =
  (from: number, to = from) =>
  (row: number): number | null =>
    row < from ? row : row > to ? row - (to - from + 1) : null;

const DEFAULT_FORMULA = '=FORECAST.LINEAR(2025, G5:N5, {2018,2019,2020,2021,2022,2023,2024,2025})';

describe('remapRowReferences', () => {
  it('moves references at and below inserted rows down and leaves those above alone', () => {
    expect(remapRowReferences('=G5+G2', inserted(3))).toBe('=G6+G2');
    expect(remapRowReferences('=G5+G2', inserted(5, 2))).toBe('=G7+G2');
    expect(remapRowReferences('=G5+G2', inserted(6))).toBe('=G5+G2');
  });

  it('moves references below deleted rows up, and a reference to a deleted row becomes #REF!', () => {
    expect(remapRowReferences('=G7-G5', deleted(5))).toBe('=G6-#REF!');
    expect(remapRowReferences('=G7-G5+G1', deleted(2, 3))).toBe('=G5-G3+G1');
  });

  it('moves both ends of a range; a vertical range shrinks when a row inside it is deleted', () => {
    expect(remapRowReferences(DEFAULT_FORMULA, inserted(1))).toBe(
      '=FORECAST.LINEAR(2025, G6:N6, {2018,2019,2020,2021,2022,2023,2024,2025})',
    );
    expect(remapRowReferences('=AVERAGE(O3:O9)', deleted(5))).toBe('=AVERAGE(O3:O8)');
    expect(remapRowReferences('=AVERAGE(O3:O9)', inserted(5))).toBe('=AVERAGE(O3:O10)');
  });

  it('moves absolute and mixed references too, keeping their $ signs (as Excel does on insert/delete)', () => {
    expect(remapRowReferences('=$G$5+G$5+$G5+G5', inserted(4))).toBe('=$G$6+G$6+$G6+G6');
    expect(remapRowReferences('=$G$5*$H$9', deleted(5))).toBe('=#REF!*$H$8');
  });

  it('handles columns of two and three letters', () => {
    expect(remapRowReferences('=AA12+AB12-XFD3', inserted(10))).toBe('=AA13+AB13-XFD3');
  });

  it('leaves text in double quotes alone, including doubled quotes inside it', () => {
    expect(remapRowReferences('=IF(G5>0,"见G5说明","A12")&" 第12行"', inserted(1))).toBe(
      '=IF(G6>0,"见G5说明","A12")&" 第12行"',
    );
    expect(remapRowReferences('=G5&"他说""G5"""&H5', inserted(1))).toBe('=G6&"他说""G5"""&H6');
  });

  it('does not touch function names with digits, array constants or plain numbers', () => {
    expect(remapRowReferences('=LOG10(G5)+ATAN2(G5,H5)+LN(G5)', inserted(1))).toBe(
      '=LOG10(G6)+ATAN2(G6,H6)+LN(G6)',
    );
    expect(remapRowReferences('=GROWTH(G5:N5, {2018,2019}, 2025)*1.05^3', deleted(1, 2))).toBe(
      '=GROWTH(G3:N3, {2018,2019}, 2025)*1.05^3',
    );
  });

  it('changes nothing when no row moves', () => {
    const formula = '=FORECAST.LINEAR(2025, $G$5:N5, {2018,2019,2020,2021,2022,2023,2024,2025})+"A1"';
    expect(remapRowReferences(formula, (row) => row)).toBe(formula);
    expect(remapRowReferences('=1/0', deleted(1))).toBe('=1/0');
  });

  it('does not rewrite a function name that has a digit inside (BIN2DEC, HEX2DEC, DEC2BIN)', () => {
    // "BIN2" must not be read as column BIN, row 2.
    expect(remapRowReferences('=BIN2DEC(G5)', inserted(1))).toBe('=BIN2DEC(G6)');
  });

  it('moves lower-case references, which HyperFormula accepts (=g5 is G5)', () => {
    expect(remapRowReferences('=g5*2', inserted(1)).toUpperCase()).toBe('=G6*2');
  });

  it('shrinks a range whose end row is deleted, as Excel does, instead of breaking it', () => {
    // Not '=SUM(O3:#REF!)', which HyperFormula cannot parse. Excel gives =SUM(O3:O6).
    expect(remapRowReferences('=SUM(O3:O7)', deleted(7))).toBe('=SUM(O3:O6)');
  });
});

describe('shiftRelativeRows (the fill handle)', () => {
  it('moves references without a $ before the row, and leaves absolute rows alone', () => {
    expect(shiftRelativeRows('=FORECAST.LINEAR(2025, J5:M5, {2021,2022,2023,2024})', 2)).toBe(
      '=FORECAST.LINEAR(2025, J7:M7, {2021,2022,2023,2024})',
    );
    expect(shiftRelativeRows('=M5*$B$2+N$3+$O4', 1)).toBe('=M6*$B$2+N$3+$O5');
    expect(shiftRelativeRows('=M5&"A1"', 3)).toBe('=M8&"A1"');
  });

  it('gives #REF! to a reference moved above the first row', () => {
    expect(shiftRelativeRows('=M2+1', -2)).toBe('=#REF!+1');
  });
});

describe('the log-linear default and the text it replaced', () => {
  const layout = {
    firstYearCol: 6,
    years: [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
    projectionCol: 14,
  };
  const neonatal = LANXI_2021_2025.indicators.find((row) => row.code === 'H01')!;
  const preschool = LANXI_2021_2025.indicators.find((row) => row.name === '学前教育毛入园率')!;
  const YEARS_ARRAY = '{2018,2019,2020,2021,2022,2023,2024,2025}';

  it('writes GROWTH with FORECAST.LINEAR standing in for its errors; other rows keep their formula', () => {
    expect(projectionFormula(neonatal, 5, layout)).toBe(
      `=IFERROR(GROWTH(G5:N5, ${YEARS_ARRAY}, 2025), FORECAST.LINEAR(2025, G5:N5, ${YEARS_ARRAY}))`,
    );
    expect(projectionFormula(preschool, 5, layout)).toBe(`=FORECAST.LINEAR(2025, G5:N5, ${YEARS_ARRAY})`);
    expect(methodOfFormula(projectionFormula(neonatal, 5, layout))).toBe('log-linear');
    expect(hasLinearFallback(projectionFormula(neonatal, 5, layout))).toBe(true);
    expect(hasLinearFallback(`=GROWTH(G5:N5, ${YEARS_ARRAY}, 2025)`)).toBe(false);
    expect(hasLinearFallback(projectionFormula(preschool, 5, layout))).toBe(false);
  });

  it('counts the old =GROWTH text of the row’s own row as its default, and nothing else', () => {
    const old = `=GROWTH(G5:N5, ${YEARS_ARRAY}, 2025)`;
    expect(legacyProjectionFormula(neonatal, 5, layout)).toBe(old);
    expect(isDefaultProjectionFormula(old, neonatal, 5, layout)).toBe(true);
    expect(isDefaultProjectionFormula(projectionFormula(neonatal, 5, layout), neonatal, 5, layout)).toBe(
      true,
    );
    // Another row's, another range, a linear row's: the clerk's own.
    expect(isDefaultProjectionFormula(old, neonatal, 6, layout)).toBe(false);
    expect(
      isDefaultProjectionFormula(`=GROWTH(J5:N5, {2021,2022,2023,2024,2025}, 2025)`, neonatal, 5, layout),
    ).toBe(false);
    expect(legacyProjectionFormula(preschool, 5, layout)).toBeNull();
    expect(isDefaultProjectionFormula(old, preschool, 5, layout)).toBe(false);
    expect(isDefaultProjectionFormula(null, neonatal, 5, layout)).toBe(false);
  });
});

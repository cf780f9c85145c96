import { describe, expect, it } from 'vitest';
import { copyIndicator, isEmptyValue, type Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';

/** A row of the plan, as a fresh copy. */
const planRow = (name: string): Indicator =>
  structuredClone(LANXI_2021_2025.indicators.find((row) => row.name === name)!);

/** A row with every optional field set, as a plan made from an earlier one has. */
function myopia(): Indicator {
  return {
    ...planRow('儿童青少年总体近视率'),
    values: { 2018: 55.2, 2019: 54.1, 2021: '约53' },
    note: '以2018年值为基数',
    projectionFormula: '=FORECAST.LINEAR(2025, J{r}:N{r}, {2021,2022,2023,2024,2025})',
    previousTarget: { kind: 'upper', comparator: '<', wording: '以下', value: 50, targetYear: 2020 },
  };
}

/** A row with none of the optional fields. */
function infantMortality(): Indicator {
  return { ...planRow('婴儿死亡率'), values: { 2020: 6.1 } };
}

describe('copyIndicator', () => {
  it('equals the original, optional fields included', () => {
    const original = myopia();
    const copy = copyIndicator(original);
    expect(copy).toStrictEqual(myopia());
    expect(copy.note).toBe('以2018年值为基数');
    expect(copy.projectionFormula).toBe(original.projectionFormula);
    expect(copy.previousTarget).toEqual({
      kind: 'upper',
      comparator: '<',
      wording: '以下',
      value: 50,
      targetYear: 2020,
    });
  });

  it('adds no optional field the original lacks', () => {
    const copy = copyIndicator(infantMortality());
    expect(copy).toStrictEqual(infantMortality());
    expect('previousTarget' in copy).toBe(false);
    expect('note' in copy).toBe(false);
    expect('projectionFormula' in copy).toBe(false);
  });

  it('is deep: editing the copy’s target, values and previous target leaves the original as it was', () => {
    const original = myopia();
    const copy = copyIndicator(original);
    copy.target.value = 40;
    copy.target.yearlyStep = -2;
    copy.values[2019] = 1;
    copy.values[2022] = 52;
    delete copy.values[2018];
    if (copy.previousTarget) copy.previousTarget.value = 45;
    copy.name = '改名';
    expect(original).toStrictEqual(myopia());
  });

  it('is deep the other way too: editing the original does not reach the copy', () => {
    const original = myopia();
    const copy = copyIndicator(original);
    original.target.wording = '以内';
    original.values[2020] = 53.6;
    if (original.previousTarget) original.previousTarget.targetYear = 2021;
    expect(copy).toStrictEqual(myopia());
  });
});

describe('isEmptyValue: the one test of “nothing in this cell”, for the history and the CSV import alike', () => {
  it('is true of a cell never written, cleared or emptied, and false of 0, a space, a dash or a text', () => {
    expect([undefined, null, ''].map(isEmptyValue)).toEqual([true, true, true]);
    expect([0, ' ', '—', '约53', Number.NaN].map(isEmptyValue)).toEqual([false, false, false, false, false]);
  });
});

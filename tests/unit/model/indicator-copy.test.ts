import { describe, expect, it } from 'vitest';
import { copyIndicator, type Indicator } from '../../../src/model/indicator';

/** A row with every optional field set, as a plan made from an earlier one has. */
function myopia(): Indicator {
  return {
    code: 'H10',
    area: '儿童与健康',
    clause: '二（二）9',
    name: '儿童青少年总体近视率',
    unit: '%',
    target: {
      kind: 'yearly-change',
      comparator: '≤',
      wording: '每年降低1个百分点以上',
      value: null,
      yearlyStep: -1,
    },
    baseYear: 2018,
    targetYear: 2025,
    department: '市教育局',
    source: '实现全市儿童青少年总体近视率在2018年基础上每年降低1个百分点以上',
    values: { 2018: 55.2, 2019: 54.1, 2021: '约53' },
    note: '以2018年值为基数',
    projectionFormula: '=FORECAST.LINEAR(2025, J{r}:N{r}, {2021,2022,2023,2024,2025})',
    previousTarget: { kind: 'upper', comparator: '<', wording: '以下', value: 50, targetYear: 2020 },
  };
}

/** A row with none of the optional fields. */
function infantMortality(): Indicator {
  return {
    code: 'H02',
    area: '儿童与健康',
    clause: '二（二）1',
    name: '婴儿死亡率',
    unit: '‰',
    target: { kind: 'upper', comparator: '<', wording: '以下', value: 5 },
    baseYear: 2020,
    targetYear: 2025,
    department: '市卫健局',
    source: '新生儿、婴儿和5岁以下儿童死亡率分别控制3‰、5‰和6‰以下',
    values: { 2020: 6.1 },
  };
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

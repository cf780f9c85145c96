import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../src/model/indicator';
import { nextCustomCode, yearColumns } from '../../../src/model/workbook';

const row = (code: string, baseYear: number, values: Indicator['values'] = {}): Indicator => ({
  code,
  area: '儿童与健康',
  clause: '',
  name: code,
  unit: '%',
  target: { kind: 'lower', comparator: '≥', wording: '以上', value: 90 },
  baseYear,
  targetYear: 2025,
  department: '',
  source: '',
  values,
});

describe('workbook periods', () => {
  it('year columns run from the plan base year to the target year', () => {
    expect(yearColumns({ baseYear: 2020, targetYear: 2025, indicators: [row('A', 2020)] })).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025,
    ]);
  });
  it('start earlier when a row needs an earlier base year (近视率 from 2018)', () => {
    expect(
      yearColumns({ baseYear: 2020, targetYear: 2025, indicators: [row('A', 2020), row('B', 2018)] })[0],
    ).toBe(2018);
  });
  it('follow another period without any hard-coded year', () => {
    expect(yearColumns({ baseYear: 2025, targetYear: 2030, indicators: [] })).toEqual([
      2025, 2026, 2027, 2028, 2029, 2030,
    ]);
  });
  it('gives added rows unused codes', () => {
    expect(nextCustomCode([{ code: 'X01' }, { code: 'H01' }])).toBe('X02');
  });
  it('never gives a new row the code of a deleted row the history or a version still knows', () => {
    // X01 was added and deleted: its history is X01's, so a new, different row takes X03 (X02 is a row now).
    expect(nextCustomCode([{ code: 'X02' }, { code: 'H01' }], new Set(['X01', 'H01']))).toBe('X03');
    expect(nextCustomCode([{ code: 'H01' }], new Set(['X01', 'X02']))).toBe('X03');
  });
});

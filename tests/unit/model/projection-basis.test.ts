import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/model/indicator';
import { projectionBasis, seriesOf } from '../../../src/model/projection';

// Made-up figures: only which years hold one matters here.
const series = (values: Record<number, CellValue>) => seriesOf({ values });

describe('what a projection rests on, as the row panel says it', () => {
  it('names the method and a run of years with their count', () => {
    expect(projectionBasis(series({ 2021: 4.6, 2022: 4.1, 2023: 3.9, 2024: 3.2 }), 'log-linear', 2025)).toBe(
      '按对数线性趋势（年均降低率），用 2021—2024年共 4 个数值推算 2025年',
    );
  });

  it('names each year when some are missing, and leaves out text and empty years', () => {
    expect(projectionBasis(series({ 2020: 90, 2022: 91, 2023: '约92', 2024: 93 }), 'linear', 2025)).toBe(
      '按线性趋势，用 2020、2022、2024年共 3 个数值推算 2025年',
    );
  });

  it('says that compound growth uses only the first and the last figure', () => {
    expect(projectionBasis(series({ 2020: 10, 2021: 11, 2022: 12, 2023: 14 }), 'cagr', 2025)).toBe(
      '按年均复合增长，用 2020年和 2023年两个数值推算 2025年（其间各年不参与计算）',
    );
  });
});

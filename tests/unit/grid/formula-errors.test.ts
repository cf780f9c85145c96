import { describe, expect, it } from 'vitest';
import { explainProjectionError, isNotAProjection } from '../../../src/grid/formula-errors';

describe('a formula in 预测 that gives no projection', () => {
  it('is one that uses TARGETGAP or TARGETSTATUS anywhere, in any case', () => {
    expect(isNotAProjection('=TARGETGAP(FORECAST.LINEAR(2025, G5:N5, {2021,2022}), 5, "上限")')).toBe(true);
    expect(isNotAProjection('=ROUND(targetstatus(4.5, 5, "上限"), 2)')).toBe(true);
    expect(isNotAProjection('=GROWTH(G5:N5, {2021,2022}, 2025)')).toBe(false);
    expect(isNotAProjection('=FORECAST.LINEAR(2025, G5:N5, {2021,2022})')).toBe(false);
    expect(isNotAProjection(4.5)).toBe(false);
  });

  it('is explained as such; other errors as before', () => {
    expect(explainProjectionError('#VALUE!', '=TARGETGAP(4, 5, "上限")')).toContain(
      'TARGETGAP 算的是与目标的差距，TARGETSTATUS 算的是状态，不能作为预测',
    );
    expect(explainProjectionError('#NAME?', '=FORECST.LINEAR(2025, G5:N5, {2021})')).toContain(
      '无法识别的函数名',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { roundHalfAway } from '../../../src/model/rounding';

describe('figures are rounded for display as Excel’s and WPS’s ROUND round them', () => {
  it.each([
    [0.625, 2, 0.63],
    [-0.625, 2, -0.63],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.03125, 4, 0.0313],
    [-0.03125, 4, -0.0313],
  ])('%s to %s places is %s: a half goes away from zero on either side', (value, places, rounded) => {
    expect(roundHalfAway(value, places)).toBe(rounded);
  });

  it('rounds the figure as written, not its binary approximation (Excel: ROUND(1.005, 2) = 1.01)', () => {
    // 1.005 is 1.00499999999999989… in binary: Math.round(1.005 * 100) / 100 gave 1.
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-1.005, 2)).toBe(-1.01);
    // A difference of two figures as typed: 87.575 − 88.2 is −0.6250000000000142 in binary.
    expect(roundHalfAway(87.575 - 88.2, 2)).toBe(-0.63);
    expect(roundHalfAway(88.2 - 87.575, 2)).toBe(0.63);
  });

  it('leaves other figures as Math.round would, gives no −0, and passes non-finite values through', () => {
    expect(roundHalfAway(0.1 + 0.2, 4)).toBe(0.3);
    expect(roundHalfAway(-0.624, 2)).toBe(-0.62);
    expect(roundHalfAway(-0.626, 2)).toBe(-0.63);
    expect(roundHalfAway(123456.78915, 4)).toBe(123456.7892);
    expect(Object.is(roundHalfAway(-0.004, 2), 0)).toBe(true);
    expect(Object.is(roundHalfAway(-0, 2), 0)).toBe(true);
    expect(roundHalfAway(Number.NaN, 2)).toBeNaN();
    expect(roundHalfAway(-Infinity, 2)).toBe(-Infinity);
  });
});

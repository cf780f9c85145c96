import { describe, expect, it } from 'vitest';
import { midTermYear } from '../../../src/model/report';
import { exampleVersionName } from '../../../src/model/version-name';

describe('the example version name follows the workbook’s period', () => {
  it('the mid-term year is the period’s middle: 2023 for 2021–2025, 2028 for 2026–2030', () => {
    expect(midTermYear(2020, 2025)).toBe(2023);
    expect(midTermYear(2025, 2030)).toBe(2028);
  });

  it('names the mid-term evaluation of the workbook’s own period (it said 2023 in the 2026–2030 workbook)', () => {
    expect(exampleVersionName({ baseYear: 2020, targetYear: 2025 })).toBe('2023年中期评估定稿');
    expect(exampleVersionName({ baseYear: 2025, targetYear: 2030 })).toBe('2028年中期评估定稿');
  });
});

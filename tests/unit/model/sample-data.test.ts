import { describe, expect, it } from 'vitest';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { defaultMethod, projectByDefault, seriesOf } from '../../../src/model/projection';
import { makeSampleWorkbook, SAMPLE_LABEL } from '../../../src/model/sample-data';
import { assessFluctuation, assessStatus, targetSpecOf } from '../../../src/model/status';

describe('sample data', () => {
  const sample = makeSampleWorkbook(LANXI_2021_2025, new Date('2026-11-28T00:00:00Z'));

  const statusOf = (name: string) => {
    const row = sample.indicators.find((r) => r.name === name)!;
    const series = seriesOf(row);
    const projection = projectByDefault(defaultMethod(row), series, row.targetYear);
    return assessStatus(targetSpecOf(row), series, projection.ok ? projection.value : null).status;
  };

  it('is flagged and labelled as sample, and leaves the real plan without values', () => {
    expect(sample.isSample).toBe(true);
    expect(sample.title).toContain(SAMPLE_LABEL);
    expect(sample.indicators.every((r) => r.note === SAMPLE_LABEL)).toBe(true);
    expect(LANXI_2021_2025.indicators.every((r) => Object.keys(r.values).length === 0)).toBe(true);
  });

  it('has several years per row, in the row unit, up to the year before the target year', () => {
    for (const row of sample.indicators) {
      const years = Object.keys(row.values).map(Number);
      expect(years.length, row.name).toBeGreaterThanOrEqual(5);
      expect(Math.max(...years)).toBe(2024);
      for (const value of Object.values(row.values)) {
        expect(typeof value).toBe('number');
        if (row.unit === '%') expect(value).toBeLessThanOrEqual(100);
      }
    }
    expect(
      Math.min(...Object.keys(sample.indicators.find((r) => r.baseYear === 2018)!.values).map(Number)),
    ).toBe(2018);
  });

  it('shows some rows on track, some drifting, and one fluctuating strongly', () => {
    const statuses = sample.indicators.map((r) => statusOf(r.name));
    expect(statuses).toContain('预计达标');
    expect(statuses.some((s) => s === '倒退' || s === '停滞')).toBe(true);
    expect(statuses.some((s) => s === '需加快' || s === '进展缓慢')).toBe(true);
    const infant = sample.indicators.find((r) => r.name === '婴儿死亡率')!;
    expect(assessFluctuation(targetSpecOf(infant), seriesOf(infant), infant.unit).flagged).toBe(true);
  });

  it('is the same on every machine', () => {
    expect(makeSampleWorkbook(LANXI_2021_2025, new Date()).indicators).toEqual(sample.indicators);
  });
});

/**
 * Generated sample values (示例数据), so a newcomer sees projections and warnings at once. They are simulated,
 * not statistics: they live only in a workbook flagged `isSample`, apart from the real plan workbook, and the
 * UI labels them everywhere as 示例数据（模拟，非真实统计）.
 */
import { isCountUnit, isPercentUnit, isPermilleUnit } from './entry';
import { lowerIsBetterDirection, type Indicator, type PlanDefinition } from './indicator';
import { targetSpecOf } from './status';
import type { Workbook } from './workbook';

export const SAMPLE_WORKBOOK_ID = 'sample';
export const SAMPLE_LABEL = '示例数据（模拟，非真实统计）';

/** Deterministic pseudo-random numbers (mulberry32), so the sample is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Scenario = 'on-track' | 'drifting' | 'slow' | 'fluctuating';

/** Scenario by position: most rows on track, some slow or drifting, one fluctuating strongly. */
function scenarioOf(index: number, row: Indicator): Scenario {
  if (row.name === '婴儿死亡率') return 'fluctuating';
  const cycle: Scenario[] = ['on-track', 'on-track', 'slow', 'on-track', 'drifting', 'on-track', 'slow'];
  return cycle[index % cycle.length] ?? 'on-track';
}

function limits(unit: string): [number, number] {
  if (isPercentUnit(unit)) return [0, 100];
  if (isPermilleUnit(unit)) return [0, 1000];
  return [0, Number.POSITIVE_INFINITY];
}

function roundFor(unit: string, value: number): number {
  const [low, high] = limits(unit);
  const clamped = Math.min(high, Math.max(low, value));
  return isCountUnit(unit) ? Math.round(clamped) : Math.round(clamped * 10) / 10;
}

export function sampleValues(
  row: Indicator,
  index: number,
  planBaseYear: number,
  lastYear: number,
): Indicator['values'] {
  const next = random(1000 + index);
  const spec = targetSpecOf(row);
  const scenario = scenarioOf(index, row);
  const down =
    spec.kind === 'upper' ||
    (spec.kind === 'direction' && lowerIsBetterDirection(spec.comparator)) ||
    spec.kind === 'yearly-change';
  const target = spec.kind === 'yearly-change' || spec.value === null ? null : spec.value;
  // A starting level on the wrong side of the target, and the yearly pace that reaches it (or not).
  let start: number;
  if (target !== null) {
    if (isCountUnit(row.unit)) start = Math.max(0, target - 1);
    else start = down ? target * (1.25 + next() * 0.2) : target * (0.9 + next() * 0.05);
  } else {
    // Direction-only targets: a rate to bring down is a prevalence (5–20 % or ‰, not 70), one to raise a coverage.
    const rate = isPercentUnit(row.unit) || isPermilleUnit(row.unit);
    start = rate && down ? 5 + next() * 15 : isPercentUnit(row.unit) ? 40 + next() * 30 : 10 + next() * 90;
  }
  const first = Math.min(row.baseYear, planBaseYear);
  const years = lastYear - first;
  const needed = target === null ? start * 0.04 : Math.abs(target - start) / Math.max(1, years + 1);
  const pace = { 'on-track': 1.1, slow: 0.4, drifting: -0.3, fluctuating: 0.8 }[scenario] * needed;
  const values: Indicator['values'] = {};
  for (let year = first; year <= lastYear; year += 1) {
    const step = year - first;
    const noise =
      scenario === 'fluctuating' ? (step % 2 === 0 ? 1 : -1) * start * 0.12 : (next() - 0.5) * needed * 0.3;
    const value = start + (down ? -1 : 1) * pace * step + noise;
    values[year] = roundFor(row.unit, value);
  }
  return values;
}

/** A sample workbook: the plan's rows with generated values up to `lastYear` (the target year stays empty). */
export function makeSampleWorkbook(plan: PlanDefinition, now: Date): Workbook {
  const lastYear = plan.targetYear - 1;
  const stamp = now.toISOString();
  return {
    id: SAMPLE_WORKBOOK_ID,
    title: `${plan.title}·${SAMPLE_LABEL}`,
    baseYear: plan.baseYear,
    targetYear: plan.targetYear,
    isSample: true,
    indicators: plan.indicators.map((row, index) => ({
      ...structuredClone(row),
      values: sampleValues(row, index, plan.baseYear, lastYear),
      note: SAMPLE_LABEL,
    })),
    createdAt: stamp,
    updatedAt: stamp,
  };
}

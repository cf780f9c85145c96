import { describe, expect, it } from 'vitest';
import { parseShare } from '../../../src/model/entry';
import { DEFAULT_THRESHOLDS } from '../../../src/model/status';
import { readThresholds, sameThresholds, THRESHOLD_FIELDS } from '../../../src/model/threshold-entry';

/** The fields as 设置 first shows them: the saved (here default) values, as text. */
const defaults = (): Record<string, string> =>
  Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f.key, String(DEFAULT_THRESHOLDS[f.key])]));

describe('a share typed as a clerk types it', () => {
  it.each([
    ['0.02', 0.02, false],
    ['2%', 0.02, true],
    ['２％', 0.02, true],
    ['0.5 %', 0.005, true],
    ['０．５％', 0.005, true],
    ['-10%', -0.1, true],
    ['－10％', -0.1, true],
    ['−10%', -0.1, true],
    [' 80% ', 0.8, true],
    ['.5', 0.5, false],
    ['0.07%', 0.0007, true],
  ])('“%s” is %d', (text, value, percent) => {
    expect(parseShare(text)).toEqual({ value, percent });
  });
  it.each(['', '2个点', '百分之二', '2%%', '%', '2 ‰', '1,5', 'abc', '2e'])('“%s” is not a share', (text) => {
    expect(parseShare(text)).toBeNull();
  });
});

describe('设置 reads the thresholds as typed, or refuses them by name', () => {
  it('the saved values, unchanged, read back as they are', () => {
    expect(readThresholds(defaults())).toEqual({ ok: true, thresholds: DEFAULT_THRESHOLDS });
  });
  it('percentages in the share fields, in half- or full-width, with or without a space', () => {
    const read = readThresholds({
      ...defaults(),
      onTrack: '90%',
      stagnation: '－10％',
      directionFast: '２％',
      directionSlow: '0.5 %',
      intervalLevel: '80%',
    });
    expect(read).toEqual({
      ok: true,
      thresholds: {
        ...DEFAULT_THRESHOLDS,
        onTrack: 0.9,
        stagnation: -0.1,
        directionFast: 0.02,
        directionSlow: 0.005,
        intervalLevel: 0.8,
      },
    });
  });
  it('a full-width number in the band field', () => {
    const read = readThresholds({ ...defaults(), aroundTolerance: '３' });
    expect(read.ok && read.thresholds.aroundTolerance).toBe(3);
  });
  it('what cannot be read is refused, naming the field and what to type', () => {
    expect(readThresholds({ ...defaults(), directionFast: '2个点' })).toEqual({
      ok: false,
      key: 'directionFast',
      message: '“方向性指标预计达标：年均变化不低于”填的“2个点”无法识别：请填写小数或百分数，如 0.02 或 2%。',
    });
    expect(readThresholds({ ...defaults(), moderate: ' ' })).toEqual({
      ok: false,
      key: 'moderate',
      message: '“需加快：CR 不低于”没有填写：请填写小数或百分数，如 0.5 或 50%。',
    });
  });
  it('a bare 2 in a share field (200 %) is refused with the two ways to write 2 %', () => {
    const read = readThresholds({ ...defaults(), directionFast: '2' });
    expect(read).toEqual({
      ok: false,
      key: 'directionFast',
      message:
        '“方向性指标预计达标：年均变化不低于”填的“2”按小数是 200%，超出范围：如指 2%，请填写 2% 或 0.02。',
    });
  });
  it('150% in a share field is refused as 1.5 is: a share is at most 100 % either way, nothing saved', () => {
    expect(readThresholds({ ...defaults(), onTrack: '150%' })).toEqual({
      ok: false,
      key: 'onTrack',
      message:
        '“预计达标：完成度 CR 不低于”填的“150%”超出范围：请填写 -100% 到 100% 之间的数，如 0.95 或 95%。',
    });
    const fall = readThresholds({ ...defaults(), stagnation: '-120%' });
    expect(!fall.ok && fall.key).toBe('stagnation');
    expect(readThresholds({ ...defaults(), onTrack: '100%' }).ok).toBe(true);
  });
  it('the band’s half-width is in the row’s unit: a % sign there is refused, not divided by 100', () => {
    const read = readThresholds({ ...defaults(), aroundTolerance: '2%' });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.key).toBe('aroundTolerance');
    // A name with quotes of its own nests them as Chinese does (“‘左右’…”), not ““左右”…”.
    expect(!read.ok && read.message).toBe(
      '“‘左右’目标允许偏差（本行单位）”按本行单位填写，不加 %：如 2 表示 ±2（百分比指标即 ±2 个百分点）。',
    );
  });
  it('fields that read but do not fit together are refused as before (tiers from high to low)', () => {
    const read = readThresholds({ ...defaults(), directionSlow: '3%' });
    expect(read).toEqual({
      ok: false,
      key: null,
      message: '方向性指标的年均变化阈值应满足：预计达标 > 需加快 > 0。',
    });
  });
});

describe('sameThresholds', () => {
  it('is true for the same shares, however written, and false once any one differs', () => {
    const typed = readThresholds({ ...defaults(), directionFast: '２％' });
    expect(typed.ok && sameThresholds(typed.thresholds, DEFAULT_THRESHOLDS)).toBe(true);
    for (const field of THRESHOLD_FIELDS) {
      const changed = { ...DEFAULT_THRESHOLDS, [field.key]: DEFAULT_THRESHOLDS[field.key] / 2 };
      expect(sameThresholds(changed, DEFAULT_THRESHOLDS), field.key).toBe(false);
    }
  });
});

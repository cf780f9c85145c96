/**
 * Reading the status thresholds as a clerk types them in 设置: shares as decimals or percentages ("0.02", "2%",
 * "２％", "0.5 %"), the 左右 band's half-width as a number in the row's unit. A field that cannot be read is refused
 * with a message naming it and saying what to type; nothing is saved then. Pure.
 */
import { formatNumber, parseShare } from './entry';
import { DEFAULT_THRESHOLDS, thresholdProblem, type Thresholds } from './status';
import { quoted } from './quote';

export interface ThresholdField {
  key: keyof Thresholds;
  label: string;
  hint: string;
  /** A share (CR, a yearly rate, a confidence level), typed as 0.02 or 2 %; else a number in the row's unit. */
  share: boolean;
}

export const THRESHOLD_FIELDS: readonly ThresholdField[] = [
  { key: 'onTrack', label: '预计达标：完成度 CR 不低于', hint: '默认 0.95，即 95%', share: true },
  { key: 'moderate', label: '需加快：CR 不低于', hint: '默认 0.5，即 50%', share: true },
  { key: 'marginal', label: '进展缓慢：CR 不低于', hint: '默认 0.1，即 10%', share: true },
  { key: 'stagnation', label: '停滞：CR 不低于（更低为倒退）', hint: '默认 -0.1，即 -10%', share: true },
  {
    key: 'directionFast',
    label: '方向性指标预计达标：年均变化不低于',
    hint: '默认 0.02，即 2%；“提高”的 %、‰ 指标取数值年均提高与距上限差距年均缩小中较大者；“不升”目标年均上升超过此值为倒退',
    share: true,
  },
  {
    key: 'directionSlow',
    label: '方向性指标需加快：年均变化不低于',
    hint: '默认 0.005，即 0.5%；“不升”目标年均上升不超过此值为预计达标（目标年为达标）',
    share: true,
  },
  { key: 'aroundTolerance', label: '“左右”目标允许偏差（本行单位）', hint: '默认 2', share: false },
  { key: 'intervalLevel', label: '波动判断的预测区间置信水平', hint: '默认 0.8，即 80%', share: true },
];

export type ThresholdsEntry =
  { ok: true; thresholds: Thresholds } | { ok: false; key: keyof Thresholds | null; message: string };

/** One field's value, or why it cannot be read. */
export function readThresholdField(
  field: ThresholdField,
  input: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const raw = input.trim();
  // Quotes within the quoted name become single ones, as Chinese nests them: “‘左右’目标允许偏差…”.
  const name = quoted(field.label);
  const fallback = DEFAULT_THRESHOLDS[field.key];
  const shareExamples = `${formatNumber(fallback)} 或 ${formatNumber(fallback * 100)}%`;
  const examples = field.share
    ? `小数或百分数，如 ${shareExamples}`
    : `数字（本行单位），如 ${formatNumber(fallback)}`;
  if (raw === '') return { ok: false, message: `${name}没有填写：请填写${examples}。` };
  const share = parseShare(raw);
  if (share === null) return { ok: false, message: `${name}填的“${raw}”无法识别：请填写${examples}。` };
  if (!field.share) {
    if (share.percent)
      return {
        ok: false,
        message: `${name}按本行单位填写，不加 %：如 ${formatNumber(fallback)} 表示 ±${formatNumber(fallback)}（百分比指标即 ±${formatNumber(fallback)} 个百分点）。`,
      };
    return { ok: true, value: share.value };
  }
  // "2" meant as 2 % would be 200 %: a share is at most 1 (100 %) either way.
  if (!share.percent && Math.abs(share.value) > 1)
    return {
      ok: false,
      message:
        `${name}填的“${raw}”按小数是 ${formatNumber(share.value * 100)}%，超出范围：` +
        `如指 ${formatNumber(share.value)}%，请填写 ${formatNumber(share.value)}% 或 ${formatNumber(share.value / 100)}。`,
    };
  // Typed with %, the same bound: 150 % for 预计达标 would leave a row on course to meet its target 需加快.
  if (Math.abs(share.value) > 1)
    return {
      ok: false,
      message: `${name}填的“${raw}”超出范围：请填写 -100% 到 100% 之间的数，如 ${shareExamples}。`,
    };
  return { ok: true, value: share.value };
}

/** Every field read, then checked together (the tiers must run from high to low); the first problem found. */
export function readThresholds(inputs: Readonly<Record<string, string | undefined>>): ThresholdsEntry {
  const thresholds = { ...DEFAULT_THRESHOLDS };
  for (const field of THRESHOLD_FIELDS) {
    const read = readThresholdField(field, inputs[field.key] ?? '');
    if (!read.ok) return { ok: false, key: field.key, message: read.message };
    thresholds[field.key] = read.value;
  }
  const wrong = thresholdProblem(thresholds);
  return wrong ? { ok: false, key: null, message: wrong } : { ok: true, thresholds };
}

/**
 * Whether two sets of thresholds judge alike: 设置 saved with the same thresholds (only the clerk's name changed)
 * need not build the grid again, which would drop the clerk's undo steps and her cell.
 */
export function sameThresholds(a: Thresholds, b: Thresholds): boolean {
  return THRESHOLD_FIELDS.every((field) => a[field.key] === b[field.key]);
}

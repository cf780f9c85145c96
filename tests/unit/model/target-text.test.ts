import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/model/entry';
import type { Indicator, Target } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import {
  comparatorMismatch,
  describeTarget,
  parseTargetText,
  targetExamples,
} from '../../../src/model/target-text';

const ROWS = LANXI_2021_2025.indicators;

function read(text: string, unit: string): Target {
  const result = parseTargetText(text, unit);
  if (!result.ok) throw new Error(`“${text}” (${unit}) was refused: ${result.message}`);
  return result.target;
}

function refusal(text: string, unit: string): string {
  const result = parseTargetText(text, unit);
  if (result.ok) throw new Error(`“${text}” (${unit}) was read as ${JSON.stringify(result.target)}`);
  return result.message;
}

/** What a target is judged by: kind, comparator, value and yearly step (not the wording). */
function definition(target: Target) {
  return {
    kind: target.kind,
    comparator: target.comparator,
    value: target.value,
    yearlyStep: target.yearlyStep,
  };
}

/**
 * The plan's own phrase for a row, rebuilt from its wording and figure ("达到…以上" + 65% → "达到65%以上"), or null
 * where the wording does not frame the figure (see PLAN_PHRASES_NOT_TARGETS).
 */
function phraseFromWording(row: Indicator): string | null {
  const { target, unit } = row;
  if (target.kind === 'direction' || target.kind === 'yearly-change') return target.wording;
  if (target.value === null) return null;
  const figure = `${formatNumber(target.value)}${unit}`;
  const { wording } = target;
  if (wording.includes('…')) return wording.startsWith('保障') ? null : wording.replace('…', figure);
  if (['以上', '以下', '以内', '左右', '全覆盖'].includes(wording)) return `${figure}${wording}`;
  if (['达到', '保持在', '至少', '每年至少', '建设'].includes(wording)) return `${wording}${figure}`;
  if (target.kind === 'full' && /^应(.)尽\1$/.test(wording)) return wording;
  return null;
}

/** Fragments of the plan sentences (`source`) as the plan writes them, by row code. */
const PLAN_PHRASES: Record<string, string> = {
  F01: '每年至少开展3次',
  F02: '90%以上',
  F03: '逐步增加',
  H01: '控制3‰以下',
  H02: '5‰以下',
  H03: '6‰以下',
  H04: '得到有效控制',
  H05: '控制在较低水平',
  H06: '达到65%以上',
  H07: '控制在9%以下',
  H08: '4%以下',
  H09: '得到有效控制',
  H10: '保持在90％以上',
  H11: '至少设有1家',
  H12: '保持在90％以上',
  H13: '控制在25％以内',
  H14: '达到70%',
  H15: '达到85%以上',
  H16: '上升趋势得到有效控制',
  H20: '提高',
  H21: '在2018年基础上每年降低1个百分点以上',
  H22: '控制',
  H23: '控制',
  H24: '达到50%以上',
  H25: '达到95%以上',
  H26: '达到85%以上',
  H27: '达到85%以上',
  S01: '减少',
  S02: '实现全覆盖',
  S03: '减少',
  S04: '增加',
  S05: '达到95%以上',
  E02: '保持在90%左右',
  E03: '保持在97%以上',
  E04: '实现全覆盖',
  E05: '保持在100%',
  E06: '达到98%',
  E07: '达到99%以上',
  W01: '逐步提高',
  W03: '提高',
  W04: '提高',
  W05: '建设1家',
  W06: '增加',
  W07: '提高',
  W08: '减少',
  W09: '减少',
  L01: '实现应援尽援',
  L02: '达到100%',
  L03: '得到有效控制',
  C01: '增加',
  C02: '实现应建尽建',
  C03: '至少配备1名',
  C04: '达到100%',
  P02: '达到15%以上',
  P03: '建有1家以上',
  P04: '实现全覆盖',
  P05: '提高',
  P06: '建成至少1个以上',
  P07: '达到100%',
};

/**
 * Rows whose plan sentence does not state the target as a phrase the parser reads; the row's definition is the
 * plan encoding's reading of it. Each is refused as typed, and its describeTarget text reads back.
 */
const PLAN_PHRASES_NOT_TARGETS: Record<string, string> = {
  H17: '保障每天校内、校外各1小时', // ≥1 小时/天: the figure comes after 各, two activities in one phrase
  H18: '保障每天校内、校外各1小时',
  H19: '熟练掌握1-2项', // a range, encoded as lower ≥1
  E01: '形成1至2项', // a range, encoded as lower ≥1
  W02: '推动80%', // "推动80%的…机构开展…": 80 % of the institutions, encoded as lower ≥80
  P01: '建有儿童之家', // no figure and no coverage word, encoded as full (=100 %)
};

describe('parseTargetText: every row of the 2021–2025 plan', () => {
  it('covers each row once, by a plan phrase or as a phrase that is not a target', () => {
    for (const row of ROWS) {
      expect(row.code in PLAN_PHRASES !== row.code in PLAN_PHRASES_NOT_TARGETS, row.code).toBe(true);
    }
  });

  it.each(ROWS.map((row) => [row.code, describeTarget(row), row] as const))(
    '%s: its describeTarget text “%s” reads back as the row’s target',
    (_code, text, row) => {
      const target = read(text, row.unit);
      expect(definition(target)).toEqual(definition(row.target));
      // describeTarget carries the wording in brackets, except for a yearly change (shown as the step itself).
      if (row.target.kind !== 'yearly-change') expect(target.wording).toBe(row.target.wording);
      // …and reading it again gives the same text.
      expect(describeTarget({ target, unit: row.unit })).toBe(text);
    },
  );

  it.each(
    ROWS.filter((row) => row.code in PLAN_PHRASES).map(
      (row) => [row.code, PLAN_PHRASES[row.code], row] as const,
    ),
  )('%s: the plan’s phrase “%s” reads as the row’s target', (_code, phrase, row) => {
    expect(definition(read(phrase ?? '', row.unit))).toEqual(definition(row.target));
  });

  it.each(
    ROWS.flatMap((row) => {
      const phrase = phraseFromWording(row);
      return phrase === null ? [] : [[row.code, phrase, row] as const];
    }),
  )(
    '%s: its figure in its wording, “%s”, reads as the row’s target with the same wording',
    (_code, phrase, row) => {
      const target = read(phrase, row.unit);
      expect(definition(target)).toEqual(definition(row.target));
      expect(target.wording).toBe(row.target.wording);
    },
  );

  it('rebuilds the wording phrase for all but the rows whose wording does not frame the figure', () => {
    const without = ROWS.filter((row) => phraseFromWording(row) === null).map((row) => row.code);
    expect(without).toEqual(['H17', 'H18', 'H19', 'E01', 'W02', 'P01']);
  });

  it.each(Object.entries(PLAN_PHRASES_NOT_TARGETS))(
    '%s: the plan’s phrase “%s” is not read as a target (the row is defined by the encoding)',
    (code, phrase) => {
      const row = ROWS.find((r) => r.code === code);
      expect(row).toBeDefined();
      expect(refusal(phrase, row?.unit ?? '')).toContain(`“${phrase}”不能识别为目标`);
    },
  );
});

describe('describeTarget: every row of the 2021–2025 plan reads as the plan writes it', () => {
  /** The sign or arrow's own word ("提高" of "↑ 提高") and the plan's words in brackets, if any. */
  const parts = (text: string) => {
    const match = /^(.*?)(?:（([^（）]*)）)?$/.exec(text);
    return { head: match?.[1] ?? text, words: match?.[2] ?? '' };
  };

  it.each(ROWS.map((row) => [row.code, describeTarget(row)] as const))(
    '%s: “%s” says no word twice and ends in no word cut off',
    (_code, text) => {
      const { head, words } = parts(text);
      // "↑ 提高（提高）", "↑ 提高（逐步提高）": the arrow's word again in the brackets.
      const headWord = /[↑↓]\s*(\S+)/.exec(head)?.[1];
      if (headWord && words) expect(words).not.toContain(headWord);
      // "=100%（保持在）", "≥70%（达到）": a word that needs the figure after it, with nothing after it.
      expect(text).not.toMatch(/(保持在|达到|控制在|至少|提高到|降至)）?$/);
      expect(words).not.toMatch(/(保持在|达到|控制在|至少|提高到|降至)$/);
    },
  );

  it('keeps the plan’s words of each row, in the forms that already read well', () => {
    const byCode = new Map(ROWS.map((row) => [row.code, describeTarget(row)]));
    expect(
      Object.fromEntries(
        ['H02', 'H06', 'H13', 'E05', 'H14', 'H20', 'F03', 'H04', 'H16', 'H05', 'C02', 'P01', 'W05'].map(
          (c) => [c, byCode.get(c)],
        ),
      ),
    ).toEqual({
      H02: '<5‰（以下）',
      H06: '≥65%（达到…以上）',
      H13: '≤25%（以内）',
      E05: '=100%（保持在…）',
      H14: '≥70%（达到…）',
      H20: '↑ 提高',
      F03: '↑ 逐步增加',
      H04: '↓ 得到有效控制',
      H16: '不升（上升趋势得到有效控制）',
      H05: '不升（控制在较低水平）',
      C02: '=100%（应建尽建）',
      P01: '=100%（建有）',
      W05: '≥1 家（建设…）',
    });
  });

  it('marks where the figure goes after a verb the plan puts before it (熟练掌握1-2项, 形成1至2项, 推动80%的)', () => {
    // "≥1 项（熟练掌握）" in the 终期评估 read as if the plan's sentence stopped at the verb.
    const byCode = new Map(ROWS.map((row) => [row.code, describeTarget(row)]));
    expect({ H19: byCode.get('H19'), E01: byCode.get('E01'), W02: byCode.get('W02') }).toEqual({
      H19: '≥1 项（熟练掌握…）',
      E01: '≥1 项（形成…）',
      W02: '≥80%（推动…）',
    });
  });
});

describe('parseTargetText: the kinds of target', () => {
  it.each([
    ['控制在5‰以下', '‰', { kind: 'upper', comparator: '<', wording: '控制在…以下', value: 5 }],
    ['5‰以下', '‰', { kind: 'upper', comparator: '<', wording: '以下', value: 5 }],
    ['低于5‰', '‰', { kind: 'upper', comparator: '<', wording: '低于', value: 5 }],
    ['控制在4.5‰以下', '‰', { kind: 'upper', comparator: '<', wording: '控制在…以下', value: 4.5 }],
    ['控制在25%以内', '%', { kind: 'upper', comparator: '≤', wording: '控制在…以内', value: 25 }],
    ['不超过25%', '%', { kind: 'upper', comparator: '≤', wording: '不超过', value: 25 }],
    ['≤25%', '%', { kind: 'upper', comparator: '≤', wording: '', value: 25 }],
    ['<=25', '%', { kind: 'upper', comparator: '≤', wording: '', value: 25 }],
    ['控制在5/10万以下', '1/10万', { kind: 'upper', comparator: '<', wording: '控制在…以下', value: 5 }],
  ])('upper bound: “%s” (%s)', (text, unit, expected) => {
    expect(read(text, unit)).toEqual(expected);
  });

  it.each([
    ['98%以上', '%', { kind: 'lower', comparator: '≥', wording: '以上', value: 98 }],
    ['达到98%', '%', { kind: 'lower', comparator: '≥', wording: '达到', value: 98 }],
    ['达到98%以上', '%', { kind: 'lower', comparator: '≥', wording: '达到…以上', value: 98 }],
    ['保持在97%以上', '%', { kind: 'lower', comparator: '≥', wording: '保持在…以上', value: 97 }],
    ['不低于98%', '%', { kind: 'lower', comparator: '≥', wording: '不低于', value: 98 }],
    ['≥98%', '%', { kind: 'lower', comparator: '≥', wording: '', value: 98 }],
    ['>98%', '%', { kind: 'lower', comparator: '>', wording: '', value: 98 }],
    ['98以上', '%', { kind: 'lower', comparator: '≥', wording: '以上', value: 98 }],
    ['达到1小时/天以上', '小时/天', { kind: 'lower', comparator: '≥', wording: '达到…以上', value: 1 }],
    ['达到3家', '家', { kind: 'lower', comparator: '≥', wording: '达到', value: 3 }],
  ])('lower bound: “%s” (%s)', (text, unit, expected) => {
    expect(read(text, unit)).toEqual(expected);
  });

  it.each([
    ['保持在90%左右', '%', '保持在…左右'],
    ['90%左右', '%', '左右'],
    ['≈90%', '%', ''],
    ['约90%', '%', '约'],
  ])('around: “%s” (%s)', (text, unit, wording) => {
    expect(read(text, unit)).toEqual({ kind: 'around', comparator: '≈', wording, value: 90 });
  });

  it.each([
    ['应建尽建', '应建尽建'],
    ['全覆盖', '全覆盖'],
    ['应援尽援', '应援尽援'],
    ['应保尽保', '应保尽保'],
    ['实现全覆盖', '实现全覆盖'],
    ['100%', ''],
    ['100', ''],
    ['达到100%', '达到'],
    ['保持在100%', '保持在'],
    ['100%全覆盖', '全覆盖'],
    ['≥100%', ''],
    ['=100%', ''],
  ])('full coverage on a %% row: “%s”', (text, wording) => {
    expect(read(text, '%')).toEqual({ kind: 'full', comparator: '=', wording, value: 100 });
  });

  it('full coverage on a row that is not in %: refused, as every 全覆盖 row of the plan is a rate in %', () => {
    expect(ROWS.filter((row) => row.target.kind === 'full').every((row) => row.unit === '%')).toBe(true);
    expect(refusal('全覆盖', '家')).toBe(
      '“全覆盖”表示全覆盖（100%），只用于以 % 计的比率；本行的单位是 家，不能识别为目标。' +
        '可以这样写：“至少1家”“建成至少1家”“每年增加1家”“逐步增加”。',
    );
    expect(refusal('应建尽建', '‰')).toContain('本行的单位是 ‰');
    expect(refusal('应保尽保', '元/月')).toContain('“逐步提高”');
  });

  it.each([
    ['至少1个', '个', '至少'],
    ['至少设有1家', '家', '至少设有'],
    ['建成至少1个', '个', '建成至少'],
    ['1个以上', '个', '以上'],
    ['≥1 个', '个', ''],
    ['至少1', '所', '至少'],
    ['不少于1项', '项', '不少于'],
    ['建设1家', '家', '建设'],
  ])('count: “%s” (%s)', (text, unit, wording) => {
    expect(read(text, unit)).toEqual({ kind: 'count', comparator: '≥', wording, value: 1 });
  });

  it('count: a yearly number of times on a row in 次/年 (F01)', () => {
    expect(read('每年至少开展3次', '次/年')).toEqual({
      kind: 'count',
      comparator: '≥',
      wording: '每年至少开展',
      value: 3,
    });
    expect(read('至少3次/年', '次/年')).toEqual({
      kind: 'count',
      comparator: '≥',
      wording: '至少',
      value: 3,
    });
  });

  it.each([
    ['每年降低1个百分点以上', '%', '≤', -1],
    ['每年下降1个百分点', '%', '≤', -1],
    ['每年降低1', '%', '≤', -1],
    ['每年提高2个百分点', '%', '≥', 2],
    ['在2018年基础上每年降低1个百分点以上', '%', '≤', -1],
    ['每年降低0.2个千分点', '‰', '≤', -0.2],
    ['每年增加2家', '家', '≥', 2],
    ['每年提高50元/月', '元/月', '≥', 50],
    ['每年减少0.5/10万', '1/10万', '≤', -0.5],
  ])('yearly change: “%s” (%s)', (text, unit, comparator, yearlyStep) => {
    expect(read(text, unit)).toEqual({
      kind: 'yearly-change',
      comparator,
      wording: text,
      value: null,
      yearlyStep,
    });
  });

  it('yearly change: the plan’s 近视率 row exactly', () => {
    expect(read('每年降低1个百分点以上', '%')).toEqual(ROWS.find((row) => row.code === 'H21')?.target);
  });

  it.each([
    ['提高', '↑'],
    ['逐步提高', '↑'],
    ['增加', '↑'],
    ['逐步增加', '↑'],
    ['上升', '↑'],
    ['降低', '↓'],
    ['下降', '↓'],
    ['减少', '↓'],
    ['得到有效控制', '↓'],
    ['控制在较低水平', '不升'],
    ['上升趋势得到有效控制', '不升'],
    ['上升趋势得到控制', '不升'],
    ['不上升', '不升'],
    ['稳定在较低水平', '不升'],
  ])('direction: “%s”', (text, comparator) => {
    expect(read(text, '%')).toEqual({ kind: 'direction', comparator, wording: text, value: null });
  });

  it.each([
    ['<5‰（以下）', '‰', { kind: 'upper', comparator: '<', wording: '以下', value: 5 }],
    ['≥98%（达到）', '%', { kind: 'lower', comparator: '≥', wording: '达到', value: 98 }],
    ['≥1 家（至少）', '家', { kind: 'count', comparator: '≥', wording: '至少', value: 1 }],
    ['≥1 项（形成）', '项', { kind: 'lower', comparator: '≥', wording: '形成', value: 1 }],
    ['=100%（应建尽建）', '%', { kind: 'full', comparator: '=', wording: '应建尽建', value: 100 }],
    [
      '↓ 降低（得到有效控制）',
      '%',
      { kind: 'direction', comparator: '↓', wording: '得到有效控制', value: null },
    ],
    ['↑ 提高', '元/月', { kind: 'direction', comparator: '↑', wording: '提高', value: null }],
    ['↓', '‰', { kind: 'direction', comparator: '↓', wording: '', value: null }],
    ['≥98%（达到…）', '%', { kind: 'lower', comparator: '≥', wording: '达到', value: 98 }],
    ['=100%（保持在…）', '%', { kind: 'full', comparator: '=', wording: '保持在', value: 100 }],
    ['≥1 家（至少…）', '家', { kind: 'count', comparator: '≥', wording: '至少', value: 1 }],
    ['↑ 逐步增加', '万元', { kind: 'direction', comparator: '↑', wording: '逐步增加', value: null }],
    ['↓ 得到有效控制', '%', { kind: 'direction', comparator: '↓', wording: '得到有效控制', value: null }],
    [
      '不升（上升趋势得到有效控制）',
      '%',
      { kind: 'direction', comparator: '不升', wording: '上升趋势得到有效控制', value: null },
    ],
    ['不升', '‰', { kind: 'direction', comparator: '不升', wording: '', value: null }],
    // A row stored before 不升 existed (↓ with the words of a hold) reads back as it is stored: the arrow decides.
    [
      '↓ 降低（上升趋势得到有效控制）',
      '%',
      { kind: 'direction', comparator: '↓', wording: '上升趋势得到有效控制', value: null },
    ],
    [
      '↓ 上升趋势得到有效控制',
      '%',
      { kind: 'direction', comparator: '↓', wording: '上升趋势得到有效控制', value: null },
    ],
  ])('describeTarget’s own form: “%s” (%s)', (text, unit, expected) => {
    expect(read(text, unit)).toEqual(expected);
  });

  it.each([
    ['控制在５‰以下', '‰', { kind: 'upper', comparator: '<', wording: '控制在…以下', value: 5 }],
    ['控制在４．５‰以下', '‰', { kind: 'upper', comparator: '<', wording: '控制在…以下', value: 4.5 }],
    ['达到９８％以上', '%', { kind: 'lower', comparator: '≥', wording: '达到…以上', value: 98 }],
    ['＞９８％', '%', { kind: 'lower', comparator: '>', wording: '', value: 98 }],
    ['＜５‰', '‰', { kind: 'upper', comparator: '<', wording: '', value: 5 }],
    ['～９０％', '%', { kind: 'around', comparator: '≈', wording: '', value: 90 }],
    ['　保持在 90 % 左右　', '%', { kind: 'around', comparator: '≈', wording: '保持在…左右', value: 90 }],
    ['至少设有１家', '家', { kind: 'count', comparator: '≥', wording: '至少设有', value: 1 }],
    ['１００％', '%', { kind: 'full', comparator: '=', wording: '', value: 100 }],
    ['≥９８％（达到）', '%', { kind: 'lower', comparator: '≥', wording: '达到', value: 98 }],
    ['1，200万元以上', '万元', { kind: 'lower', comparator: '≥', wording: '以上', value: 1200 }],
  ])('full-width digits, signs and spaces: “%s” (%s)', (text, unit, expected) => {
    expect(read(text, unit)).toEqual(expected);
  });

  it('full-width yearly change', () => {
    expect(read('每年降低１个百分点', '%')).toMatchObject({ kind: 'yearly-change', yearlyStep: -1 });
  });

  it.each(['%', '‰', '家', '个', '次/年', '项', '名', '万元', '元/月', '小时/天', '1/10万', ''])(
    'the examples given for unit “%s” are all read for that unit, and there are 3 or 4',
    (unit) => {
      const examples = targetExamples(unit);
      expect(examples.length).toBeGreaterThanOrEqual(3);
      expect(examples.length).toBeLessThanOrEqual(4);
      for (const example of examples) expect(parseTargetText(example, unit).ok, example).toBe(true);
    },
  );

  it.each([
    ['控制在5‰以下', '‰'],
    ['达到98%以上', '%'],
    ['保持在90%左右', '%'],
    ['应建尽建', '%'],
    ['至少设有1家', '家'],
    ['≥3 次/年', '次/年'],
    ['得到有效控制', '1/10万'],
    ['每年降低0.2个千分点', '‰'],
  ])('“%s” read, shown by describeTarget and read again is the same definition', (text, unit) => {
    const first = read(text, unit);
    expect(definition(read(describeTarget({ target: first, unit }), unit))).toEqual(definition(first));
  });
});

describe('parseTargetText: refusals', () => {
  it('a % on a ‰ row (or the reverse): the typed unit, the row’s, and a request to convert', () => {
    expect(refusal('控制在5%以下', '‰')).toBe(
      '“控制在5%以下”的单位是 %，本行的单位是 ‰：请换算成本行的单位后再填写（不写单位即按本行单位），如“控制在4‰以下”。',
    );
    expect(refusal('５％以下', '‰')).toContain('的单位是 %，本行的单位是 ‰：请换算');
    expect(refusal('达到98‰以上', '%')).toContain('的单位是 ‰，本行的单位是 %：请换算');
    expect(refusal('至少1所', '家')).toContain('的单位是 所，本行的单位是 家');
    expect(refusal('每年降低0.2个千分点', '%')).toContain('的单位是 个千分点，本行的单位是 %');
  });

  it('a yearly change in % (a relative change?) rather than in 个百分点', () => {
    expect(refusal('每年降低1%', '%')).toBe(
      '“每年降低1%”写的是每年变化 1%，可能被理解为相对变化：本行的单位是 %，每年变化请用“个百分点”表示，如“每年降低1个百分点”。',
    );
    expect(refusal('每年降低0.2‰', '‰')).toContain('请用“个千分点”表示');
  });

  it.each([
    ['达到101%', '%', '百分比应在 0 到 100 之间，“达到101%”超出范围：请核对后重填。'],
    ['控制在1200‰以下', '‰', '千分率应在 0 到 1000 之间，“控制在1200‰以下”超出范围：请核对后重填。'],
    ['至少1.5家', '家', '本行按“家”计数，应为 0 或正整数，“至少1.5家”不符合：请核对后重填。'],
    ['≥-5万元', '万元', '本行的数值（单位 万元）不会是负数，“≥-5万元”不符合：请核对后重填。'],
    ['>100%', '%', '百分比不会超过 100，“>100%”无法达到：全覆盖请写“100%”或“全覆盖”。'],
  ])('an impossible value: “%s” (%s)', (text, unit, message) => {
    expect(refusal(text, unit)).toBe(message);
  });

  it('what cannot be read as a target: what was typed, that it could not be read, and examples for the row’s unit', () => {
    expect(refusal('很高', '‰')).toBe(
      '“很高”不能识别为目标。请按规划的写法填写，本行（单位 ‰）可写如：“控制在4‰以下”“每年降低0.2个千分点”“得到有效控制”。',
    );
    expect(refusal('', '%')).toBe(
      '目标为空（未填写内容），不能识别为目标。请按规划的写法填写，本行（单位 %）可写如：' +
        '“达到98%以上”“控制在25%以内”“每年降低1个百分点”“应建尽建”。',
    );
    expect(refusal('   ', '家')).toContain('目标为空');
    expect(refusal('1至2项', '项')).toBe(
      '“1至2项”不能识别为目标：含有多个数字，一个目标只写一个数。请按规划的写法填写，本行（单位 项）可写如：' +
        '“至少1项”“建成至少1项”“每年增加1项”“逐步增加”。',
    );
    expect(refusal('5', '%')).toContain('：只写了数字，请说明是“以上”“以下”还是“左右”');
  });

  it.each([
    ['90%到95%', '%'],
    ['3‰至5‰', '‰'],
    ['很高', '%'],
    ['尽量提高', '%'],
    ['控制在5‰以上', '‰'],
    ['达到5‰以下', '‰'],
    ['90%全覆盖', '%'],
    ['=3家', '家'],
    ['5‰很高', '‰'],
    ['↑ 降低', '%'],
    ['每年降低0个百分点', '%'],
    ['abc', ''],
  ])('“%s” (%s) is refused with the generic message', (text, unit) => {
    const message = refusal(text, unit);
    expect(message).toContain(`“${text}”不能识别为目标`);
    expect(message).toMatch(/可写如：(“[^”]+”){3,4}。$/);
  });
});

describe('不升: a target that asks only that the figure not rise', () => {
  it('is shown as 不升 with the plan’s words, and reads back', () => {
    const hold = { kind: 'direction', comparator: '不升', wording: '控制在较低水平', value: null } as const;
    expect(describeTarget({ target: hold, unit: '‰' })).toBe('不升（控制在较低水平）');
    expect(describeTarget({ target: { ...hold, wording: '' }, unit: '‰' })).toBe('不升');
    expect(read('不升（控制在较低水平）', '‰')).toEqual(hold);
  });
  it('a ↓ row stored with a hold’s words says it is judged as a fall (the clerk can switch it to 不升)', () => {
    const stored = {
      kind: 'direction',
      comparator: '↓',
      wording: '上升趋势得到有效控制',
      value: null,
    } as const;
    expect(describeTarget({ target: stored, unit: '%' })).toBe('↓ 降低（上升趋势得到有效控制）');
  });
  it('“降低/减少/下降/得到有效控制” stay ↓, a figure after 稳定在 stays a bound', () => {
    for (const words of ['降低', '减少', '下降', '得到有效控制', '有效控制'])
      expect(read(words, '%').comparator).toBe('↓');
    expect(read('稳定在90%以上', '%')).toMatchObject({ kind: 'lower', comparator: '≥', value: 90 });
  });
  it('an arrow against the words of a hold is refused as contrary', () => {
    expect(refusal('↑上升趋势得到有效控制', '%')).toContain('箭头与文字的方向相反');
  });
});

describe('比较 that does not fit 目标类型: 目标 shows what is judged, reads back, and the mismatch is said', () => {
  const infant = ROWS.find((r) => r.name === '婴儿死亡率')!;
  it.each(['不升', '↓', '↑'] as const)(
    '%s on the 上限 row 婴儿死亡率 shows <5‰（以下）, which reads back',
    (c) => {
      const row = { target: { ...infant.target, comparator: c }, unit: infant.unit };
      const shown = describeTarget(row);
      expect(shown).toBe('<5‰（以下）');
      // Typed → shown → typed: what is shown, typed into 目标, shows the same and is judged the same.
      const typed = read(shown, row.unit);
      expect(typed).toMatchObject({ kind: 'upper', comparator: '<', value: 5 });
      expect(describeTarget({ target: typed, unit: row.unit })).toBe(shown);
      expect(comparatorMismatch(row)).toBe(
        `比较方式“${c}”与目标类型“上限”不一致，按目标值判断：<5‰（以下）。可在“比较”中改选“<”，或在“目标”中重填。`,
      );
      expect(comparatorMismatch({ target: typed, unit: row.unit })).toBeNull();
    },
  );
  it('on 下限, 数量, 左右 and 全覆盖 rows too; every plan row as it stands has no mismatch', () => {
    const cases: [Target, string, string][] = [
      [{ kind: 'lower', comparator: '不升', wording: '以上', value: 65 }, '%', '≥65%（以上）'],
      [{ kind: 'count', comparator: '↑', wording: '至少', value: 1 }, '家', '≥1 家（至少…）'],
      [{ kind: 'around', comparator: '↓', wording: '左右', value: 90 }, '%', '≈90%（左右）'],
      [{ kind: 'full', comparator: '不升', wording: '应建尽建', value: 100 }, '%', '=100%（应建尽建）'],
    ];
    for (const [target, unit, shown] of cases) {
      expect(describeTarget({ target, unit })).toBe(shown);
      expect(describeTarget({ target: read(shown, unit), unit })).toBe(shown);
      expect(comparatorMismatch({ target, unit })).toContain('不一致，按目标值判断');
    }
    for (const row of ROWS) expect(comparatorMismatch(row), row.code).toBeNull();
  });
  it('≥ chosen on a 方向性 row is shown ↑, as it is judged (it read ↓)', () => {
    const target: Target = { kind: 'direction', comparator: '≥', wording: '提高', value: null };
    expect(describeTarget({ target, unit: '%' })).toBe('↑ 提高');
    expect(comparatorMismatch({ target, unit: '%' })).toContain('按方向判断：↑ 提高');
  });
});

describe('parseTargetText: the year a yearly change counts from', () => {
  it('is given with the target when the text names it, for the row’s 基期年', () => {
    const named = parseTargetText('在 2018 年基础上每年降低1个百分点以上', '%');
    expect(named.ok && named.baseYear).toBe(2018);
    const bare = parseTargetText('每年降低1个百分点以上', '%');
    expect(bare.ok && bare.baseYear).toBeUndefined();
    const bound = parseTargetText('控制在5‰以下', '‰');
    expect(bound.ok && bound.baseYear).toBeUndefined();
  });
});

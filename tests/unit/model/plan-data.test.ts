/**
 * Holds the built-in plan data (src/model/plan/lanxi-2021-2025.ts) to the text of the plan itself:
 * every row's sentence, number and wording must be found in the plan, and no target sentence may be missed.
 * The plan text is the copy committed in tests/fixtures/plan (or the file named by the PLAN_TEXT environment
 * variable), so the tests run on any checkout.
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { AREAS, type Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';

const PLAN_PATH =
  process.env.PLAN_TEXT ??
  new URL('../../fixtures/plan/lanxi-children-development-plan-2021-2025.txt', import.meta.url);
const PLAN = readFileSync(PLAN_PATH, 'utf8');

const ROWS = LANXI_2021_2025.indicators;
const BY_CODE: [string, Indicator][] = ROWS.map((row) => [row.code, row]);
const DIRECTION_ROWS = ROWS.filter((row) => row.target.kind === 'direction');
const TARGET_ROWS = ROWS.filter((row) => row.target.kind !== 'direction');

const PREFIX_AREA: Record<string, string> = {
  F: '儿童与家庭',
  H: '儿童与健康',
  S: '儿童与安全',
  E: '儿童与教育',
  W: '儿童与福利',
  L: '儿童与法律保护',
  C: '儿童与社会环境',
  P: '重点实事项目',
};
const DEPARTMENTS = [
  '市卫健局',
  '市教育局',
  '市民政局',
  '市公安局',
  '市检察院',
  '市法院',
  '市司法局',
  '市人社局',
  '市市场监管局',
  '市文广旅体局',
  '团市委',
  '市妇联',
  '市残联',
  '市医保局',
  '市财政局',
  '市统计局',
];
const FULL_WORDINGS = ['应建尽建', '全覆盖', '应援尽援'];
const ONE_CLAUSE = '(?:二（[一二三四五六七]）\\d{1,2}|三（[一二三四五]）)';
const CLAUSE_RE = new RegExp(`^${ONE_CLAUSE}(?:；${ONE_CLAUSE})*$`);

/** The text of each numbered item of sections 二 and 三, keyed like a row's clause ('二（二）1', '三（四）'). */
function clauseTexts(plan: string): Map<string, string> {
  const texts = new Map<string, string>();
  const two = plan.slice(plan.indexOf('二、发展领域的目标和措施'), plan.indexOf('三、重点实事项目'));
  let sub = '';
  for (const line of two.split('\n')) {
    const heading = /（([一二三四五六七])）儿童与/.exec(line);
    if (heading) sub = heading[1] ?? '';
    const item = /^(\d+)．/.exec(line);
    if (item && sub) texts.set(`二（${sub}）${item[1]}`, line);
  }
  const three = plan.slice(plan.indexOf('三、重点实事项目'), plan.indexOf('四、组织实施'));
  for (const line of three.split('\n')) {
    const item = /^（([一二三四五])）/.exec(line);
    if (item) texts.set(`三（${item[1]}）`, line);
  }
  return texts;
}
const CLAUSES = clauseTexts(PLAN);

/** Sentences (between 。；;) of sections 二 and 三, trimmed, without their closing punctuation. */
const TARGET_SECTION_SENTENCES = PLAN.slice(
  PLAN.indexOf('二、发展领域的目标和措施'),
  PLAN.indexOf('四、组织实施'),
)
  .split('\n')
  .flatMap((line) => line.split(/[。；;]/))
  .map((sentence) => sentence.trim())
  .filter((sentence) => sentence.length > 0);

const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('Lanxi 2021–2025 plan definition', () => {
  it('has the plan metadata', () => {
    expect(LANXI_2021_2025.id).toBe('lanxi-children-2021-2025');
    expect(LANXI_2021_2025.title).toBe('兰溪市儿童发展“十四五”规划（2021—2025年）');
    expect(LANXI_2021_2025.baseYear).toBe(2020);
    expect(LANXI_2021_2025.targetYear).toBe(2025);
    expect(PLAN).toContain('兰溪市儿童发展“十四五”规划');
  });

  it('found the plan items it checks clauses against', () => {
    // 二（一）8 + 二（二）11 + 二（三）9 + 二（四）12 + 二（五）8 + 二（六）13 + 二（七）9, and 三（一）…（五）.
    expect(CLAUSES.size).toBe(8 + 11 + 9 + 12 + 8 + 13 + 9 + 5);
  });

  it(`has ${TARGET_ROWS.length} quantified rows and ${DIRECTION_ROWS.length} direction rows`, () => {
    console.log(`plan rows: ${TARGET_ROWS.length} quantified, ${DIRECTION_ROWS.length} direction-only`);
    expect(TARGET_ROWS.length).toBeGreaterThanOrEqual(40);
    expect(TARGET_ROWS.length).toBeLessThanOrEqual(55);
    expect(DIRECTION_ROWS.length).toBeGreaterThanOrEqual(15);
    expect(DIRECTION_ROWS.length).toBeLessThanOrEqual(35);
  });

  it('has unique codes of the form area letter + 2 digits', () => {
    const codes = ROWS.map((row) => row.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[FHSECWLP]\d{2}$/);
  });

  it('numbers the codes of each area 01, 02 … without gaps, in plan order', () => {
    for (const prefix of Object.keys(PREFIX_AREA)) {
      const rows = ROWS.filter((row) => row.code.startsWith(prefix));
      expect(rows.map((row) => row.code)).toEqual(
        rows.map((_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`),
      );
      const positions = rows.map((row) => PLAN.indexOf(row.source));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it.each([...AREAS])('has at least one row in area %s', (area) => {
    expect(ROWS.some((row) => row.area === area)).toBe(true);
  });

  it.each(BY_CODE)('%s: area, clause, years, department and values are well formed', (code, row) => {
    expect(row.area).toBe(PREFIX_AREA[code.charAt(0)]);
    expect(row.clause).toMatch(CLAUSE_RE);
    for (const clause of row.clause.split('；')) expect(CLAUSES.has(clause)).toBe(true);
    expect(row.name.length).toBeGreaterThan(0);
    expect(row.unit.length).toBeGreaterThan(0);
    expect(row.targetYear).toBe(2025);
    expect(row.baseYear).toBe(row.target.kind === 'yearly-change' ? 2018 : 2020);
    expect(DEPARTMENTS).toContain(row.department);
    expect(Object.keys(row.values)).toEqual([]);
  });

  it.each(BY_CODE)('%s: source is a whole sentence of the plan, verbatim, in its clause', (_code, row) => {
    expect(row.source.length).toBeGreaterThan(0);
    const at = PLAN.indexOf(row.source);
    expect(at).toBeGreaterThanOrEqual(0);
    // Bounded by sentence punctuation or a line break on both sides.
    expect(['。', '；', ';', '\n']).toContain(PLAN.charAt(at - 1));
    expect(['。', '；', ';', '\n', '']).toContain(PLAN.charAt(at + row.source.length));
    const firstClause = row.clause.split('；')[0] ?? '';
    expect(CLAUSES.get(firstClause) ?? '').toContain(row.source);
  });

  it.each(BY_CODE)('%s: wording is the plan’s own words in the source sentence', (_code, row) => {
    const parts = row.target.wording.split('…');
    for (const part of parts) {
      expect(part.length).toBeGreaterThan(0);
      expect(row.source).toContain(part);
    }
    // The parts appear in that order.
    const re = new RegExp(parts.map(escapeRe).join('.*'));
    expect(row.source).toMatch(re);
  });

  it.each(BY_CODE)('%s: kind, comparator and value agree with each other and the wording', (_code, row) => {
    const { kind, comparator, wording, value, yearlyStep } = row.target;
    switch (kind) {
      case 'direction':
        expect(value).toBeNull();
        expect(['↓', '↑', '不升']).toContain(comparator);
        break;
      case 'full':
        expect(comparator).toBe('=');
        expect(value).toBe(100);
        expect(row.unit).toBe('%');
        break;
      case 'upper':
        expect(['<', '≤']).toContain(comparator);
        break;
      case 'lower':
      case 'count':
        expect(comparator).toBe('≥');
        break;
      case 'around':
        expect(comparator).toBe('≈');
        break;
      case 'yearly-change':
        expect(value).toBeNull();
        expect(yearlyStep).toBeTypeOf('number');
        break;
    }
    if (kind !== 'yearly-change') expect(yearlyStep).toBeUndefined();
    if (kind !== 'direction' && kind !== 'yearly-change' && kind !== 'full')
      expect(value).toBeTypeOf('number');
    if (wording === '以下') expect(comparator).toBe('<');
    if (wording === '以内') expect(comparator).toBe('≤');
    if (wording.includes('左右')) expect(comparator).toBe('≈');
    if (FULL_WORDINGS.includes(wording)) expect(kind).toBe('full');
  });

  it.each(BY_CODE)('%s: the target number appears in the source, as written, with its unit', (_code, row) => {
    const { kind, value, yearlyStep } = row.target;
    if (kind === 'full') {
      const literal = /(^|[^\d.])100[%％]/.test(row.source);
      expect(
        literal || FULL_WORDINGS.some((w) => row.source.includes(w)) || row.target.wording === '建有',
      ).toBe(true);
      return;
    }
    if (kind === 'yearly-change') {
      expect(row.source).toContain(String(row.baseYear));
      expect(row.source).toContain(`每年降低${Math.abs(yearlyStep ?? NaN)}个百分点`);
      return;
    }
    if (value === null) return;
    const unitHead = (row.unit.split('/')[0] ?? '').replace('%', '[%％]');
    // e.g. '5‰', '25％', '1家以上', '3次', '1-2项', '1至2项' — and '5' must not match inside '25'.
    const re = new RegExp(`(^|[^\\d.])${escapeRe(String(value))}(?:[-至—]\\d+)?${unitHead}`);
    expect(row.source).toMatch(re);
  });

  it('misses no sentence of sections 二 and 三 that states a rate, coverage, count, time or yearly change', () => {
    // '(?<!健)全覆盖': 健全覆盖城乡… is 健全 + 覆盖, not 全覆盖. A figure in 家, 名, 项 or 小时 ('建设1家', '1至2项',
    // '各1小时') and a yearly step ('每年降低1个百分点') are targets too; ages ('5岁', '未满12周岁', '0-6个月') are not.
    const pattern =
      /\d+(?:\.\d+)?[%％‰]|应建尽建|(?<!健)全覆盖|应援尽援|至少|\d+[家个名次]以上|\d+(?:[-至—]\d+)?(?:家|名|项|小时)|每年(?:降低|下降|减少|提高|增加)\d/;
    const sources = new Set(ROWS.map((row) => row.source));
    // A target the plan states twice is one row: its later clause is named in the row's clause, and its note quotes
    // the restatement (二（四）4 “促使每位学生掌握1至2项运动技能” in the row of 二（二）8).
    const restated = (sentence: string): boolean =>
      ROWS.some(
        (row) =>
          row.clause
            .split('；')
            .slice(1)
            .some((clause) => (CLAUSES.get(clause) ?? '').includes(sentence)) &&
          [...(row.note ?? '').matchAll(/“([^”]+)”/g)].some((quote) => sentence.includes(quote[1] ?? '')),
      );
    const missed = TARGET_SECTION_SENTENCES.filter((s) => pattern.test(s) && !sources.has(s) && !restated(s));
    expect(missed).toEqual([]);
  });

  it('gives every figure of a target sentence its row: each figure of a row’s sentence is a target of that sentence', () => {
    // A figure with a unit of a target ('3‰', '85%', '1家', '3次', '1-2项', '1小时'); ages ('5岁', '0-6个月'), the
    // yearly step's '个百分点' and '以1个示范型…联结N个' (how the service is organised) are not targets.
    const figure = /(?<![\d.以])(\d+(?:\.\d+)?)(?:[-至—]\d+)?(?:[%％‰]|家|个(?!月|百分点)|名|次|项|小时)/g;
    const gaps: string[] = [];
    for (const source of new Set(ROWS.map((row) => row.source))) {
      const figures = new Set([...source.matchAll(figure)].map((m) => Number(m[1])));
      const targets = new Set(
        ROWS.filter((row) => row.source === source && row.target.value !== null)
          // 应建尽建/全覆盖 rows carry 100 without the sentence writing it.
          .filter((row) => row.target.kind !== 'full' || figures.has(100))
          .map((row) => row.target.value),
      );
      if ([...figures].sort().join() !== [...targets].sort().join())
        gaps.push(`${source}: figures ${[...figures].join('、')}, rows ${[...targets].join('、')}`);
    }
    expect(gaps).toEqual([]);
  });

  it('keeps one row per target in a multi-target sentence', () => {
    const mortality = ROWS.filter((row) => row.source.includes('死亡率分别控制'));
    expect(mortality.map((row) => [row.name, row.target.value])).toEqual([
      ['新生儿死亡率', 3],
      ['婴儿死亡率', 5],
      ['5岁以下儿童死亡率', 6],
    ]);
    const underThree = ROWS.filter((row) => row.source.includes('婴幼儿照护服务机构覆盖率'));
    expect(underThree.map((row) => row.target.value)).toEqual([50, 95, 85, 85]);
  });

  it('splits every sentence with several targets into its rows, each with the plan’s figure, unit and comparator', () => {
    // The plan's words for each: “分别控制3‰、5‰和6‰以下”, “校内、校外各1小时”, “1-2项”, “90%左右，…97%以上”,
    // “15%以上,…1家以上…全覆盖”. A sentence given a second row must be added here, with what the plan says.
    const bySentence = new Map<string, string[]>();
    for (const row of ROWS) bySentence.set(row.source, [...(bySentence.get(row.source) ?? []), row.code]);
    const shared = [...bySentence.values()].filter((codes) => codes.length > 1);
    const seen = shared.map((codes) =>
      codes.map((code) => {
        const row = ROWS.find((r) => r.code === code) as Indicator;
        return `${code} ${row.target.comparator}${row.target.value ?? ''}${row.target.value === null ? '' : row.unit}`;
      }),
    );
    expect(seen).toEqual([
      ['H01 <3‰', 'H02 <5‰', 'H03 <6‰'],
      ['H07 <9%', 'H08 <4%'],
      ['H17 ≥1小时/天', 'H18 ≥1小时/天', 'H19 ≥1项', 'H20 ↑'],
      ['H22 ↓', 'H23 ↓'],
      ['H24 ≥50%', 'H25 ≥95%', 'H26 ≥85%', 'H27 ≥85%'],
      ['E02 ≈90%', 'E03 ≥97%'],
      ['W06 ↑', 'W07 ↑'],
      ['W08 ↓', 'W09 ↓'],
      ['P02 ≥15%', 'P03 ≥1家', 'P04 =100%'],
    ]);
  });

  describe('read against the plan text line by line (line numbers are the plan file’s)', () => {
    const row = (code: string): Indicator => ROWS.find((r) => r.code === code) as Indicator;
    const lineOf = (text: string): number => PLAN.slice(0, PLAN.indexOf(text)).split('\n').length;

    it('names the rate the plan names: a row’s …率 is the …率 word of its own sentence', () => {
      // Line 90, 二（五）3: “提高儿童参加城乡居民基本医疗保险覆盖率” — the plan's measure is 覆盖率; the row was 参保率.
      expect(lineOf('提高儿童参加城乡居民基本医疗保险覆盖率')).toBe(90);
      expect(row('W03').name).toBe('儿童城乡居民基本医疗保险覆盖率');
      // Every row alike: where its sentence writes a …率, the row's name ends in one of them (a clerk searching the
      // grid for the plan's word finds the row).
      const wrong = ROWS.filter((r) => /率$/.test(r.name))
        .map((r) => ({ r, plansRates: [...r.source.matchAll(/[\u4e00-\u9fff]{2}率/g)].map((m) => m[0]) }))
        .filter(({ r, plansRates }) => plansRates.length > 0 && !plansRates.includes(r.name.slice(-3)))
        .map(({ r, plansRates }) => `${r.code} ${r.name}（规划：${plansRates.join('、')}）`);
      expect(wrong).toEqual([]);
    });

    it('says so where the unit of a rate is the workbook’s choice, not the plan’s (‰ against 1/万 is tenfold)', () => {
      // Line 53, 二（二）1: “严重多发致残的出生缺陷发生率控制在较低水平” — no unit; monitoring reports give it in ‰ or
      // 1/万. Line 65, 二（三）1: “减少和避免儿童意外伤害” — no rate, no unit. H04 already says so in its note.
      expect(lineOf('严重多发致残的出生缺陷发生率控制在较低水平')).toBe(53);
      expect(lineOf('减少和避免儿童意外伤害')).toBe(65);
      const perUnit = ROWS.filter((r) => /^(‰|1\/万|1\/10万)$/.test(r.unit) && !r.source.includes(r.unit));
      expect(perUnit.map((r) => r.code)).toEqual(['H04', 'H05', 'S01']);
      for (const r of perUnit) expect(`${r.code} ${r.note ?? ''}`).toContain('单位为默认口径，规划未给出');
    });

    it('names the later clause of a target the plan states twice: 近视 in 二（二）9 and 二（四）4', () => {
      // Line 78, 二（四）4: “有效预防和控制学生近视” — the row's note calls it the same target, so the row names both
      // clauses, as H19 (运动技能, the same line) and C02 (儿童之家) do.
      expect(lineOf('有效预防和控制学生近视')).toBe(78);
      expect(row('H21').note ?? '').toContain('“有效预防和控制学生近视”');
      expect(row('H21').clause).toBe('二（二）9；二（四）4');
      expect(row('H19').clause).toBe('二（二）8；二（四）4');
    });
  });

  describe('spot checks a clerk would make', () => {
    const byName = (name: string): Indicator => {
      const rows = ROWS.filter((row) => row.name === name);
      expect(rows).toHaveLength(1);
      return rows[0] as Indicator;
    };

    it.each([
      ['新生儿死亡率', 'upper', '<', 3, '‰', '市卫健局'],
      ['婴儿死亡率', 'upper', '<', 5, '‰', '市卫健局'],
      ['5岁以下儿童死亡率', 'upper', '<', 6, '‰', '市卫健局'],
      ['12岁儿童龋患率', 'upper', '≤', 25, '%', '市卫健局'],
      ['0-6个月婴儿纯母乳喂养率', 'lower', '≥', 65, '%', '市卫健局'],
      ['普惠性幼儿园覆盖率', 'around', '≈', 90, '%', '市教育局'],
      ['学前教育毛入园率', 'lower', '≥', 97, '%', '市教育局'],
      ['高中阶段毛入学率', 'lower', '≥', 98, '%', '市教育局'],
      ['九年义务教育巩固率', 'full', '=', 100, '%', '市教育局'],
      ['儿童食品抽查批次合格率', 'lower', '≥', 95, '%', '市市场监管局'],
      ['危重新生儿救治中心数量', 'count', '≥', 1, '家', '市卫健局'],
      ['未成年人获得法律援助比例', 'full', '=', 100, '%', '市司法局'],
      ['“一站式”办案专门场所数量', 'count', '≥', 1, '个', '市检察院'],
      ['社区图书馆设立亲子阅读区比例', 'lower', '≥', 90, '%', '市文广旅体局'],
      ['公共文化设施家庭教育指导和亲子活动次数', 'count', '≥', 3, '次/年', '市文广旅体局'],
      ['乡镇（街道）配备专职或兼职儿童社会工作者人数', 'count', '≥', 1, '名', '市民政局'],
    ] as const)('%s is %s %s %s %s, by %s', (name, kind, comparator, value, unit, department) => {
      const row = byName(name);
      expect(row.target.kind).toBe(kind);
      expect(row.target.comparator).toBe(comparator);
      expect(row.target.value).toBe(value);
      expect(row.unit).toBe(unit);
      expect(row.department).toBe(department);
    });

    it.each([
      // Not rising is all these two ask (二（二）7, 二（二）1): a flat figure meets them.
      ['儿童超重（肥胖）率', '不升', '上升趋势得到有效控制'],
      ['严重多发致残的出生缺陷发生率', '不升', '控制在较低水平'],
      ['未成年人罪犯占同期犯罪人数的比例', '↓', '得到有效控制'],
      ['中小学生《国家学生体质健康标准》优良达标率', '↑', '提高'],
      ['儿童城乡居民基本医疗保险覆盖率', '↑', '提高'],
    ] as const)('%s is a direction target %s (%s)', (name, comparator, wording) => {
      const row = byName(name);
      expect(row.target).toEqual({ kind: 'direction', comparator, wording, value: null });
    });

    it('儿童超重（肥胖）: the plan asks that the rising trend be checked, and the row says so in its words', () => {
      // 二（二）7: “儿童超重（肥胖）上升趋势得到有效控制” — the trend, not the rate itself, is what is controlled.
      const row = byName('儿童超重（肥胖）率');
      expect(row.source).toContain(`儿童超重（肥胖）${row.target.wording}`);
      expect(row.target.wording).toBe('上升趋势得到有效控制');
    });

    it('流浪儿童: the number of children is counted in 人, repeated wandering in 人次', () => {
      // 二（五）8: “减少流浪儿童的数量和反复性流浪”.
      const children = byName('流浪儿童数量');
      expect(children.source).toContain('流浪儿童的数量');
      expect(children.unit).toBe('人');
      const repeated = byName('反复性流浪儿童人次');
      expect(repeated.source).toContain('反复性流浪');
      expect(repeated.unit).toBe('人次');
    });

    it('near-sightedness: yearly change of −1 point from a 2018 base', () => {
      const row = byName('儿童青少年总体近视率');
      expect(row.clause).toBe('二（二）9；二（四）4');
      expect(row.unit).toBe('%');
      expect(row.baseYear).toBe(2018);
      expect(row.target).toEqual({
        kind: 'yearly-change',
        comparator: '≤',
        wording: '每年降低1个百分点以上',
        value: null,
        yearlyStep: -1,
      });
    });

    it('儿童之家 应建尽建 is one full-coverage row naming both clauses', () => {
      const rows = ROWS.filter((row) => row.target.wording === '应建尽建');
      expect(rows).toHaveLength(1);
      const row = rows[0] as Indicator;
      expect(row.name).toContain('儿童之家');
      expect(row.target.kind).toBe('full');
      expect(row.target.value).toBe(100);
      expect(row.clause).toContain('二（七）5');
      expect(row.clause).toContain('三（一）');
      expect(row.note ?? '').toContain('三（一）');
      expect(row.department).toBe('市妇联');
    });

    it('no row carries any value', () => {
      expect(ROWS.filter((row) => Object.keys(row.values).length > 0)).toEqual([]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatDifference,
  formatNumber,
  formatWithUnit,
  parseEntry,
  readEntryText,
  readWordedFigure,
  toCellValue,
  yearCellProblem,
} from '../../../src/model/entry';

describe('parseEntry: values as people type them', () => {
  it.each([
    ['65', '%', 65],
    ['65%', '%', 65],
    ['６５', '%', 65],
    ['６５．５％', '%', 65.5],
    [' 3‰ ', '‰', 3],
    ['4.80', '‰', 4.8],
    ['1,234', '人', 1234],
    ['1，234', '人', 1234],
    ['3家', '家', 3],
    ['0', '%', 0],
    ['100', '%', 100],
    [12.5, '%', 12.5],
  ])('“%s” in a row of unit %s reads as %s', (input, unit, expected) => {
    expect(parseEntry(input, unit)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '  ', '—', '-', '无', '／', null, undefined])('“%s” means missing', (input) => {
    expect(parseEntry(input, '%')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['abc', '%', '不是数字'],
    ['约5', '‰', '不是数字'],
    ['5..2', '‰', '不是数字'],
    ['101', '%', '0 到 100'],
    ['-1', '%', '0 到 100'],
    ['1001', '‰', '0 到 1000'],
    ['5%', '‰', '单位是 %'],
    ['3‰', '%', '单位是 ‰'],
    ['1.5', '家', '正整数'],
    ['-2', '个', '正整数'],
  ])('“%s” in a row of unit %s is rejected with a message about %s', (input, unit, fragment) => {
    const result = parseEntry(input, unit);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.raw).toBe(input);
      expect(result.message).toContain(fragment);
    }
  });

  // A decimal comma (4,75 as typed on a European keyboard or from a semicolon file): "not a number" puzzled the
  // clerk who sees a number; the message names the comma and both ways to write it.
  it.each([
    ['4,75', '‰', '4.75', '475'],
    ['12,34', '家', '12.34', '1234'],
    ['９５，５', '%', '95.5', '955'],
  ])(
    '“%s” (a comma that is no thousands separator) says so and how to write it',
    (input, unit, decimal, whole) => {
      const result = parseEntry(input, unit);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toContain('逗号');
        expect(result.message).toContain(`小数点写作 ${decimal}`);
        expect(result.message).toContain(`去掉逗号写作 ${whole}`);
        expect(result.message).toContain(`单位 ${unit}`);
      }
    },
  );

  it.each([
    ['2个', '家', '个'],
    ['50000元', '万元', '元'],
    ['3人次', '人', '人次'],
  ])('“%s” on a row of unit %s names the unit typed and the row’s', (input, unit, typed) => {
    const result = parseEntry(input, unit);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(`写的单位是“${typed}”，本行的单位是“${unit}”`);
      expect(result.message).not.toContain('不是数字');
    }
  });

  it('reads the row’s unit typed without its “per”: 3次 on 次/年, 1小时 on 小时/天, 500元 on 元/月', () => {
    expect(parseEntry('3次', '次/年')).toEqual({ ok: true, value: 3 });
    expect(parseEntry('1小时', '小时/天')).toEqual({ ok: true, value: 1 });
    expect(parseEntry('500元', '元/月')).toEqual({ ok: true, value: 500 });
    // Words after a figure that are no unit stay unread: 5左右 is not 5.
    const about = parseEntry('5左右', '%');
    expect(about.ok).toBe(false);
    if (!about.ok) expect(about.message).toContain('不是数字');
  });

  it('reads 人 and 名 as one unit, a count of people: 18人 on a 名 row (社会工作者人数), 2名 on a 人 row', () => {
    // 市民政局's return wrote 18人 for 儿童社会工作者人数 (unit 名): refused as another unit, it went back to them.
    expect(parseEntry('18人', '名')).toEqual({ ok: true, value: 18 });
    expect(parseEntry('2名', '人')).toEqual({ ok: true, value: 2 });
    // A count of visits is not a count of people.
    expect(parseEntry('3人次', '名').ok).toBe(false);
  });

  it('keeps invalid text as typed and valid entries as numbers', () => {
    expect(toCellValue('abc', '%')).toBe('abc');
    expect(toCellValue('96.5%', '%')).toBe(96.5);
    expect(toCellValue('—', '%')).toBeUndefined();
  });

  it('shows units with numbers and never rescales', () => {
    expect(formatWithUnit(5, '‰')).toBe('5‰');
    expect(formatWithUnit(96.5, '%')).toBe('96.5%');
    expect(formatWithUnit(3, '家')).toBe('3 家');
    expect(formatWithUnit(0.1 + 0.2, '%')).toBe('0.3%');
  });

  it('rounds a negative half as its positive (away from zero, as Excel’s ROUND), to the four places shown', () => {
    expect(formatNumber(0.03125)).toBe('0.0313');
    expect(formatNumber(-0.03125)).toBe('-0.0313');
    expect(formatWithUnit(-0.03125, '‰')).toBe('-0.0313‰');
    expect(formatDifference(0.03125, '%')).toBe('0.0313个百分点');
  });
});

describe('a figure copied from a web page or a chat', () => {
  it('reads “4.5” with zero-width characters around it as 4.5, not as text that looks like 4.5', () => {
    expect(parseEntry('4.5\u200B', '‰')).toEqual({ ok: true, value: 4.5 });
    expect(parseEntry('\u2060６５％\u200C', '%')).toEqual({ ok: true, value: 65 });
  });
});

describe('what departments write instead of a figure', () => {
  it.each(['待统计', '统计中', '暂缺', '未填报', '不适用', '–', '―', '———', '－－'])(
    '“%s” means no figure yet, not an error',
    (input) => {
      expect(parseEntry(input, '%')).toEqual({ ok: true, value: null });
    },
  );

  it.each([
    ['#DIV/0!', '除数为零'],
    ['#N/A', '查找不到'],
    ['#VALUE!', '公式'],
    ['#REF!', '引用'],
  ])(
    'Excel’s error value %s is refused as a formula error, saying what to do in Excel',
    (input, fragment) => {
      const result = parseEntry(input, '%');
      expect(result).toMatchObject({ ok: false, raw: input });
      if (!result.ok) {
        expect(result.message).toContain('Excel/WPS 公式的错误值');
        expect(result.message).toContain(fragment);
        expect(result.message).toContain('请在 Excel/WPS 中检查该单元格的公式');
      }
    },
  );
});

describe('rates per 100,000 and numbers Excel writes in scientific form', () => {
  it('shows a rate per 100,000 as reports write it, and reads it back', () => {
    expect(formatWithUnit(12.5, '1/10万')).toBe('12.5/10万');
    expect(formatDifference(0.7, '1/10万')).toBe('0.7/10万');
    expect(parseEntry('12.5/10万', '1/10万')).toEqual({ ok: true, value: 12.5 });
    expect(parseEntry('12.5', '1/10万')).toEqual({ ok: true, value: 12.5 });
  });
  it('refuses a rate per 100,000 above 100,000 (more than everyone), as a share over 100 % is refused', () => {
    expect(parseEntry('100000', '1/10万')).toEqual({ ok: true, value: 100000 });
    // (A whole number past it is said to look like a count: below.)
    expect(parseEntry('100000.5', '1/10万')).toEqual({
      ok: false,
      raw: '100000.5',
      message:
        '本行单位是 1/10万（每10万人中的人数），应在 0 到 100000 之间（多于 100000 即超过 100%），“100000.5”超出范围：请核对后重填。',
    });
    expect(parseEntry('12000/10万', '1/10万').ok).toBe(true);
    expect(parseEntry('10001', '1/万').ok).toBe(false);
    expect(parseEntry(150000, '1/10万').ok).toBe(false);
  });
  it('reads 1.2E+03 as 1200', () => {
    expect(parseEntry('1.2E+03', '万元')).toEqual({ ok: true, value: 1200 });
  });
  it("reads Excel's text prefix '75 as 75, and still refuses a word after it", () => {
    expect(parseEntry("'75", '%')).toEqual({ ok: true, value: 75 });
    expect(parseEntry('’96.5%', '%')).toEqual({ ok: true, value: 96.5 });
    expect(parseEntry("'暂无", '%')).toMatchObject({ ok: false });
    expect(parseEntry("7'5", '%')).toMatchObject({ ok: false });
  });
});

describe('parseEntry: the shortcut for plain numbers gives what the full reading gives', () => {
  const inputs = [
    '0',
    '00',
    '007',
    '95',
    '95.5',
    '1.50',
    '100',
    '100.0',
    '100.01',
    '1000',
    '1000.5',
    '1001',
    '12345678901234',
    '123456789012345',
    '1234567890123456',
    '0.000000000000001',
    '1.1234567890123456',
    ' 1.5',
    '1.5 ',
    '12 ',
    '\t3',
    '-0',
    '-1',
    '+3',
    '1e3',
    '1E+03',
    '.5',
    '5.',
    '5..5',
    '1,234',
    '1,234.5',
    '12,34',
    '１２',
    '９５．５',
    '95%',
    '95 %',
    '95％',
    '4.8‰',
    '0x10',
    '0b1',
    '0o7',
    'Infinity',
    '-Infinity',
    'NaN',
    '',
    ' ',
    '—',
    '-',
    '无',
    "'75",
    '１,２３４',
    '1_000',
    '٣',
    '３.',
    '3/10万',
    '3/万',
    '12.5/10万',
    '2 人',
  ];
  const units = ['', '%', '％', ' % ', '‰', '人', '个', '家', '万元', '元/月', '小时/天', '1/10万', '1/万'];

  it('for every input and unit: the same value, or the same refusal with the same message', () => {
    for (const unit of units)
      for (const input of inputs)
        expect(parseEntry(input, unit), `${JSON.stringify(input)} on a ${JSON.stringify(unit)} row`).toEqual(
          readEntryText(input, unit),
        );
  });
});

describe('a count where the row is a rate', () => {
  it('a whole number over 100 on a % row is said to look like a count, with how to make it a rate', () => {
    // 团市委 sent the number of 儿童之家 (312) for 村（社区）儿童之家建成率: it said only 超出范围：请核对后重填.
    expect(parseEntry('312', '%')).toEqual({
      ok: false,
      raw: '312',
      message:
        '百分比应在 0 到 100 之间，“312”超出范围，像是个数或人数而不是百分比：' +
        '请按本指标的计算方法换算为百分比（如个数 ÷ 总数 × 100）后重填。',
    });
    expect(parseEntry('45,231', '%')).toMatchObject({ message: expect.stringContaining('像是个数或人数') });
  });

  it('a whole number past 1000 on a ‰ row, or past 100000 on a 1/10万 row, is said to look like a count too, as on a % row', () => {
    // 3,500 births typed for a ‰ rate said only 超出范围：请核对后重填, unlike 312 on a % row.
    expect(parseEntry('3500', '‰')).toEqual({
      ok: false,
      raw: '3500',
      message:
        '千分率应在 0 到 1000 之间，“3500”超出范围，像是例数或人数而不是千分率：' +
        '请按本指标的计算方法换算为千分率（如例数 ÷ 总数 × 1000）后重填。',
    });
    expect(parseEntry('120000', '1/10万')).toEqual({
      ok: false,
      raw: '120000',
      message:
        '本行单位是 1/10万（每10万人中的人数），应在 0 到 100000 之间（多于 100000 即超过 100%），' +
        '“120000”超出范围，像是人数而不是每10万人中的人数：请按本指标的计算方法换算（如人数 ÷ 总人数 × 100000）后重填。',
    });
  });

  it('a figure the unit allows is not refused, however far from the row’s target (45‰, 80% against ≥95%)', () => {
    expect(parseEntry('45', '‰')).toEqual({ ok: true, value: 45 });
    expect(parseEntry('80', '%')).toEqual({ ok: true, value: 80 });
    expect(parseEntry('1000.5', '‰')).toMatchObject({
      ok: false,
      message: expect.not.stringContaining('像是'),
    });
    expect(parseEntry('1500‰', '‰')).toMatchObject({
      ok: false,
      message: expect.not.stringContaining('像是'),
    });
  });

  it('a share over 100 that is no whole number, or typed with %, is only out of range', () => {
    for (const raw of ['101.5', '120%', '-1', '101'])
      expect(parseEntry(raw, '%')).toEqual({
        ok: false,
        raw,
        message: `百分比应在 0 到 100 之间，“${raw}”超出范围：请核对后重填。`,
      });
  });
});

describe('readWordedFigure: a figure with words about it, as departments write an estimate or a 快报', () => {
  it.each([
    ['约1.1', '‰', 1.1, '约'],
    ['约 98%', '%', 98, '约'],
    ['１.１左右', '‰', 1.1, '左右'],
    ['1.1 左右', '‰', 1.1, '左右'],
    ['大约96.5', '%', 96.5, '大约'],
    ['约1.1左右', '‰', 1.1, '约、左右'],
    ['2.3（快报）', '‰', 2.3, '快报'],
    ['98.5%(初步)', '%', 98.5, '初步'],
    ['约３１２', '家', 312, '约'],
    ['≈4.1', '‰', 4.1, '≈'],
  ])('“%s” on a %s row is %s, the words “%s” kept to be said', (raw, unit, value, words) => {
    // parseEntry alone refuses each (a number stored from it would drop the words unsaid).
    expect(parseEntry(raw, unit).ok).toBe(false);
    expect(readWordedFigure(raw, unit)).toEqual({ entry: { ok: true, value }, words });
  });

  it('the figure inside is checked as any figure: 约312 on a % row still looks like a count', () => {
    const read = readWordedFigure('约312', '%');
    expect(read?.entry).toMatchObject({ ok: false, raw: '约312' });
    expect(read?.entry.ok === false && read.entry.message).toContain('像是个数或人数');
  });

  it.each([
    ['2.3（预计）', '‰'],
    ['3（目标）', '‰'],
    ['98.5（2023年）', '%'],
    ['约', '%'],
    ['左右', '%'],
    ['约待统计', '%'],
    ['1.1', '‰'],
    ['abc', '%'],
  ])('“%s” is no figure with words about it', (raw, unit) => {
    expect(readWordedFigure(raw, unit)).toBeNull();
  });
});

describe('a figure marked as still to be checked: 3.1（待核） and 3.1* are 3.1, the mark kept; 待核实 alone is none', () => {
  // A star after a figure is Excel's and WPS's common mark of a provisional one: “3.1*”不是数字 while 3.1（待核） was read.
  it.each([
    ['3.1（待核）', '‰', 3.1, '待核'],
    ['3.1*', '‰', 3.1, '*（待核）'],
    ['3.1 ＊', '‰', 3.1, '*（待核）'],
    ['98.5%*', '%', 98.5, '*（待核）'],
    ['约3.1*', '‰', 3.1, '约、*（待核）'],
  ])('“%s” on a %s row is %s, its mark “%s” kept to be said', (raw, unit, value, words) => {
    expect(parseEntry(raw, unit).ok).toBe(false);
    expect(readWordedFigure(raw, unit)).toEqual({ entry: { ok: true, value }, words });
    expect(yearCellProblem(raw, unit)).toContain('请在此格重新输入');
  });

  it.each(['待核实', '待核实*', '*', '3.1**', '*3.1'])('“%s” is no figure', (raw) => {
    expect(readWordedFigure(raw, '‰')).toBeNull();
    expect(parseEntry(raw, '‰').ok).toBe(false);
  });

  it('the figure before a star is checked as any figure: 312* on a % row is refused with its reason', () => {
    const read = readWordedFigure('312*', '%');
    expect(read?.entry).toMatchObject({ ok: false, raw: '312*' });
  });
});

describe('an estimate of the year’s own figure is read; a forecast or a target is not the year’s figure', () => {
  // DOMAIN.md, and the import's 报送单位的说明: 估计, 估算, 初步, 快报, 约 say how sure the year's own figure is;
  // 预计, 预测, 目标 say it is some other figure. “1.1（估计）” was refused while “约1.1” was read.
  it.each([
    ['1.1（估计）', '估计'],
    ['1.1(估算)', '估算'],
    ['1.1（初步）', '初步'],
    ['1.1（快报）', '快报'],
    ['1.1（估计数）', '估计数'],
    ['约1.1', '约'],
  ])('“%s” is the year’s figure 1.1, its words “%s” kept to be said', (raw, words) => {
    expect(readWordedFigure(raw, '‰')).toEqual({ entry: { ok: true, value: 1.1 }, words });
    expect(yearCellProblem(raw, '‰')).toContain('请在此格重新输入');
  });

  it.each([
    ['1.1（预计）', '预计'],
    ['1.1（预测）', '预测'],
    ['1.1（预估）', '预估'],
    ['1.1（目标）', '目标'],
    ['1.1（预计数）', '预计数'],
  ])(
    '“%s” is refused, saying that “%s” makes it no figure of the year and what may be written',
    (raw, word) => {
      expect(readWordedFigure(raw, '‰')).toBeNull();
      const message =
        `“${raw}”括号中写的是“${word}”：预计数、预测数和目标都不是本年的实际数值，请填写本年的实际数值（单位 ‰）；` +
        '本年数值尚为估计数或快报数的，可写作“1.1（估计）”“约1.1”“1.1（快报）”。';
      expect(parseEntry(raw, '‰')).toEqual({ ok: false, raw, message });
      expect(yearCellProblem(raw, '‰')).toBe(message);
    },
  );

  it('another place’s or period’s figure in brackets says so', () => {
    expect(parseEntry('98.5（全省）', '%')).toEqual({
      ok: false,
      raw: '98.5（全省）',
      message:
        '“98.5（全省）”括号中写的是“全省”：其他地区、时期的数值或变化量不是本市本年的数值，请填写本年的实际数值（单位 %）。',
    });
  });
});

describe('what a Chinese input method and Excel’s paste give', () => {
  it.each([
    ['−3', '', -3],
    ['－３', '', -3],
    ['(3.2)', '', -3.2],
    ['（３.２）', '', -3.2],
    ['(1,234)', '', -1234],
    ['12.5\u00a0%', '%', 12.5],
    ['１２．５％', '%', 12.5],
  ])('“%s” on a row of unit “%s” reads as %s', (input, unit, value) => {
    expect(parseEntry(input, unit)).toEqual({ ok: true, value });
  });

  it.each(['−', '─', '‐', '﹣', '−−'])(
    '“%s”, a dash as Word, WPS or an input method writes it, means missing',
    (input) => {
      expect(parseEntry(input, '%')).toEqual({ ok: true, value: null });
    },
  );

  it('Word’s minus sign on a row with a unit is a negative figure, said as one (it was 不是数字)', () => {
    expect(parseEntry('−3', '家')).toMatchObject({
      ok: false,
      message: expect.stringContaining('0 或正整数'),
    });
    expect(parseEntry('−3', '万元')).toMatchObject({
      ok: false,
      message: expect.stringContaining('不会是负数'),
    });
  });

  it('Excel’s negative in brackets, (3.2), on a row with a unit says what Excel meant (it was 不是数字)', () => {
    expect(parseEntry('(3.2)', '‰')).toEqual({
      ok: false,
      raw: '(3.2)',
      message: '“(3.2)”在 Excel 中表示负数 -3.2：千分率应在 0 到 1000 之间，请核对后重填。',
    });
    expect(parseEntry('(3)', '万元')).toEqual({
      ok: false,
      raw: '(3)',
      message:
        '“(3)”在 Excel 中表示负数 -3：本行的数值（单位 万元）不会是负数，请核对后重填；没有数据请留空。',
    });
  });

  it('an enumeration comma 、 where a decimal point belongs is said, with the figure it may be (it was only 不是数字)', () => {
    expect(parseEntry('12、5', '%')).toEqual({
      ok: false,
      raw: '12、5',
      message: '“12、5”中的“、”是顿号，不是小数点：如是小数，请写作 12.5（单位 %）；一格只填一个数值。',
    });
  });

  it('Excel’s ##### (a column too narrow for its figure, as copied or saved) says so (it was only 不是数字)', () => {
    expect(parseEntry('#####', '%')).toEqual({
      ok: false,
      raw: '#####',
      message:
        '“#####”是 Excel/WPS 在列宽不够时显示的符号，不是数值：请在 Excel/WPS 中把该列拉宽，看到数值后再复制或保存；没有数据请留空。',
    });
  });

  it('an Excel error value pasted into the grid is not told to be imported again', () => {
    const result = parseEntry('#DIV/0!', '%');
    expect(result.ok === false && result.message).toContain('后再导入或填入');
  });
});

describe('yearCellProblem: a year cell saved as text before such figures were read', () => {
  it('“约5”, kept red from an earlier version, says that typing it again reads it and keeps its word', () => {
    // It said “约5”不是数字：请填写数字, and typing 5 would drop the 约 unsaid.
    expect(yearCellProblem('约5', '‰')).toBe(
      '“约5”是带有文字“约”的数值，保存时尚不能读取：请在此格重新输入“约5”，数值即按 5‰ 填入，“约”记入本行备注。',
    );
  });

  it('other text and figures are what cellProblem says', () => {
    expect(yearCellProblem('五', '‰')).toContain('不是数字');
    expect(yearCellProblem(4.8, '‰')).toBeNull();
    expect(yearCellProblem('5（预计）', '‰')).toContain('括号中写的是“预计”');
  });
});

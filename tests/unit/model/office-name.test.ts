import { describe, expect, it } from 'vitest';
import { officeReadingNotice, readOffice } from '../../../src/model/office-name';

const OFFICES = ['市卫健局', '市教育局', '市民政局', '市市场监管局', '团市委', '市妇联', '市妇幼保健院'];

describe('readOffice: the 责任单位 a clerk typed', () => {
  it.each([
    ['卫健', '市卫健局'],
    ['卫健局', '市卫健局'],
    [' 教育 ', '市教育局'],
    ['妇幼', '市妇幼保健院'],
    ['监管', '市市场监管局'],
  ])('“%s”, held by one office only, is that office (%s)', (typed, office) => {
    expect(readOffice(typed, OFFICES)).toEqual({ kind: 'office', office, completed: true });
  });

  it('an office whose name sits inside another’s is itself, not the other: 市委 is not 团市委, nor 团市委 市委', () => {
    // 市委 (the city's party committee) sat inside 团市委 (the Youth League's) and was completed to it.
    expect(readOffice('市委', OFFICES)).toEqual({ kind: 'new', office: '市委' });
    expect(officeReadingNotice('市委', readOffice('市委', OFFICES))).toContain('不在列表中');
    const both = [...OFFICES, '市委'];
    expect(readOffice('市委', both)).toEqual({ kind: 'office', office: '市委', completed: false });
    expect(readOffice('团市委', both)).toEqual({ kind: 'office', office: '团市委', completed: false });
    expect(readOffice('团市委', ['市卫健局', '市委'])).toEqual({ kind: 'new', office: '团市委' });
    // Left without the city's 市, a name is still the office's own: 教育局 is 市教育局, 市场监管局 市市场监管局.
    expect(readOffice('教育局', both)).toEqual({ kind: 'office', office: '市教育局', completed: true });
    expect(readOffice('市场监管局', both)).toEqual({
      kind: 'office',
      office: '市市场监管局',
      completed: true,
    });
    // The whole name first: an office the workbook names 教育局 is not taken for 市教育局.
    expect(readOffice('教育局', [...both, '教育局'])).toEqual({
      kind: 'office',
      office: '教育局',
      completed: false,
    });
  });

  it('an office typed in full is that office, nothing to say', () => {
    const reading = readOffice('市民政局', OFFICES);
    expect(reading).toEqual({ kind: 'office', office: '市民政局', completed: false });
    expect(officeReadingNotice('市民政局', reading)).toBeNull();
  });

  it('text several offices hold is asked about, with the offices', () => {
    const reading = readOffice('妇', OFFICES);
    expect(reading).toEqual({ kind: 'several', offices: ['市妇联', '市妇幼保健院'] });
    expect(officeReadingNotice('妇', reading)).toBe(
      '责任单位“妇”与列表中多个单位相符（市妇联、市妇幼保健院，共 2 个）：请从列表中选择一个，或输入完整名称；按 Esc 取消修改。',
    );
    expect(readOffice('市', OFFICES)).toMatchObject({ kind: 'several' });
  });

  it('a new office typed in full is kept, and said to be new', () => {
    const reading = readOffice('市残疾人康复中心', OFFICES);
    expect(reading).toEqual({ kind: 'new', office: '市残疾人康复中心' });
    expect(officeReadingNotice('市残疾人康复中心', reading)).toContain('不在列表中，已作为新的责任单位填入');
  });

  it('empty text is no office', () => {
    expect(readOffice('  ', OFFICES)).toEqual({ kind: 'empty' });
  });
});

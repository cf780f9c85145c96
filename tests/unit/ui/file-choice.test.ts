import { describe, expect, it } from 'vitest';
import { describeChosen } from '../../../src/ui/file-choice';

describe('what the file chooser says is chosen', () => {
  it('says nothing is chosen, in Chinese, before a file is', () => {
    expect(describeChosen([])).toBe('未选择文件');
  });

  it('names up to three files, then counts them', () => {
    expect(describeChosen(['备份.json'])).toBe('备份.json');
    expect(describeChosen(['卫健局.csv', '教育局.csv', '民政局.csv'])).toBe(
      '卫健局.csv、教育局.csv、民政局.csv',
    );
    expect(describeChosen(['a.csv', 'b.csv', 'c.csv', 'd.csv'])).toBe('4 个文件');
  });
});

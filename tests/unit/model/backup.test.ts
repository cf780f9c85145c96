import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  backupReminder,
  parseBackup,
  planRestore,
  serializeBackup,
} from '../../../src/model/backup';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { makeSampleWorkbook } from '../../../src/model/sample-data';
import { workbookFromPlan } from '../../../src/model/workbook';

const plan = workbookFromPlan(LANXI_2021_2025, 'plan', new Date('2026-11-01T00:00:00Z'));
plan.indicators[0] = {
  ...plan.indicators[0]!,
  values: { 2021: 3, 2022: '约5' },
  projectionFormula: '=FORECAST.LINEAR(2025, J{r}:M{r}, {2021,2022,2023,2024})',
};
const sample = makeSampleWorkbook(LANXI_2021_2025, new Date('2026-11-02T00:00:00Z'));

describe('backup file', () => {
  it('round-trips every workbook, value, formula and setting exactly', () => {
    const text = serializeBackup(
      [plan, sample],
      { handsontableLicenseKey: 'k-1', statusThresholds: { onTrack: 0.9 } },
      new Date(),
    );
    const parsed = parseBackup(text, '备份.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.workbooks).toEqual([plan, sample]);
    expect(parsed.backup.settings).toEqual({
      handsontableLicenseKey: 'k-1',
      statusThresholds: { onTrack: 0.9 },
    });
  });

  it.each([
    ['not json', '无法读取'],
    [JSON.stringify({ format: 'other' }), '不是本工作簿的备份文件'],
    [JSON.stringify({ format: BACKUP_FORMAT, version: 99, workbooks: [] }), '比本程序新'],
    [
      JSON.stringify({ format: BACKUP_FORMAT, version: 1, workbooks: [{ id: 'x' }] }),
      '第 1 个工作簿的内容不完整',
    ],
  ])('refuses %s with a Chinese message naming the file', (text, fragment) => {
    const parsed = parseBackup(text, '备份.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain('“备份.json”');
      expect(parsed.message).toContain(fragment);
    }
  });

  it('never silently replaces a workbook that is newer in the browser', () => {
    const text = serializeBackup([plan, sample], {}, new Date());
    const parsed = parseBackup(text, 'b.json');
    if (!parsed.ok) throw new Error(parsed.message);
    const lines = planRestore(parsed.backup, [
      { id: 'plan', updatedAt: '2026-11-20T00:00:00.000Z' },
      { id: 'other', updatedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(lines.map((l) => [l.id, l.action])).toEqual([
      ['plan', 'browser-newer'],
      ['sample', 'add'],
    ]);
    expect(
      planRestore(parsed.backup, [{ id: 'plan', updatedAt: '2026-10-01T00:00:00.000Z' }])[0]?.action,
    ).toBe('replace');
    // The plan as first opened in a new browser, never edited: nothing newer to protect.
    const fresh = '2026-11-25T00:00:00.000Z';
    expect(planRestore(parsed.backup, [{ id: 'plan', createdAt: fresh, updatedAt: fresh }])[0]?.action).toBe(
      'replace',
    );
  });
});

describe('backup reminder', () => {
  const now = new Date('2026-11-28T00:00:00Z');
  it.each([
    [undefined, '还没有备份过'],
    ['2026-10-01T00:00:00Z', '已有 58 天没有备份'],
    ['2026-11-20T00:00:00Z', ''],
  ])('last backup %s → “%s”', (last, text) => {
    const reminder = backupReminder(last, plan, now);
    if (text) expect(reminder).toContain(text);
    else expect(reminder).toBe('');
  });
  it('says nothing while there are no values, or in the sample workbook', () => {
    expect(backupReminder(undefined, workbookFromPlan(LANXI_2021_2025, 'p', now), now)).toBe('');
    expect(backupReminder(undefined, sample, now)).toBe('');
  });
});

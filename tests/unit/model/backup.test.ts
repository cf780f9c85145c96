import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  backupReminder,
  firstUseHint,
  parseBackup,
  parseBackupBytes,
  planRestore,
  restoredTitles,
  serializeBackup,
} from '../../../src/model/backup';
import { laterBackupTime, shownTime } from '../../../src/model/stored-time';
import type { HistoryEntry } from '../../../src/model/history';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { makeNextPlan } from '../../../src/model/planning';
import { makeSampleWorkbook } from '../../../src/model/sample-data';
import { workbookFromPlan } from '../../../src/model/workbook';
import { quoted } from '../../../src/model/quote';
import { encodeGbk } from '../../e2e/gbk';

const plan = workbookFromPlan(LANXI_2021_2025, 'plan', new Date('2026-11-01T00:00:00Z'));
plan.indicators[0] = {
  ...plan.indicators[0]!,
  values: { 2021: 3, 2022: '约5' },
  projectionFormula: '=FORECAST.LINEAR(2025, J{r}:M{r}, {2021,2022,2023,2024})',
};
const sample = makeSampleWorkbook(LANXI_2021_2025, new Date('2026-11-02T00:00:00Z'));
const entry: HistoryEntry = {
  workbookId: 'plan',
  code: plan.indicators[0]!.code,
  rowName: plan.indicators[0]!.name,
  field: 'v2022',
  label: '2022年',
  before: '（空）',
  after: '约5',
  at: '2026-11-02T08:00:00.000Z',
  source: { kind: 'import', detail: '卫健局.csv' },
  clerk: '张丽',
};

describe('backup file', () => {
  it('round-trips every workbook, value, formula and setting exactly', () => {
    const text = serializeBackup(
      {
        workbooks: [plan, sample],
        settings: { handsontableLicenseKey: 'k-1', statusThresholds: { onTrack: 0.9 } },
        history: [entry],
        versions: [
          {
            workbookId: 'plan',
            name: '2023年中期评估定稿',
            createdAt: '2026-11-03',
            clerk: '张丽',
            workbook: plan,
          },
        ],
      },
      new Date(),
    );
    const parsed = parseBackup(text, '备份.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.version).toBe(3);
    expect(parsed.backup.workbooks).toEqual([plan, sample]);
    expect(parsed.backup.settings).toEqual({
      handsontableLicenseKey: 'k-1',
      statusThresholds: { onTrack: 0.9 },
    });
    expect(parsed.backup.history).toEqual([entry]);
    expect(parsed.backup.versions.map((v) => [v.name, v.clerk, v.workbook])).toEqual([
      ['2023年中期评估定稿', '张丽', plan],
    ]);
  });

  it('keeps a deleted row’s history line as 删除指标, of its own kind', () => {
    const deleted: HistoryEntry = {
      ...entry,
      field: 'row',
      label: '整行',
      before: '（原有此行）',
      after: '已删除此行',
      source: { kind: 'row', detail: '删除指标' },
    };
    const text = serializeBackup(
      { workbooks: [plan], settings: {}, history: [deleted], versions: [] },
      new Date(),
    );
    const parsed = parseBackup(text, '备份.json');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.backup.history).toEqual([deleted]);
  });

  it('keeps each row’s direction as stored: 不升 (not rising) rows and ↓ rows of a workbook made before 不升', () => {
    const older = workbookFromPlan(LANXI_2021_2025, 'older', new Date('2026-01-01T00:00:00Z'));
    older.indicators = older.indicators.map((row) =>
      row.code === 'H16' || row.code === 'H05' ? { ...row, target: { ...row.target, comparator: '↓' } } : row,
    );
    const text = serializeBackup(
      { workbooks: [plan, older], settings: {}, history: [], versions: [] },
      new Date(),
    );
    const parsed = parseBackup(text, '备份.json');
    if (!parsed.ok) throw new Error(parsed.message);
    const comparators = (id: string) =>
      parsed.backup.workbooks
        .find((w) => w.id === id)!
        .indicators.filter((r) => r.code === 'H16' || r.code === 'H05')
        .map((r) => r.target.comparator);
    expect(comparators('plan')).toEqual(['不升', '不升']);
    expect(comparators('older')).toEqual(['↓', '↓']);
  });

  it('keeps a next plan’s 沿用上期目标（已确定） marks, and restores a backup made before there were any', () => {
    const next = makeNextPlan(
      plan,
      { id: 'next', title: '十五五', baseYear: 2025, targetYear: 2030 },
      new Date(),
    );
    next.indicators[1] = { ...next.indicators[1]!, previousTargetKept: true };
    const version = {
      workbookId: 'next',
      name: '初稿',
      createdAt: '2026-11-03',
      clerk: '张丽',
      workbook: next,
    };
    const text = serializeBackup(
      { workbooks: [next], settings: {}, history: [], versions: [version] },
      new Date(),
    );
    const parsed = parseBackup(text, '备份.json');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.backup.workbooks[0]!.indicators[1]!.previousTargetKept).toBe(true);
    expect(parsed.backup.workbooks[0]!.indicators[2]!.previousTargetKept).toBeUndefined();
    expect(parsed.backup.versions[0]!.workbook.indicators[1]!.previousTargetKept).toBe(true);
    expect(parsed.backup.workbooks).toEqual([next]);
    // A file from before the mark: every row restores, none marked (each still 待确定).
    const old = JSON.parse(text) as { workbooks: { indicators: Record<string, unknown>[] }[] };
    for (const row of old.workbooks[0]!.indicators) delete row.previousTargetKept;
    const before = parseBackup(JSON.stringify(old), '旧备份.json');
    if (!before.ok) throw new Error(before.message);
    expect(before.backup.workbooks[0]!.indicators).toHaveLength(next.indicators.length);
    expect(before.backup.workbooks[0]!.indicators.some((r) => 'previousTargetKept' in r)).toBe(false);
    // Anything but true written by hand is no decision.
    old.workbooks[0]!.indicators[1]!.previousTargetKept = '否';
    const edited = parseBackup(JSON.stringify(old), '改过的备份.json');
    if (!edited.ok) throw new Error(edited.message);
    expect(edited.backup.workbooks[0]!.indicators[1]!.previousTargetKept).toBeUndefined();
  });

  it('reads a version 1 file (before history and versions) as a version 2 backup with none of them', () => {
    const v1 = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: '2026-11-01T00:00:00.000Z',
      workbooks: [plan],
      settings: { handsontableLicenseKey: 'k-1' },
    });
    const parsed = parseBackup(v1, '旧备份.json');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.backup.version).toBe(3);
    expect(parsed.backup.workbooks).toEqual([plan]);
    expect(parsed.backup.history).toEqual([]);
    expect(parsed.backup.versions).toEqual([]);
  });

  it('leaves out incomplete history lines but refuses a damaged version, naming it', () => {
    const base = { format: BACKUP_FORMAT, version: 2, workbooks: [plan], settings: {} };
    const lines = parseBackup(JSON.stringify({ ...base, history: [entry, { code: 'H01' }] }), 'b.json');
    if (!lines.ok) throw new Error(lines.message);
    expect(lines.backup.history).toEqual([entry]);
    const damaged = parseBackup(
      JSON.stringify({ ...base, versions: [{ workbookId: 'plan', name: 'v', workbook: { id: 'x' } }] }),
      'b.json',
    );
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(damaged.message).toContain('第 1 个已保存版本的内容不完整');
  });

  it('refuses a workbook with a code twice (one of the two rows would be lost), naming the rows', () => {
    const text = serializeBackup(
      { workbooks: [plan], settings: {}, history: [], versions: [] },
      new Date('2026-11-05T00:00:00Z'),
    );
    const data = JSON.parse(text);
    const [second, sixth] = [data.workbooks[0].indicators[1], data.workbooks[0].indicators[5]];
    sixth.code = second.code;
    const parsed = parseBackup(JSON.stringify(data), '改过的备份.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(`代码 ${second.code} 出现两次（第 2 行和第 6 行）`);
      expect(parsed.message).toContain('本文件未恢复任何内容');
    }
  });

  it('says a backup cut short is incomplete, not that it is another kind of file', () => {
    const text = serializeBackup(
      { workbooks: [plan], settings: {}, history: [], versions: [] },
      new Date('2026-11-05T00:00:00Z'),
    );
    const parsed = parseBackup(text.slice(0, Math.floor(text.length / 2)), '备份.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('备份文件不完整');
  });

  it.each(['', '\uFEFF', ' \r\n'])('says an empty file (%j) is empty, not that it cannot be read', (text) => {
    const parsed = parseBackup(text, '备份.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.message).toBe(
        '“备份.json”不能用于恢复：文件是空的（没有任何内容），可能是备份时未保存完整：请换用其他备份文件，或在原电脑上重新“备份全部到文件”。',
      );
  });

  it('reads a backup re-saved in Notepad as ANSI (GBK) or Unicode with its Chinese whole, not as �', () => {
    const text = serializeBackup(
      { workbooks: [plan], settings: { clerk: '张丽' }, history: [entry], versions: [] },
      new Date('2026-11-05T00:00:00Z'),
    ).replace(/\n/g, '\r\n');
    // Notepad's ANSI on Chinese Windows is GBK; a character GBK lacks (the minus sign −) is written as '?'.
    const ansi = [...text].map((ch) => {
      try {
        return encodeGbk(ch);
      } catch {
        return encodeGbk('?');
      }
    });
    const gbk = new Uint8Array(ansi.flatMap((b) => [...b]));
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer),
    ]);
    for (const bytes of [gbk, utf16, new TextEncoder().encode('\uFEFF' + text)]) {
      const parsed = parseBackupBytes(bytes, '备份.json');
      if (!parsed.ok) throw new Error(parsed.message);
      expect(parsed.backup.workbooks[0]!.title).toBe(plan.title);
      expect(parsed.backup.workbooks[0]!.indicators[0]!.name).toBe(plan.indicators[0]!.name);
      expect(JSON.stringify(parsed.backup)).not.toContain('\uFFFD');
      expect(parsed.backup.history).toEqual([entry]);
      expect(parsed.backup.settings).toEqual({ clerk: '张丽' });
    }
  });

  it('refuses a file whose text is in no encoding it can read, instead of restoring replacement characters', () => {
    const bytes = new TextEncoder().encode(
      serializeBackup({ workbooks: [plan], settings: {}, history: [], versions: [] }, new Date()),
    );
    // A byte valid neither in UTF-8 nor in GBK in the middle of a name (the JSON itself still reads).
    bytes[bytes.indexOf(0xe5)] = 0xff;
    const parsed = parseBackupBytes(bytes, '备份.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain('“备份.json”不能用于恢复');
      expect(parsed.message).toContain('本文件未恢复任何内容');
    }
  });

  it('reads a target or a year edited by hand as text as a number, and refuses one it cannot read, naming the row', () => {
    const data = JSON.parse(
      serializeBackup({ workbooks: [plan], settings: {}, history: [], versions: [] }, new Date()),
    );
    const [first, second] = data.workbooks[0].indicators;
    first.target.value = ' 4.5 ';
    first.baseYear = '2020';
    second.target.yearlyStep = '-1';
    const parsed = parseBackup(JSON.stringify(data), '备份.json');
    if (!parsed.ok) throw new Error(parsed.message);
    const [one, two] = parsed.backup.workbooks[0]!.indicators;
    expect(one!.target.value).toBe(4.5);
    expect(one!.baseYear).toBe(2020);
    expect(two!.target.yearlyStep).toBe(-1);

    for (const edit of [
      (t: Record<string, unknown>) => (t.comparator = '<='),
      (t: Record<string, unknown>) => (t.value = '九十'),
    ]) {
      const broken = JSON.parse(JSON.stringify(data));
      edit(broken.workbooks[0].indicators[1].target);
      const refused = parseBackup(JSON.stringify(broken), '备份.json');
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.message).toContain(`第 2 行（${second.code} ${second.name}）的目标无法读取`);
        expect(refused.message).toContain('本文件未恢复任何内容');
      }
    }
  });

  it('reads a version number written as text, and says a version it cannot read is not one, not that it is newer', () => {
    const data = JSON.parse(
      serializeBackup({ workbooks: [plan], settings: {}, history: [], versions: [] }, new Date()),
    );
    expect(parseBackup(JSON.stringify({ ...data, version: '3' }), '备份.json').ok).toBe(true);
    for (const version of ['三', null, 0]) {
      const parsed = parseBackup(JSON.stringify({ ...data, version }), '备份.json');
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.message).toContain('备份文件的版本无法识别');
        expect(parsed.message).not.toContain('比本程序新');
      }
    }
  });

  it('refuses a file with one workbook twice (restored, the second would silently replace the first)', () => {
    const data = JSON.parse(
      serializeBackup({ workbooks: [plan], settings: {}, history: [], versions: [] }, new Date()),
    );
    const copy = structuredClone(data.workbooks[0]);
    copy.indicators.pop();
    data.workbooks.push(copy);
    const parsed = parseBackup(JSON.stringify(data), '备份.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(`第 1 个和第 2 个工作簿是同一个工作簿${quoted(plan.title)}`);
      expect(parsed.message).toContain('本文件未恢复任何内容');
    }
  });

  it('reads a number written as text as a number (else it was shown but left out of every status)', () => {
    const data = JSON.parse(
      serializeBackup(
        { workbooks: [plan], settings: {}, history: [], versions: [] },
        new Date('2026-11-05T00:00:00Z'),
      ),
    );
    const rowWith = (unit: string) =>
      data.workbooks[0].indicators.findIndex((r: { unit: string }) => r.unit === unit);
    const [permilleRow, percentRow] = [rowWith('‰'), rowWith('%')];
    data.workbooks[0].indicators[permilleRow].values = { 2024: '3.8', 2025: '3.1' };
    data.workbooks[0].indicators[percentRow].values = { 2024: '120%', 2025: '96.5%' };
    const parsed = parseBackup(JSON.stringify(data), '备份.json');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.backup.workbooks[0]!.indicators[permilleRow]!.values).toEqual({ 2024: 3.8, 2025: 3.1 });
    // Out of range for a percentage: kept as written, so the grid marks it.
    expect(parsed.backup.workbooks[0]!.indicators[percentRow]!.values).toEqual({ 2024: '120%', 2025: 96.5 });
  });

  it.each([
    ['not json', '无法读取'],
    [JSON.stringify({ format: 'other' }), '不是本程序的备份文件'],
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

  it.each(['代码,2025年\r\nH01,1.7\r\n', JSON.stringify({ format: 'other' })])(
    'a file that is no backup is told to the clerk by the button that makes one, as it is named: %s',
    (text) => {
      const parsed = parseBackup(text, '卫健局.csv');
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        // The button is “备份全部到文件”, in “工作簿”: “备份全部” named none.
        expect(parsed.message).toContain('请选择在“工作簿”中点“备份全部到文件”生成的 .json 文件。');
        expect(parsed.message).not.toContain('“备份全部”');
      }
    },
  );

  it('gives a restored workbook whose name another workbook of the browser holds a name of its own', () => {
    const titles = restoredTitles(
      [
        { id: 'wb-a', title: '规划（副本）' },
        { id: 'wb-c', title: '规划（副本）' },
        { id: 'plan', title: '规划' },
        { id: 'wb-d', title: '下期' },
      ],
      [
        { id: 'wb-b', title: '规划（副本）' },
        { id: 'plan', title: '规划' },
        { id: 'wb-e', title: '下期', deletedAt: '2026-11-01T00:00:00Z' },
      ],
    );
    expect([...titles]).toEqual([
      ['wb-a', '规划（副本）（恢复）'],
      ['wb-c', '规划（副本）（恢复）2'],
    ]);
  });

  it('never silently replaces a workbook that is newer in the browser', () => {
    const text = serializeBackup(
      { workbooks: [plan, sample], settings: {}, history: [], versions: [] },
      new Date(),
    );
    const parsed = parseBackup(text, 'b.json');
    if (!parsed.ok) throw new Error(parsed.message);
    const lines = planRestore(parsed.backup, [
      { id: 'plan', updatedAt: '2026-11-20T00:00:00.000Z' },
      { id: 'other', updatedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(lines.map((l) => [l.id, l.action, l.isSample])).toEqual([
      ['plan', 'browser-newer', false],
      ['sample', 'add', true],
    ]);
    expect(
      planRestore(parsed.backup, [{ id: 'plan', updatedAt: '2026-10-01T00:00:00.000Z' }])[0]?.action,
    ).toBe('replace');
    // Last changed at the very time the file's was: the same state, nothing to restore.
    const inFile = parsed.backup.workbooks.find((w) => w.id === 'plan')!.updatedAt;
    expect(planRestore(parsed.backup, [{ id: 'plan', updatedAt: inFile }])[0]?.action).toBe('same');
    // A workbook in 已删除 of the browser is said to be there (its line read only 无需恢复).
    expect(
      planRestore(parsed.backup, [
        { id: 'plan', updatedAt: inFile, deletedAt: '2026-11-26T00:00:00.000Z' },
      ])[0],
    ).toMatchObject({ action: 'same', deletedInBrowser: true });
    expect(
      planRestore(parsed.backup, [{ id: 'plan', updatedAt: inFile }])[0]?.deletedInBrowser,
    ).toBeUndefined();
    // The plan as first opened in a new browser, never edited: nothing newer to protect, and said so (not as
    // an older version: its date is later).
    const fresh = '2026-11-25T00:00:00.000Z';
    expect(planRestore(parsed.backup, [{ id: 'plan', createdAt: fresh, updatedAt: fresh }])[0]?.action).toBe(
      'replace-untouched',
    );
  });
});

describe('a backup’s last-changed time edited by hand', () => {
  /** The backup of `plan` whose updatedAt reads `updatedAt` in the file (as a clerk may have typed it). */
  const backupWith = (updatedAt: unknown) => {
    const data = JSON.parse(
      serializeBackup({ workbooks: [plan], settings: {}, history: [], versions: [] }, new Date()),
    ) as { workbooks: Record<string, unknown>[] };
    data.workbooks[0]!.updatedAt = updatedAt;
    return parseBackup(JSON.stringify(data), '备份.json');
  };

  it('is compared with the browser’s by time, not as text', () => {
    // 10:00 in Lanxi is 02:00 UTC: the browser's copy, changed at 05:00 UTC, is the newer one. Compared as text
    // ("…T05…" < "…T10…") the file's was taken for newer, and ticked to replace the browser's later work.
    const parsed = backupWith('2026-11-29T10:00:00+08:00');
    if (!parsed.ok) throw new Error(parsed.message);
    const browser = (updatedAt: string) => [{ id: 'plan', createdAt: '2026-11-01T00:00:00.000Z', updatedAt }];
    expect(planRestore(parsed.backup, browser('2026-11-29T05:00:00.000Z'))[0]?.action).toBe('browser-newer');
    expect(planRestore(parsed.backup, browser('2026-11-29T01:00:00.000Z'))[0]?.action).toBe('replace');
    // The same moment written two ways is the same state.
    expect(planRestore(parsed.backup, browser('2026-11-29T02:00:00.000Z'))[0]?.action).toBe('same');
    // Kept in the form the browser writes, so that what is stored and shown compares as the browser's own.
    expect(parsed.backup.workbooks[0]?.updatedAt).toBe('2026-11-29T02:00:00.000Z');
  });

  it('that cannot be read as a time refuses the file, saying which workbook, what it reads and what to do', () => {
    const parsed = backupWith('2026年11月29日上午');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toBe(
      `${quoted('备份.json')}不能用于恢复：第 1 个工作簿${quoted(plan.title)}的最后修改时间（updatedAt）` +
        `${quoted('2026年11月29日上午')}无法读取，无法判断文件与浏览器中哪一份较新，本文件未恢复任何内容：` +
        '请把它改回备份时的写法（如 2026-11-29T10:00:00.000Z），或换用其他备份文件。',
    );
    expect(backupWith(20261129).ok).toBe(false);
  });

  it('missing from the file (an older or a hand-made one) is said, and the browser’s copy is not replaced by default', () => {
    const parsed = backupWith(undefined);
    if (!parsed.ok) throw new Error(parsed.message);
    const line = planRestore(parsed.backup, [{ id: 'plan', updatedAt: '2026-11-29T05:00:00.000Z' }])[0];
    expect(line?.action).toBe('time-unknown');
    // A browser copy whose own time cannot be read (a hand-edited one restored by an earlier build): the same.
    const good = backupWith('2026-11-29T10:00:00+08:00');
    if (!good.ok) throw new Error(good.message);
    expect(planRestore(good.backup, [{ id: 'plan', updatedAt: '29/11/2026 上午' }])[0]?.action).toBe(
      'time-unknown',
    );
  });
});

describe('first use on a new PC', () => {
  const empty = workbookFromPlan(LANXI_2021_2025, 'plan', new Date('2026-11-01T00:00:00Z'));
  it('points to 从备份文件恢复 while the browser holds only the plan, without a figure', () => {
    // The button's own words: 从备份文件恢复 is the label beside it, not a button to click.
    expect(firstUseHint(1, empty)).toContain('“工作簿”，在“从备份文件恢复”处点“选择备份文件…”');
  });
  it('says that no figure is typed yet, not that there is no data: a 责任单位 or 备注 changed is data', () => {
    // A clerk who changed a row's 责任单位 and opened the page again read 本浏览器中还没有数据, as if it were lost.
    const edited = {
      ...empty,
      indicators: empty.indicators.map((r, i) =>
        i === 0 ? { ...r, department: '市教育局', note: '备注' } : r,
      ),
    };
    const hint = firstUseHint(1, edited);
    expect(hint).not.toContain('还没有数据');
    expect(hint).toContain('还没有填写任何年份的数值');
  });
  it('says nothing once there is a figure, another workbook, or in the sample', () => {
    const typed = {
      ...plan,
      indicators: plan.indicators.map((r, i) => (i === 0 ? { ...r, values: { 2021: 3 } } : r)),
    };
    expect(firstUseHint(1, typed)).toBe('');
    expect(firstUseHint(2, plan)).toBe('');
    expect(firstUseHint(1, { ...plan, isSample: true })).toBe('');
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
  it('a last backup time that cannot be read (hand-edited) asks for a new backup, never “NaN 天”', () => {
    const reminder = backupReminder('上周五', plan, now);
    expect(reminder).toContain('上次备份的时间无法读取');
    expect(reminder).toContain('备份全部到文件');
    expect(reminder).not.toContain('NaN');
  });
  it('a last backup time later than now (a settings file edited by hand) asks for a new backup, never says nothing', () => {
    const reminder = backupReminder('2099-01-01T00:00:00Z', plan, now);
    expect(reminder).toContain('上次备份的时间晚于现在');
    expect(reminder).toContain('2099-01-01T00:00:00Z');
    expect(reminder).toContain('备份全部到文件');
  });
  it('a last backup time in another time zone counts by time', () => {
    // 2026-10-29T07:00:00+08:00 is 2026-10-28T23:00Z: 30 days before now, not 29.
    expect(backupReminder('2026-10-29T07:00:00+08:00', plan, now)).toContain('已有 30 天没有备份');
  });
  it('says nothing while there are no values, or in the sample workbook', () => {
    expect(backupReminder(undefined, workbookFromPlan(LANXI_2021_2025, 'p', now), now)).toBe('');
    expect(backupReminder(undefined, sample, now)).toBe('');
  });
});

describe('times in a backup as the clerk reads them', () => {
  it('a time that cannot be read is said as such, never “Invalid Date”', () => {
    expect(shownTime('2026-13-45')).toBe('无法识别的时间“2026-13-45”');
    expect(shownTime('')).toBe('未知');
    expect(shownTime('2026-11-29T05:00:00.000Z')).toBe(
      new Date('2026-11-29T05:00:00.000Z').toLocaleString('zh-CN'),
    );
  });
  it('a restored backup counts as the last backup only when it is later by time', () => {
    expect(laterBackupTime(undefined, '2026-11-29T10:00:00+08:00')).toBe('2026-11-29T10:00:00+08:00');
    // 10:00 in Beijing is 02:00 UTC: earlier than the backup made at 05:00 UTC, though later as text.
    expect(laterBackupTime('2026-11-29T05:00:00.000Z', '2026-11-29T10:00:00+08:00')).toBeUndefined();
    expect(laterBackupTime('2026-11-29T01:00:00.000Z', '2026-11-29T10:00:00+08:00')).toBe(
      '2026-11-29T10:00:00+08:00',
    );
    // A file's time that cannot be read is not recorded (the reminder would count from nothing).
    expect(laterBackupTime('2026-11-29T01:00:00.000Z', '上周五')).toBeUndefined();
    expect(laterBackupTime(undefined, '上周五')).toBeUndefined();
    // A recorded time that cannot be read gives way to a readable one.
    expect(laterBackupTime('上周五', '2026-11-29T10:00:00+08:00')).toBe('2026-11-29T10:00:00+08:00');
  });
  it('a restored settings file’s last backup later than the file itself, or than now, is not believed', () => {
    const now = new Date('2026-11-30T00:00:00Z');
    // Restored with the settings: the file's own record is the recorded one; no backup of it came after the file.
    expect(laterBackupTime('2099-01-01T00:00:00Z', '2026-11-29T10:00:00+08:00', now, true)).toBe(
      '2026-11-29T10:00:00+08:00',
    );
    expect(laterBackupTime('2026-11-29T03:00:00Z', '2026-11-29T10:00:00+08:00', now, true)).toBe(
      '2026-11-29T10:00:00+08:00',
    );
    // The browser's own later backup stands (restored without settings).
    expect(laterBackupTime('2026-11-29T03:00:00Z', '2026-11-29T10:00:00+08:00', now, false)).toBeUndefined();
    // A time later than now, recorded or the file's, is not a backup made yet.
    expect(laterBackupTime('2099-01-01T00:00:00Z', '2026-11-29T10:00:00+08:00', now, false)).toBe(
      '2026-11-29T10:00:00+08:00',
    );
    expect(laterBackupTime('2026-11-20T00:00:00Z', '2099-01-01T00:00:00Z', now, false)).toBeUndefined();
  });
});

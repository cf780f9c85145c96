/**
 * What the import worker sends back must be exactly what reading the file on the page gives: the preview, the
 * conflicts between files and the history all read these cells. Values are fictional test values.
 */
import { describe, expect, it } from 'vitest';
import {
  existingRows,
  indexWorkbook,
  parseImportFile,
  parseIndexed,
  planImport,
  resolveConflicts,
  type ExistingRow,
  type ParsedFile,
} from '../../../src/io/csv-import';
import {
  CellPacker,
  isPackedFile,
  packParsedFile,
  transferables,
  unpackParsedFile,
} from '../../../src/io/import-transfer';
import { cellCount, countReplacing, firstCells } from '../../../src/io/lazy-cells';
import type { Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';

const YEARS = [2020, 2021, 2022, 2023];

function workbookRows(): Indicator[] {
  return LANXI_2021_2025.indicators.map((row) => ({
    ...structuredClone(row),
    values: (row.code === 'H02' ? { 2021: 4.4, 2022: 4.2 } : {}) as Indicator['values'],
  }));
}

const FILE = [
  '代码,指标名称,单位,2021年,2022年,2023年',
  'H02,婴儿死亡率,‰,4.4,4.1,4',
  'H01,孕产妇死亡率,1/10万,1.11,,2.22',
  'H03,5岁以下儿童死亡率,‰,abc,5.5,',
  'X99,新的指标,%,10,20,30',
  ',,,,,',
  'H05,不存在的名称,%,1,2,3',
].join('\r\n');

/** Through the same structured clone a worker's message goes through, with the typed arrays moved. */
function sent(parsed: ParsedFile, rows: ReturnType<typeof existingRows>): ParsedFile {
  const packed = packParsedFile(parsed, rows);
  if (!packed) throw new Error('not packed');
  const arrived = structuredClone(packed, { transfer: transferables(packed) });
  expect(isPackedFile(arrived)).toBe(true);
  return unpackParsedFile(arrived, rows);
}

describe('import worker messages', () => {
  it('a file read in the worker arrives as the same cells, issues, new rows and ignored rows', () => {
    const rows = existingRows(workbookRows());
    const parsed = parseImportFile(FILE, '卫健局.csv', rows, YEARS, 'utf-8');
    // The fixture covers what the preview shows: changes, unchanged cells, an error, a new row, an ignored row.
    expect(parsed.updates.length).toBeGreaterThan(2);
    expect(parsed.unchangedCells?.length).toBe(1);
    expect(parsed.issues.length).toBeGreaterThan(0);
    expect(parsed.newRows.map((r) => r.indicator.code)).toEqual(['X99']);
    expect(parsed.updates.find((u) => u.code === 'H02' && u.year === 2022)).toMatchObject({
      oldValue: 4.2,
      newValue: 4.1,
      name: '婴儿死亡率',
      file: '卫健局.csv',
      line: 2,
    });
    expect(sent(parsed, rows)).toEqual(parsed);
  });

  it('cells that do not match the rows the worker was sent are not packed (the file is then sent whole)', () => {
    const rows = existingRows(workbookRows());
    const parsed = parseImportFile(FILE, 'a.csv', rows, YEARS, 'utf-8');
    const other = rows.filter((row) => row.code !== 'H02');
    expect(packParsedFile(parsed, other)).toBeNull();
    // What the page then receives is read as it is (an array of cells is not a packed file).
    expect(isPackedFile(structuredClone(parsed))).toBe(false);
    const renamed = rows.map((row) => (row.code === 'H02' ? { ...row, name: '改过的名称' } : row));
    expect(packParsedFile(parsed, renamed)).toBeNull();
  });

  it('a file with nothing to change is sent packed and arrives empty', () => {
    const rows = existingRows(workbookRows());
    const parsed = parseImportFile('代码,2021年\r\nH02,4.4', 'b.csv', rows, YEARS, 'utf-8');
    expect(parsed.updates).toEqual([]);
    expect(sent(parsed, rows)).toEqual(parsed);
  });

  it('cells packed as the file is read (the worker’s way) arrive as the cells reading it on the page gives', () => {
    // More rows than the packer's first columns hold, so that they grow; values are fictional.
    const base = existingRows(workbookRows());
    const rows = [
      ...base,
      ...Array.from({ length: 400 }, (_, i) => ({
        ...base[0]!,
        code: `T${String(i).padStart(3, '0')}`,
        name: `测试指标${i}`,
        unit: '%',
        values: (i % 3 === 0 ? { 2021: 50 } : {}) as Indicator['values'],
      })),
    ];
    const lines = rows.slice(-400).map((row, i) => `${row.code},${row.name},%,${i % 90},50,${(i % 7) + 1}`);
    const text = [FILE, ...lines].join('\r\n');
    const index = indexWorkbook(rows, YEARS);
    const onPage = parseIndexed(text, '卫健局.csv', index, 'utf-8');
    expect(onPage.updates.length + (onPage.unchangedCells?.length ?? 0)).toBeGreaterThan(1024);
    expect(onPage.issues.length).toBeGreaterThan(0);
    expect(onPage.unchanged).toBeGreaterThan(0);

    const packer = new CellPacker(new Map(rows.map((row, i) => [row, i])));
    const inWorker = parseIndexed(text, '卫健局.csv', index, 'utf-8', packer);
    // The worker's own lists stay empty: the cells are in the packer.
    expect(inWorker.updates).toEqual([]);
    const packed = packer.pack(inWorker, rows);
    if (!packed) throw new Error('not packed');
    const arrived = structuredClone(packed, { transfer: transferables(packed) });
    expect(unpackParsedFile(arrived, rows)).toEqual(onPage);
  });

  it('a cell of a row the packer does not know leaves the file to be sent unpacked', () => {
    const rows = existingRows(workbookRows());
    const packer = new CellPacker(
      new Map(rows.filter((row) => row.code !== 'H02').map((row, i) => [row, i])),
    );
    const parsed = parseIndexed(FILE, 'a.csv', indexWorkbook(rows, YEARS), 'utf-8', packer);
    expect(packer.pack(parsed, rows)).toBeNull();
  });

  it('the preview counts the cells that arrived and draws its first page without making them all', () => {
    // 400 more rows with three figures each (fictional), a third of them replacing a 2021 figure.
    const base = existingRows(workbookRows());
    const rows = [
      ...base,
      ...Array.from({ length: 400 }, (_, i) => ({
        ...base[0]!,
        code: `T${String(i).padStart(3, '0')}`,
        name: `测试指标${i}`,
        unit: '%',
        values: (i % 3 === 0 ? { 2021: 50 } : {}) as Indicator['values'],
      })),
    ];
    const text = ['代码,指标名称,单位,2021年,2022年,2023年']
      .concat(rows.slice(-400).map((row, i) => `${row.code},${row.name},%,${(i % 90) + 1},51,52`))
      .join('\r\n');
    const onPage = parseImportFile(text, '卫健局.csv', rows, YEARS, 'utf-8');
    const packed = packParsedFile(onPage, rows);
    if (!packed) throw new Error('not packed');
    // Each cell made on the page reads its row: counting what is read tells how many cells were made.
    let rowsRead = 0;
    const counted = new Proxy(rows, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) rowsRead += 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    }) as ExistingRow[];
    const arrived = unpackParsedFile(structuredClone(packed, { transfer: transferables(packed) }), counted);
    const plan = planImport([arrived]);
    const count = cellCount(plan);
    // Arriving, each row the file has a line for is read once (the codes sent); no cell is made.
    expect(rowsRead).toBe(400);
    expect(arrived.sentCodes).toHaveLength(400);
    const replacing = countReplacing(plan);
    rowsRead = 0;
    const page = firstCells(plan, 200);
    expect(rowsRead).toBe(200);

    // What the preview says and shows is what the whole list says.
    expect(count).toBe(onPage.updates.length);
    expect(count).toBeGreaterThan(1000);
    expect(replacing).toBe(onPage.updates.filter((u) => u.oldValue !== undefined).length);
    expect(replacing).toBeGreaterThan(100);
    expect(page).toEqual(onPage.updates.slice(0, 200));
    // The list, made when read whole (应用), holds the very cells the preview drew, and is the file's list.
    expect(plan.updates).toEqual(onPage.updates);
    expect(plan.updates.slice(0, 200)).toEqual(page);
    page.forEach((cell, i) => expect(plan.updates[i]).toBe(cell));
    expect(plan.updates).toBe(arrived.updates);
    expect(resolveConflicts(plan, new Map())).toEqual(onPage.updates);
    expect(cellCount(plan)).toBe(count);
    expect(firstCells(plan, 3)).toEqual(onPage.updates.slice(0, 3));
  });

  it('a list of cells assigned over one that arrived packed is the list read', () => {
    const rows = existingRows(workbookRows());
    const parsed = parseImportFile(FILE, '卫健局.csv', rows, YEARS, 'utf-8');
    const arrived = sent(parsed, rows);
    arrived.updates = parsed.updates.slice(0, 1);
    expect(arrived.updates).toEqual(parsed.updates.slice(0, 1));
    expect(cellCount(arrived)).toBe(1);
    expect({ ...arrived }).toEqual({ ...parsed, updates: parsed.updates.slice(0, 1) });
  });
});

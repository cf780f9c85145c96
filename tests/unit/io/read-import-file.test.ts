/**
 * Reading a chosen file, as the import worker (or the page, without a worker) does. Values are fictional.
 */
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../src/io/csv-decode';
import { existingRows, indexWorkbook } from '../../../src/io/csv-import';
import { readImportBlob } from '../../../src/io/read-import-file';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';

const index = indexWorkbook(existingRows(LANXI_2021_2025.indicators), [2021, 2022]);

describe('readImportBlob', () => {
  it('reads a chosen file’s bytes, decodes GBK and matches its rows', async () => {
    // "代码,2021年\r\nH02,3.33" in GBK, as Excel saves it on a Chinese Windows.
    const gbk = new Uint8Array([
      0xb4, 0xfa, 0xc2, 0xeb, 0x2c, 0x32, 0x30, 0x32, 0x31, 0xc4, 0xea, 0x0d, 0x0a, 0x48, 0x30, 0x32, 0x2c,
      0x33, 0x2e, 0x33, 0x33,
    ]);
    const parsed = await readImportBlob(new Blob([gbk]), '卫健局.csv', index, decodeCsvBytes);
    expect(parsed.encoding).toBe('gb18030');
    expect(parsed.issues).toEqual([]);
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue, u.line])).toEqual([['H02', 2021, 3.33, 2]]);
  });

  it('a file the browser can no longer read is one issue naming the file and what to do, nothing else', async () => {
    // What a File does when it was deleted or locked after being chosen.
    const gone = { arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')) } as Blob;
    const parsed = await readImportBlob(gone, '教育局.csv', index, decodeCsvBytes);
    expect(parsed.updates).toEqual([]);
    expect(parsed.newRows).toEqual([]);
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]).toMatchObject({ file: '教育局.csv', line: null, column: null });
    expect(parsed.issues[0]?.message).toContain('无法读取“教育局.csv”');
    expect(parsed.issues[0]?.message).toContain('重新选择该文件');
  });
});

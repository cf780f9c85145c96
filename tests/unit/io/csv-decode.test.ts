import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, MAX_CSV_BYTES } from '../../../src/io/csv-decode';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url)));

describe('decodeCsvBytes: files as offices send them', () => {
  it.each([
    ['utf8-bom-own-export.csv', 'utf-8-bom', '婴儿死亡率'],
    ['gbk-excel-resaved.csv', 'gb18030', '学前教育毛入园率'],
    ['wide-other-office.csv', 'gb18030', '5岁以下 儿童死亡率'],
    ['conflict-health-bureau.csv', 'gb18030', '新生儿死亡率'],
    ['utf8-no-bom-lf.csv', 'utf-8', '社区图书馆设立亲子阅读区比例'],
    ['conflict-stats-bureau.csv', 'utf-8-bom', '学前教育毛入园率'],
    ['utf16le-unicode-text.csv', 'utf-16le', '婴儿死亡率\t‰\t1.23'],
  ])('%s is read as %s', (name, encoding, expected) => {
    const result = decodeCsvBytes(fixture(name), name);
    expect(result).toMatchObject({ ok: true, encoding });
    if (!result.ok) return;
    expect(result.text).toContain(expected);
    expect(result.text.startsWith('\uFEFF')).toBe(false);
    expect(result.text).not.toContain('\uFFFD');
  });

  it('reads GBK bytes that Excel on Chinese Windows writes, including ‰ and full-width digits', () => {
    const result = decodeCsvBytes(fixture('gbk-excel-resaved.csv'), 'gbk-excel-resaved.csv');
    expect(result.ok && result.text.split('\r\n')[1]).toContain('婴儿死亡率,‰,上限,<,以下,5');
    expect(result.ok && result.text).toContain('３.３３');
  });

  it('reads UTF-16 big-endian text with its BOM', () => {
    const text = '代码\t2023年\r\nH02\t1.5\r\n';
    const bytes = [0xfe, 0xff];
    for (const ch of text) bytes.push(ch.charCodeAt(0) >> 8, ch.charCodeAt(0) & 0xff);
    expect(decodeCsvBytes(new Uint8Array(bytes), 'be.csv')).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it.each([
    [
      'renamed-xlsx.csv',
      ['“renamed-xlsx.csv”', '这是 Excel 工作簿（.xlsx），请在 Excel/WPS 中“另存为 CSV”后再导入'],
    ],
    ['empty.csv', ['“empty.csv”', '空文件']],
    ['binary.csv', ['“binary.csv”', '二进制']],
  ])('%s is refused with a Chinese message naming the file', (name, parts) => {
    const result = decodeCsvBytes(fixture(name), name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const part of parts) expect(result.message).toContain(part);
  });

  it.each([
    ['only a BOM', [0xef, 0xbb, 0xbf]],
    ['only spaces and line breaks', [0x20, 0x0d, 0x0a, 0x09, 0x20]],
    ['only separators of an emptied sheet', [...',,,\r\n,,,\r\n'].map((ch) => ch.charCodeAt(0))],
    ['a BOM and a full-width space', [0xef, 0xbb, 0xbf, 0xe3, 0x80, 0x80]],
  ])('a file with %s is empty', (_label, bytes) => {
    const result = decodeCsvBytes(new Uint8Array(bytes), '报表.csv');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('“报表.csv”是空文件') });
  });

  // A clerk picking the mail's attachments chose the department's covering letter: told it is an Excel
  // workbook, she looked for a table in a Word document.
  it.each([
    ['填报说明.docx', [0x50, 0x4b, 0x03, 0x04], ' Word 文档（.docx）'],
    ['填报说明.doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], ' Word 文档（.doc）'],
    ['汇报.pptx', [0x50, 0x4b, 0x03, 0x04], '演示文稿（.pptx）'],
    ['报表.zip', [0x50, 0x4b, 0x03, 0x04], '压缩包（.zip）'],
  ])('%s is named as what it is, not an Excel workbook', (name, signature, what) => {
    const result = decodeCsvBytes(new Uint8Array([...signature, 0, 0, 0, 0]), name);
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining(`“${name}”不是 CSV 文件：这是${what}`),
    });
    expect(result.ok || result.message).not.toContain('Excel 工作簿');
    expect(result.ok || result.message).toContain('请确认选对了文件');
  });

  it('refuses an old .xls workbook renamed .csv', () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const result = decodeCsvBytes(bytes, '旧表.csv');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('旧版 Excel 工作簿（.xls）') });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030 instead of showing replacement characters', () => {
    const result = decodeCsvBytes(new Uint8Array([0x61, 0x2c, 0xff, 0x2c, 0x62]), '乱码.csv');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('“乱码.csv”的文字编码无法识别') });
  });

  it('refuses a file that claims UTF-8 by its BOM but is not', () => {
    const result = decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xd6, 0xd0, 0x2c, 0x31]), 'x.csv');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('不是有效的 UTF-8') });
  });

  it('refuses a file over the size limit before reading it, saying how large it is', () => {
    expect(MAX_CSV_BYTES).toBe(50 * 1024 * 1024);
    const result = decodeCsvBytes(new Uint8Array(MAX_CSV_BYTES + 1), '巨大.csv');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('“巨大.csv”文件过大（50.0 MB）') });
  });

  it('accepts a file at the size limit', () => {
    const bytes = new Uint8Array(MAX_CSV_BYTES).fill(0x31);
    expect(decodeCsvBytes(bytes, 'big.csv')).toMatchObject({ ok: true, encoding: 'utf-8' });
  });
});

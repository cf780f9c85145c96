/**
 * Turning the bytes of a CSV file, as offices really send it, into text — or into a Chinese message that says
 * what is wrong with the file and what to do. Pure: no DOM, no storage; returns a result, never throws.
 *
 * Order of checks:
 * 1. size over MAX_CSV_BYTES, 0 bytes;
 * 2. signatures: ZIP ("PK\x03\x04", i.e. .xlsx renamed .csv), OLE (old .xls);
 * 3. UTF-16 BOM (Excel "Unicode 文本", tab-separated): decoded, not rejected — parseImportFile detects the tab;
 * 4. NUL bytes in the first 8 KB: binary, rejected;
 * 5. UTF-8 BOM (Excel "CSV UTF-8", our own export): strict UTF-8;
 * 6. no BOM: strict UTF-8 if the bytes are valid UTF-8, else strict GB18030 (superset of GBK: Excel "CSV (逗号分隔)"
 *    on Chinese Windows, WPS). Bytes valid in neither are rejected instead of showing replacement characters.
 * 7. text that is only whitespace, separators or a BOM: empty, rejected.
 */

import { decodeStrict } from '../model/strict-decode';

/** Larger files are refused before decoding (a department's return is a few KB; 50 MB is a wrong file). */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;

/** How many leading bytes are searched for NUL to recognise a binary file. */
export const BINARY_SNIFF_BYTES = 8 * 1024;

export type CsvEncoding = 'utf-8-bom' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type DecodeResult = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; message: string };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF8_BOM_BYTES = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, i) => bytes[i] === byte);
}

function megabytes(size: number): string {
  return (size / (1024 * 1024)).toFixed(1);
}

/** The message for a file over the size limit (also used before reading it, from its size alone). */
export function tooLargeMessage(fileName: string, size: number): string {
  return (
    `“${fileName}”文件过大（${megabytes(size)} MB），超过 ${megabytes(MAX_CSV_BYTES)} MB 的上限：` +
    '请确认选对了文件；如确需导入，请只保留需要的指标行和年份列，或拆成几个文件后再导入。'
  );
}

/** Documents and archives that share a workbook's first bytes, by the ending of their name (none: a workbook). */
const OTHER_DOCUMENTS: Record<string, string> = {
  docx: 'Word 文档（.docx）',
  doc: 'Word 文档（.doc）',
  wps: 'WPS 文字文档（.wps）',
  pptx: '演示文稿（.pptx）',
  ppt: '演示文稿（.ppt）',
  dps: '演示文稿（.dps）',
  zip: '压缩包（.zip）',
};

function otherDocument(fileName: string): string | undefined {
  const ending = /\.([a-z]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  return OTHER_DOCUMENTS[ending];
}

export function decodeCsvBytes(bytes: Uint8Array, fileName: string): DecodeResult {
  const file = `“${fileName}”`;
  const fail = (message: string): DecodeResult => ({ ok: false, message });
  const resave = '请在 Excel/WPS 中打开该文件，“另存为”“CSV UTF-8（逗号分隔）”后再导入。';

  if (bytes.length > MAX_CSV_BYTES) return fail(tooLargeMessage(fileName, bytes.length));
  const empty = `${file}是空文件（没有任何内容）：请确认选对了文件，或让报送单位重新导出后再导入。`;
  if (bytes.length === 0) return fail(empty);

  // Office files and archives start alike (.xlsx .docx .zip; .xls .doc): the name's ending tells which one a clerk
  // picked — the covering letter attached beside the return was called an Excel workbook.
  const other = otherDocument(fileName);
  if (other && (startsWith(bytes, ZIP_SIGNATURE) || startsWith(bytes, OLE_SIGNATURE))) {
    return fail(
      `${file}不是 CSV 文件：这是${/^[a-z]/i.test(other) ? ' ' : ''}${other}，不是填报的表格：请确认选对了文件，` +
        '导入的应是各单位填好后“另存为 CSV”发回的文件。',
    );
  }
  if (startsWith(bytes, ZIP_SIGNATURE)) {
    return fail(`${file}不是 CSV 文件：这是 Excel 工作簿（.xlsx），请在 Excel/WPS 中“另存为 CSV”后再导入。`);
  }
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return fail(
      `${file}不是 CSV 文件：这是旧版 Excel 工作簿（.xls），请在 Excel/WPS 中“另存为 CSV”后再导入。`,
    );
  }

  let text: string | undefined;
  let encoding: CsvEncoding;
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) {
    // Excel "Unicode 文本" (tab-separated UTF-16): read it rather than refuse it.
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = decodeStrict(bytes, encoding);
    if (text === undefined) return fail(`${file}以 UTF-16 标记开头，但内容不是有效的 UTF-16 文本。${resave}`);
  } else {
    const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
    if (sniff.includes(0)) {
      return fail(
        `${file}不是文本文件（含有二进制内容），无法作为 CSV 导入：请确认选对了文件；` +
          '如果是从其他软件导出的，请在 Excel/WPS 中打开后“另存为 CSV”再导入。',
      );
    }
    if (startsWith(bytes, UTF8_BOM_BYTES)) {
      encoding = 'utf-8-bom';
      text = decodeStrict(bytes, 'utf-8');
      if (text === undefined) return fail(`${file}以 UTF-8 标记开头，但内容不是有效的 UTF-8 文本。${resave}`);
    } else {
      text = decodeStrict(bytes, 'utf-8');
      encoding = 'utf-8';
      if (text === undefined) {
        text = decodeStrict(bytes, 'gb18030');
        encoding = 'gb18030';
      }
      if (text === undefined) {
        return fail(`${file}的文字编码无法识别（既不是 UTF-8，也不是 GBK/GB18030）。${resave}`);
      }
    }
  }

  // TextDecoder already drops the BOM; a second one (a file saved twice with BOM) is dropped too.
  text = text.replace(/^\uFEFF+/, '');
  if (/^[\s,;\t\uFEFF]*$/.test(text)) return fail(empty);
  return { ok: true, text, encoding };
}

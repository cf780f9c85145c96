/**
 * One file to a ParsedFile: read its bytes, decode (GBK / UTF-8 / UTF-16), then parse and match. A file that
 * cannot be read or decoded becomes a ParsedFile with one issue, so the preview lists it with the others.
 */
import type { decodeCsvBytes } from './csv-decode';
import {
  parseIndexed,
  type CellSink,
  type ExistingRow,
  type ParsedFile,
  type WorkbookIndex,
} from './csv-import';

/** What the import worker is sent: the workbook once when the dialog opens, then each file chosen. */
export type ReaderMessage =
  | { kind: 'workbook'; existing: ExistingRow[]; years: number[]; historyFrom: number | null }
  | { kind: 'file'; file: Blob; fileName: string };

/** The chosen file read and parsed; a file the browser cannot read (moved, deleted, locked) is said so. */
export async function readImportBlob(
  file: Blob,
  fileName: string,
  index: WorkbookIndex,
  decode: typeof decodeCsvBytes,
  sink?: CellSink,
): Promise<ParsedFile> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return unreadable(fileName, cannotReadMessage(fileName));
  }
  return readImportFile(bytes, fileName, index, decode, sink);
}

export function cannotReadMessage(fileName: string): string {
  return (
    `无法读取“${fileName}”（文件可能在选择后被移动、删除或改名，或正被其他程序占用），本文件未导入任何数据：` +
    '请关闭占用它的程序，或重新选择该文件后再导入。'
  );
}

export function readImportFile(
  bytes: Uint8Array,
  fileName: string,
  index: WorkbookIndex,
  decode: typeof decodeCsvBytes,
  sink?: CellSink,
): ParsedFile {
  const decoded = decode(bytes, fileName);
  if (!decoded.ok) return unreadable(fileName, decoded.message);
  return parseIndexed(decoded.text, fileName, index, decoded.encoding, sink);
}

/** A file that is not read at all (too large, undecodable): one issue, nothing imported. */
export function unreadable(fileName: string, message: string): ParsedFile {
  return {
    file: fileName,
    encoding: '',
    format: 'workbook',
    updates: [],
    unchanged: 0,
    newRows: [],
    ignored: [],
    issues: [{ file: fileName, line: null, column: null, message }],
    matchedRows: 0,
  };
}

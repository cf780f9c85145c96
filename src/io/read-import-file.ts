/**
 * One file from bytes to a ParsedFile: decode (GBK / UTF-8 / UTF-16), then parse and match. A file that
 * cannot be decoded becomes a ParsedFile with one issue, so the preview lists it with the others.
 */
import type { decodeCsvBytes } from './csv-decode';
import { parseIndexed, type ExistingRow, type ParsedFile, type WorkbookIndex } from './csv-import';

/** What the import worker is sent: the workbook once when the dialog opens, then each file chosen. */
export type ReaderMessage =
  | { kind: 'workbook'; existing: ExistingRow[]; years: number[] }
  | { kind: 'file'; file: Blob; fileName: string };

export function readImportFile(
  bytes: Uint8Array,
  fileName: string,
  index: WorkbookIndex,
  decode: typeof decodeCsvBytes,
): ParsedFile {
  const decoded = decode(bytes, fileName);
  if (!decoded.ok) return unreadable(fileName, decoded.message);
  return parseIndexed(decoded.text, fileName, index, decoded.encoding);
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

/**
 * One file from bytes to a ParsedFile: decode (GBK / UTF-8 / UTF-16), then parse and match. A file that
 * cannot be decoded becomes a ParsedFile with one issue, so the preview lists it with the others.
 */
import type { decodeCsvBytes } from './csv-decode';
import { parseImportFile, type ExistingRow, type ParsedFile } from './csv-import';

export interface ReadRequest {
  bytes: Uint8Array;
  fileName: string;
  existing: ExistingRow[];
  years: number[];
}

export function readImportFile(request: ReadRequest, decode: typeof decodeCsvBytes): ParsedFile {
  const decoded = decode(request.bytes, request.fileName);
  if (!decoded.ok) {
    return {
      file: request.fileName,
      encoding: '',
      format: 'workbook',
      updates: [],
      unchanged: 0,
      newRows: [],
      ignored: [],
      issues: [{ file: request.fileName, line: null, column: null, message: decoded.message }],
      matchedRows: 0,
    };
  }
  return parseImportFile(decoded.text, request.fileName, request.existing, request.years, decoded.encoding);
}

/**
 * Reads CSV files off the main thread, so the page stays responsive while a large file is decoded and parsed.
 * The workbook arrives first (when the import dialog opens) and is indexed while the clerk picks files. The same
 * functions run on the main thread when a worker cannot be started (import-reader.ts).
 */
import { decodeCsvBytes } from './csv-decode';
import { indexWorkbook, type WorkbookIndex } from './csv-import';
import { readImportFile, type ReaderMessage } from './read-import-file';

let index: WorkbookIndex = indexWorkbook([], []);

self.onmessage = (event: MessageEvent<ReaderMessage>) => {
  const message = event.data;
  if (message.kind === 'workbook') index = indexWorkbook(message.existing, message.years);
  else self.postMessage(readImportFile(message.bytes, message.fileName, index, decodeCsvBytes));
};

/**
 * Reads CSV files off the main thread, so the page stays responsive while a large file is decoded and parsed.
 * The workbook arrives first (when the import dialog opens) and is indexed while the clerk picks files. The same
 * functions run on the main thread when a worker cannot be started (import-reader.ts).
 */
import { decodeCsvBytes } from './csv-decode';
import { indexWorkbook, type ExistingRow, type WorkbookIndex } from './csv-import';
import { packParsedFile, transferables } from './import-transfer';
import { readImportBlob, type ReaderMessage } from './read-import-file';

let existing: ExistingRow[] = [];
let index: WorkbookIndex = indexWorkbook([], []);

/** Messages are handled one after another (reading a file waits for its bytes): answers keep their order. */
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<ReaderMessage>) => {
  const message = event.data;
  queue = queue
    .then(() => handle(message))
    .catch((error: unknown) => {
      // Thrown again outside the promise, so the page gets the worker's error event and reads the files itself.
      setTimeout(() => {
        throw error;
      });
    });
};

async function handle(message: ReaderMessage): Promise<void> {
  if (message.kind === 'workbook') {
    existing = message.existing;
    index = indexWorkbook(existing, message.years, message.historyFrom);
    return;
  }
  // The file is read here, not on the page: the page stays free while a large file's bytes arrive.
  const parsed = await readImportBlob(message.file, message.fileName, index, decodeCsvBytes);
  const packed = packParsedFile(parsed, existing);
  if (packed) self.postMessage(packed, { transfer: transferables(packed) });
  else self.postMessage(parsed);
}

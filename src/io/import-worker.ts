/**
 * Reads CSV files off the main thread, so the page stays responsive while a large file is decoded and parsed.
 * The workbook arrives first (when the import dialog opens) and is indexed while the clerk picks files. The same
 * functions run on the main thread when a worker cannot be started (import-reader.ts).
 */
import { decodeCsvBytes } from './csv-decode';
import { indexWorkbook, type ExistingRow, type WorkbookIndex } from './csv-import';
import { CellPacker, codePositions, packParsedFile, transferables } from './import-transfer';
import { readImportBlob, type ReaderMessage } from './read-import-file';

let existing: ExistingRow[] = [];
let index: WorkbookIndex = indexWorkbook([], []);
/** Each code's position (codePositions), for the codes of the rows a file has a line for. */
let codes = new Map<string, number>();

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
    codes = codePositions(existing);
    return;
  }
  // The file is read here, not on the page: the page stays free while a large file's bytes arrive. Its cells go
  // straight into the arrays sent to the page.
  // Each row's position among `existing`, the order the page holds them in: the index keeps it (places).
  const packer = new CellPacker(index.places, codes);
  const read = await readImportBlob(message.file, message.fileName, index, decodeCsvBytes, packer);
  const packed = packer.pack(read, existing);
  if (packed) {
    self.postMessage(packed, { transfer: transferables(packed) });
    return;
  }
  // (Not expected: a cell whose row the page does not hold. The file is read again and sent as it is.)
  const parsed = await readImportBlob(message.file, message.fileName, index, decodeCsvBytes);
  const whole = packParsedFile(parsed, existing, codes);
  if (whole) self.postMessage(whole, { transfer: transferables(whole) });
  else self.postMessage(parsed);
}

/**
 * Reading import files in a worker started when the import dialog opens: by the time a file is chosen, the
 * worker's code is loaded and the workbook is indexed (on 10,000 rows, starting the worker and sending it the
 * rows took longer than parsing the file). Falls back to the main thread if the worker cannot start or fails.
 */
import { decodeCsvBytes } from './csv-decode';
import { indexWorkbook, type ExistingRow, type ParsedFile, type WorkbookIndex } from './csv-import';
import ImportWorker from './import-worker?worker&inline';
import { readImportFile, type ReaderMessage } from './read-import-file';

export interface ImportReader {
  /** Files are read one after another, in the order asked. */
  read(bytes: Uint8Array, fileName: string): Promise<ParsedFile>;
  dispose(): void;
}

export function startImportReader(existing: ExistingRow[], years: number[]): ImportReader {
  let mainIndex: WorkbookIndex | null = null;
  const onMainThread = (bytes: Uint8Array, fileName: string): ParsedFile =>
    readImportFile(bytes, fileName, (mainIndex ??= indexWorkbook(existing, years)), decodeCsvBytes);

  let worker: Worker | null = null;
  /** Files sent to the worker and not answered yet, oldest first (the worker answers in order). */
  const pending: { bytes: Uint8Array; fileName: string; resolve: (parsed: ParsedFile) => void }[] = [];
  const stopWorker = () => {
    worker?.terminate();
    worker = null;
  };
  try {
    worker = new ImportWorker();
    worker.onmessage = (event: MessageEvent<ParsedFile>) => pending.shift()?.resolve(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      stopWorker();
      // The bytes were copied to the worker, not moved: what it did not answer is read here.
      for (const file of pending.splice(0)) file.resolve(onMainThread(file.bytes, file.fileName));
    };
    worker.postMessage({ kind: 'workbook', existing, years } satisfies ReaderMessage);
  } catch {
    stopWorker();
  }

  return {
    read(bytes, fileName) {
      const current = worker;
      if (!current) return Promise.resolve(onMainThread(bytes, fileName));
      return new Promise((resolve) => {
        pending.push({ bytes, fileName, resolve });
        current.postMessage({ kind: 'file', bytes, fileName } satisfies ReaderMessage);
      });
    },
    dispose: stopWorker,
  };
}

/**
 * Reading import files in a worker started when the import dialog opens: by the time a file is chosen, the
 * worker's code is loaded and the workbook is indexed (on 10,000 rows, starting the worker and sending it the
 * rows took longer than parsing the file). The worker reads the file's bytes itself and sends back its cells packed
 * (import-transfer.ts). Falls back to the main thread if the worker cannot start or fails.
 */
import { decodeCsvBytes } from './csv-decode';
import { indexWorkbook, type ExistingRow, type ParsedFile, type WorkbookIndex } from './csv-import';
import { isPackedFile, unpackParsedFile, type PackedFile } from './import-transfer';
import ImportWorker from './import-worker?worker&inline';
import { readImportBlob, type ReaderMessage } from './read-import-file';

export interface ImportReader {
  /** Files are read one after another, in the order asked. */
  read(file: Blob, fileName: string): Promise<ParsedFile>;
  dispose(): void;
}

export function startImportReader(
  existing: ExistingRow[],
  years: number[],
  historyFrom: number | null,
): ImportReader {
  let mainIndex: WorkbookIndex | null = null;
  const onMainThread = (file: Blob, fileName: string): Promise<ParsedFile> =>
    readImportBlob(
      file,
      fileName,
      (mainIndex ??= indexWorkbook(existing, years, historyFrom)),
      decodeCsvBytes,
    );

  let worker: Worker | null = null;
  /** Files sent to the worker and not answered yet, oldest first (the worker answers in order). */
  const pending: {
    file: Blob;
    fileName: string;
    resolve: (parsed: ParsedFile | Promise<ParsedFile>) => void;
  }[] = [];
  const stopWorker = () => {
    worker?.terminate();
    worker = null;
  };
  try {
    worker = new ImportWorker();
    worker.onmessage = (event: MessageEvent<ParsedFile | PackedFile>) => {
      const file = pending.shift();
      if (!file) return;
      const answer = event.data;
      try {
        file.resolve(isPackedFile(answer) ? unpackParsedFile(answer, existing) : answer);
      } catch {
        // An answer the page cannot read: the file is read here instead (the dialog must not wait for ever).
        file.resolve(onMainThread(file.file, file.fileName));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stopWorker();
      // What the worker did not answer is read here.
      for (const file of pending.splice(0)) file.resolve(onMainThread(file.file, file.fileName));
    };
    worker.postMessage({ kind: 'workbook', existing, years, historyFrom } satisfies ReaderMessage);
  } catch {
    stopWorker();
  }

  return {
    read(file, fileName) {
      const current = worker;
      if (!current) return onMainThread(file, fileName);
      return new Promise((resolve) => {
        pending.push({ file, fileName, resolve });
        current.postMessage({ kind: 'file', file, fileName } satisfies ReaderMessage);
      });
    },
    dispose: stopWorker,
  };
}

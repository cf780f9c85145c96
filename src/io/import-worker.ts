/**
 * Reads one CSV file off the main thread, so the page stays responsive while a large file is decoded and
 * parsed. The same functions run on the main thread when a worker cannot be started.
 */
import { decodeCsvBytes } from './csv-decode';
import { readImportFile, type ReadRequest } from './read-import-file';

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  self.postMessage(readImportFile(event.data, decodeCsvBytes));
};

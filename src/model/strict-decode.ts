/**
 * Bytes to text in one encoding, or undefined when they are not valid in it (or the runtime lacks it): a file
 * saved by Excel, WPS or Notepad is tried as UTF-8, then GB18030, and never shown with replacement characters.
 * Shared by the CSV import (io/csv-decode) and restoring a backup (model/backup). The BOM, if any, is dropped.
 */
export function decodeStrict(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The IndexedDB database (via Dexie): its schema versions and their migrations. Only this folder imports Dexie.
 * Do not change a version's schema once shipped: add a new version with an upgrade function instead.
 *
 * v1: workbooks; rows keyed by [workbookId+code] with values as the text typed (Record<year, string>).
 * v2: values stored as numbers in the row's unit, text kept only where it could not be read; rows get an
 *     `order` so the grid's row order survives; a settings table (licence key, clerk's name, thresholds).
 * v3: a history table (every saved change of a field: when, old → new, source, clerk) and a versions table
 *     (named copies of a workbook). No data moves: the new tables start empty.
 * v4: the history keeps one record per row and save, with the fields it changed (was one record per field:
 *     too many records for a large import). Same indexes; the upgrade groups the v3 records.
 * v5: a save of many rows keeps their history as one record per piece of the save (HistoryBatchRecord), found
 *     by row through the new multi-entry index `rowKeys`: writing 10,000 records, one per row, was a third of a
 *     large import's save. Records of one row stay as they are; no data moves.
 */
import Dexie, { type Table } from 'dexie';
import { toCellValue } from '../model/entry';
import { groupHistory, type HistoryEntry, type HistoryGroup } from '../model/history';
import type { Indicator } from '../model/indicator';
import type { Workbook } from '../model/workbook';

export const DATABASE_NAME = 'lanxi-children-plan-workbook';
export const SCHEMA_VERSION = 5;

export interface WorkbookRecord {
  id: string;
  title: string;
  baseYear: number;
  targetYear: number;
  isSample: boolean;
  createdAt: string;
  updatedAt: string;
  /** Set when the clerk deletes the workbook: it stays recoverable until deleted for good. */
  deletedAt?: string;
  /**
   * How many times its rows were written (each write adds one; absent until the first): a page that knows the
   * count its rows were read at knows whether another tab wrote since. Not indexed: no schema change.
   */
  revision?: number;
}

export interface RowRecord extends Indicator {
  workbookId: string;
  /** Position of the row in its workbook (physical grid order). */
  order: number;
}

/** The history of one row in one save. */
export interface HistoryRowRecord extends HistoryGroup {
  id?: number;
}

/**
 * The history of many rows of one save (v5), in the order they were written. `rowKeys` holds each row's
 * historyRowKey, so a row's history is found by the index without reading the others.
 */
export interface HistoryBatchRecord {
  id?: number;
  workbookId: string;
  at: string;
  groups: HistoryGroup[];
  rowKeys: string[];
}

export type HistoryRecord = HistoryRowRecord | HistoryBatchRecord;

export const isHistoryBatch = (record: HistoryRecord): record is HistoryBatchRecord =>
  'groups' in record && Array.isArray(record.groups);

/** A row's key in the history's `rowKeys` index (no code or workbook id has a NUL in it). */
export const historyRowKey = (workbookId: string, code: string): string => `${workbookId}\u0000${code}`;

/** Schema v3 history record (one per field), kept here only so the upgrade can read it. */
export interface HistoryRecordV3 extends HistoryEntry {
  id?: number;
}

/** A named version of a workbook (e.g. "2023年中期评估定稿"): a full copy of it at one moment. */
export interface VersionRecord {
  id?: number;
  workbookId: string;
  name: string;
  createdAt: string;
  clerk: string;
  workbook: Workbook;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Schema v1 row, kept here only so the upgrade can read it. */
export interface RowRecordV1 extends Omit<Indicator, 'values'> {
  workbookId: string;
  values: Record<string, string>;
}

export const SCHEMA_V1 = {
  workbooks: 'id',
  rows: '[workbookId+code], workbookId',
};

export const SCHEMA_V2 = {
  workbooks: 'id',
  rows: '[workbookId+code], workbookId, [workbookId+order]',
  settings: 'key',
};

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  history: '++id, [workbookId+code], workbookId',
  versions: '++id, workbookId',
};

/** The same indexes as v3: only the history's records change shape (see the upgrade). */
export const SCHEMA_V4 = SCHEMA_V3;

export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  history: '++id, [workbookId+code], workbookId, *rowKeys',
};

export class WorkbookDatabase extends Dexie {
  workbooks!: Table<WorkbookRecord, string>;
  rows!: Table<RowRecord, [string, string]>;
  settings!: Table<SettingRecord, string>;
  history!: Table<HistoryRecord, number>;
  versions!: Table<VersionRecord, number>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        const counters = new Map<string, number>();
        await tx
          .table('rows')
          .toCollection()
          .modify((row: RowRecordV1 & Partial<RowRecord>) => {
            const values: Indicator['values'] = {};
            for (const [year, text] of Object.entries(row.values ?? {})) {
              const value = toCellValue(text, row.unit ?? '', row.name ?? '');
              if (value !== undefined) values[Number(year)] = value;
            }
            (row as unknown as RowRecord).values = values;
            const order = counters.get(row.workbookId) ?? 0;
            counters.set(row.workbookId, order + 1);
            row.order = order;
          });
      });
    this.version(3).stores(SCHEMA_V3);
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        const history = tx.table('history');
        const entries = (await history.toArray()) as HistoryRecordV3[];
        if (entries.length === 0) return;
        // In id order, so each row's history keeps its order.
        entries.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
        await history.clear();
        await history.bulkAdd(
          groupHistory(
            entries.map((entry) => {
              // eslint-disable-next-line @typescript-eslint/no-unused-vars
              const { id, ...rest } = entry;
              return rest;
            }),
          ),
        );
      });
    this.version(5).stores(SCHEMA_V5);
  }
}

/**
 * Reading and writing workbooks, their rows and the settings. Each write is one transaction: all or nothing.
 */
import type { Indicator } from '../model/indicator';
import type { Workbook } from '../model/workbook';
import { WorkbookDatabase, type RowRecord, type WorkbookRecord } from './database';

export class WorkbookRepository {
  constructor(readonly db: WorkbookDatabase) {}

  static async open(name?: string): Promise<WorkbookRepository> {
    const db = new WorkbookDatabase(name);
    await db.open();
    return new WorkbookRepository(db);
  }

  close(): void {
    this.db.close();
  }

  async listWorkbooks(): Promise<WorkbookRecord[]> {
    return this.db.workbooks.toArray();
  }

  async loadWorkbook(id: string): Promise<Workbook | undefined> {
    return this.db.transaction('r', this.db.workbooks, this.db.rows, async () => {
      const record = await this.db.workbooks.get(id);
      if (!record) return undefined;
      const rows = await this.db.rows
        .where('[workbookId+order]')
        .between([id, -Infinity], [id, Infinity])
        .toArray();
      return { ...record, indicators: rows.map(toIndicator) };
    });
  }

  /** Replace a workbook and all its rows. */
  async saveWorkbook(workbook: Workbook): Promise<void> {
    await this.db.transaction('rw', this.db.workbooks, this.db.rows, async () => {
      await this.db.workbooks.put(toWorkbookRecord(workbook));
      await this.db.rows.where('workbookId').equals(workbook.id).delete();
      await this.db.rows.bulkPut(
        workbook.indicators.map((row, order) => toRowRecord(workbook.id, row, order)),
      );
    });
  }

  /** Write some rows (with their positions) of a workbook, and touch its updatedAt. */
  async saveRows(
    workbookId: string,
    rows: { indicator: Indicator; order: number }[],
    updatedAt: string,
  ): Promise<void> {
    await this.db.transaction('rw', this.db.workbooks, this.db.rows, async () => {
      await this.db.rows.bulkPut(
        rows.map(({ indicator, order }) => toRowRecord(workbookId, indicator, order)),
      );
      await this.db.workbooks.update(workbookId, { updatedAt });
    });
  }

  async renameWorkbook(id: string, title: string): Promise<void> {
    await this.db.workbooks.update(id, { title, updatedAt: new Date().toISOString() });
  }

  /** Move a workbook to 已删除 (recoverable), or bring it back. */
  async setDeleted(id: string, deleted: boolean): Promise<void> {
    const record = await this.db.workbooks.get(id);
    if (!record) return;
    if (deleted) record.deletedAt = new Date().toISOString();
    else delete record.deletedAt;
    await this.db.workbooks.put(record);
  }

  /** Remove a workbook and all its rows, in one transaction. */
  async deleteWorkbook(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.workbooks, this.db.rows, async () => {
      await this.db.rows.where('workbookId').equals(id).delete();
      await this.db.workbooks.delete(id);
    });
  }

  /** Everything, for a backup: all workbooks (deleted ones too) with their rows, and all settings. */
  async exportAll(): Promise<{ workbooks: Workbook[]; settings: Record<string, unknown> }> {
    return this.db.transaction('r', this.db.workbooks, this.db.rows, this.db.settings, async () => {
      const workbooks: Workbook[] = [];
      for (const record of await this.db.workbooks.toArray()) {
        const workbook = await this.loadWorkbook(record.id);
        if (workbook) workbooks.push(workbook);
      }
      const settings = Object.fromEntries((await this.db.settings.toArray()).map((s) => [s.key, s.value]));
      return { workbooks, settings };
    });
  }

  /** Put the chosen workbooks (and settings) of a backup in place, all in one transaction: all or nothing. */
  async restore(workbooks: Workbook[], settings: Record<string, unknown> | null): Promise<void> {
    await this.db.transaction('rw', this.db.workbooks, this.db.rows, this.db.settings, async () => {
      for (const workbook of workbooks) await this.saveWorkbook(workbook);
      if (settings)
        await this.db.settings.bulkPut(Object.entries(settings).map(([key, value]) => ({ key, value })));
    });
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    const record = await this.db.settings.get(key);
    return record?.value as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.settings.put({ key, value });
  }
}

function toWorkbookRecord(workbook: Workbook): WorkbookRecord {
  const { id, title, baseYear, targetYear, isSample, createdAt, updatedAt } = workbook;
  return { id, title, baseYear, targetYear, isSample, createdAt, updatedAt };
}

function toRowRecord(workbookId: string, indicator: Indicator, order: number): RowRecord {
  return { ...structuredClone(indicator), workbookId, order };
}

function toIndicator(record: RowRecord): Indicator {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { workbookId, order, ...indicator } = record;
  return indicator;
}

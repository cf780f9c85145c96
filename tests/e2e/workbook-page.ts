/**
 * Page model of the workbook for end-to-end tests: finds cells the way a clerk does (by the row's code or
 * name and the column's header), and fails the test on any page error.
 */
import { expect, type FileChooser, type Locator, type Page } from '@playwright/test';
import { buildColumns, FROZEN_COLUMNS } from '../../src/grid/columns';
import type { Indicator } from '../../src/model/indicator';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { yearColumns, type Workbook } from '../../src/model/workbook';

export class WorkbookPage {
  readonly errors: string[] = [];
  /** Column titles as the app builds them for the plan workbook. */
  readonly columnTitles: string[];

  constructor(
    readonly page: Page,
    workbook: { baseYear: number; targetYear: number; indicators: Indicator[] } = LANXI_2021_2025,
  ) {
    const planning = workbook.indicators.some((row) => row.previousTarget !== undefined);
    this.columnTitles = buildColumns(
      yearColumns(workbook),
      workbook.baseYear,
      workbook.targetYear,
      planning,
    ).map((c) => c.title);
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console.error: ${message.text()}`);
    });
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.waitForGrid();
  }

  /** A command of the toolbar's 更多 menu (新增指标, 删除所选指标, 看示例数据), chosen with the mouse. */
  async more(command: string): Promise<void> {
    await this.page.getByRole('button', { name: '更多' }).click();
    await this.page.getByRole('menuitem', { name: command }).click();
  }

  async waitForGrid(): Promise<void> {
    await expect(this.page.locator('.ht_master tbody tr').first()).toBeVisible();
  }

  /** Fails the test if the page reported any error; call at the end of each test. */
  expectNoErrors(allowed: RegExp[] = []): void {
    expect(this.errors.filter((e) => !allowed.some((re) => re.test(e)))).toEqual([]);
  }

  get saveState(): Locator {
    return this.page.locator('.save-state');
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveState).toHaveAttribute('data-state', 'saved');
    await expect(this.saveState).toContainText('已');
  }

  counts(): Locator {
    return this.page.locator('.status-bar .counts');
  }

  /**
   * The grid renders each cell with aria-colindex = column index + 2 (the row header is 1) and each row with an
   * aria-rowindex. Frozen columns (code, name) live in the left overlay, the others in the master table.
   */
  columnIndex(title: string): number {
    const index = this.columnTitles.indexOf(title);
    expect(index, `column “${title}” in ${JSON.stringify(this.columnTitles)}`).toBeGreaterThanOrEqual(0);
    return index;
  }

  private frozen(index: number): boolean {
    return index < FROZEN_COLUMNS;
  }

  /** The left-overlay row whose code cell is exactly `code` (one row when it is rendered). */
  row(code: string): Locator {
    return this.page
      .locator('.ht_clone_inline_start tbody tr')
      .filter({ has: this.page.locator('td[aria-colindex="2"]', { hasText: new RegExp(`^${code}$`) }) });
  }

  async cell(code: string, columnTitle: string): Promise<Locator> {
    const index = this.columnIndex(columnTitle);
    await expect(this.row(code)).toHaveCount(1);
    const rowIndex = await this.row(code).getAttribute('aria-rowindex');
    const table = this.frozen(index) ? '.ht_clone_inline_start' : '.ht_master';
    const cell = this.page.locator(
      `${table} tbody tr[aria-rowindex="${rowIndex}"] td[aria-colindex="${index + 2}"]`,
    );
    await this.scrollColumnIntoView(cell, index);
    return cell;
  }

  /** The grid renders only the columns in view: scroll sideways, as a clerk would, until the cell is there. */
  private async scrollColumnIntoView(cell: Locator, index: number): Promise<void> {
    if (this.frozen(index)) return;
    // The grid's own (a dropdown's list, once opened, is a second grid in the page).
    const holder = this.page.locator('.ht_master .wtHolder').first();
    // The grid may redraw between two looks (a late redraw after an import or a reload, its own scroll) and take the
    // cell away again: then it is scrolled to again. (Looked for once, a cell drawn away meanwhile was waited for
    // without end: locator.evaluate has no time limit but the test's, and a busy run timed out there.)
    for (let round = 0; round < 3; round += 1) {
      for (let attempt = 0; attempt < 30 && (await cell.count()) === 0; attempt += 1) {
        const rendered = await this.page
          .locator('.ht_master tbody tr')
          .first()
          .locator('td')
          .evaluateAll((cells) => cells.map((td) => Number(td.getAttribute('aria-colindex'))));
        const step = index + 2 > Math.max(...rendered) ? 300 : -300;
        await holder.evaluate((element, dx) => element.scrollBy(dx, 0), step);
        await this.page.waitForTimeout(50);
      }
      // Drawn is not seen: a cell drawn beyond the window's edge or under the frozen columns would be scrolled to by
      // the click itself, and the grid, redrawing as it scrolls, reuses the cell for another column (a click meant
      // for 目标类型 selected 条款). Scroll it into the visible band first, as a clerk would, and let the grid settle.
      if ((await cell.count()) === 0) return;
      // evaluateAll does not wait: no cell (drawn away since) is another round.
      const [dx] = await cell.evaluateAll((cells) =>
        cells.map((td) => {
          const holderBox = td.closest('.wtHolder')?.getBoundingClientRect();
          const frozen = document.querySelector('.ht_clone_inline_start')?.getBoundingClientRect();
          if (!holderBox) return 0;
          const box = td.getBoundingClientRect();
          const left = Math.max(holderBox.left, frozen?.right ?? holderBox.left);
          const right = Math.min(holderBox.right - 20, window.innerWidth);
          if (box.left < left) return box.left - left - 40;
          if (box.right > right) return box.right - right + 40;
          return 0;
        }),
      );
      if (dx === undefined) continue;
      if (dx !== 0) {
        await holder.evaluate((element, by) => element.scrollBy(by, 0), dx);
        await this.page.evaluate(
          () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
        );
      }
      return;
    }
  }

  /** Names of the rows currently rendered, in display order. */
  async renderedNames(): Promise<string[]> {
    return this.page
      .locator(`.ht_clone_inline_start tbody tr td[aria-colindex="${this.columnIndex('指标名称') + 2}"]`)
      .allTextContents();
  }

  /** Scroll the grid until the row with `code` is rendered (the grid only renders rows in view). */
  async revealRow(code: string): Promise<void> {
    await this.page.getByRole('searchbox').fill(code);
    await this.page.getByRole('searchbox').fill('');
    await expect(this.row(code)).toHaveCount(1);
  }

  /** Type into a cell as a clerk does: select it, open the editor, type, Enter. */
  async typeInto(code: string, columnTitle: string, text: string): Promise<void> {
    // The editor that has the focus: a dropdown cell's editor may also be in the page.
    const editor = this.page.locator('textarea.handsontableInput:focus');
    const where = this.page.locator('.status-bar .cell-info');
    const selected = new RegExp(`^${code} .* · ${columnTitle.replace(/[()（）]/g, '.')}`);
    for (let attempt = 1; ; attempt += 1) {
      await this.select(code, columnTitle);
      await this.page.keyboard.press('Enter');
      // Opened on this cell: the editor has the focus and is shown (a closed one is there too, transparent), and
      // the selection has not moved. Once in a while, right after the grid was scrolled sideways, Enter moved
      // the selection down instead of opening the editor (what was then typed went nowhere): select again.
      const opened = await expect
        .poll(
          async () =>
            (await editor.count()) === 1 &&
            (await editor.evaluate((el) => getComputedStyle(el.parentElement ?? el).opacity !== '0')) &&
            selected.test((await where.textContent()) ?? ''),
          { timeout: 2_000 },
        )
        .toBe(true)
        .then(
          () => true,
          () => false,
        );
      if (opened) break;
      if (attempt === 3) throw new Error(`the editor of ${code} ${columnTitle} did not open`);
      await this.page.keyboard.press('Escape');
    }
    await editor.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** Select a cell as a clerk does, checking in the status bar that it is this row's, in this column. */
  async select(code: string, columnTitle: string): Promise<void> {
    // As a clerk glances at the status bar: the selected cell must be this row's, in this column. The grid
    // re-renders while it scrolls, and a frozen overlay may draw the same cell on top: try again if needed.
    const where = this.page.locator('.status-bar .cell-info');
    const selected = new RegExp(`^${code} .* · ${columnTitle.replace(/[()（）]/g, '.')}`);
    // Never a forced click: it skips Playwright's check that the cell itself receives it, and once landed on
    // the column header above a cell still scrolling into place — sorting the grid by 指标名称 (a flaky failure).
    for (let attempt = 1; ; attempt += 1) {
      // Each attempt finds the row again: a click that missed may have left the grid scrolled elsewhere.
      await this.revealRow(code);
      const target = await this.cell(code, columnTitle);
      try {
        await target.click({ timeout: 3_000 });
        await expect(where).toContainText(selected, { timeout: 2_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }
}

/**
 * The next file chooser the page opens, waited for by the function returned. Playwright sees a chooser only while
 * something listens, and turning that on reaches the browser asynchronously: `waitForEvent('filechooser')` set just
 * before the key that opens the chooser raced it (the chooser opened unseen and the wait timed out; backup.spec,
 * a retry in two full runs). So the listening starts here, some steps before the key.
 */
export function nextFileChooser(page: Page): () => Promise<FileChooser> {
  const opened: FileChooser[] = [];
  page.on('filechooser', (chooser) => opened.push(chooser));
  return async () => {
    await expect.poll(() => opened.length, { message: 'a file chooser opened' }).toBeGreaterThan(0);
    return opened.shift()!;
  };
}

/** What a clerk sees of a cell's colours: its text colour, the colour behind the text, and their contrast. */
export interface ShownColours {
  text: string;
  background: string;
  /** WCAG 2 contrast ratio (AA asks at least 4.5 for text of this size). */
  contrast: number;
}

/**
 * The colours an element is drawn in (computed style; the background is the first one found going up, as a cell
 * without its own shows its row's or the page's) and the contrast between them.
 */
export async function shownColours(element: Locator): Promise<ShownColours> {
  const { text, background } = await element.evaluate((el) => {
    let behind = 'rgb(255, 255, 255)';
    for (let at: Element | null = el; at; at = at.parentElement) {
      const fill = getComputedStyle(at).backgroundColor;
      if (fill !== 'rgba(0, 0, 0, 0)' && fill !== 'transparent') {
        behind = fill;
        break;
      }
    }
    return { text: getComputedStyle(el).color, background: behind };
  });
  return { text, background, contrast: contrastRatio(text, background) };
}

/** WCAG 2 contrast ratio of two opaque `rgb(…)` colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const channel = Number(part) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** That an element is drawn in these colours (computed `rgb(…)`), and readable: at least 4.5:1 (WCAG AA). */
export async function expectShownIn(
  element: Locator,
  intended: { text: string; background: string },
): Promise<void> {
  await expect
    .poll(async () => {
      const { text, background } = await shownColours(element);
      return { text, background };
    })
    .toEqual(intended);
  expect((await shownColours(element)).contrast).toBeGreaterThanOrEqual(4.5);
}

/**
 * Every piece of text now in view whose colour stands less than 4.5:1 (WCAG AA) from the colour behind it (the
 * first background found going up), as `ratio colour on background: text`.
 */
export async function poorlyContrastedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const luminance = (colour: string) => {
      const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
        const channel = Number(part) / 255;
        return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = node.textContent?.trim() ?? '';
      const element = node.parentElement;
      if (!words || !element) continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const seen =
        box.width > 0 &&
        box.height > 0 &&
        box.bottom > 0 &&
        box.top < innerHeight &&
        style.visibility !== 'hidden';
      // A disabled button (撤销 with nothing to undo) is meant to read as unavailable (WCAG exempts it).
      if (!seen || element.closest('button:disabled')) continue;
      let behind = 'rgb(255, 255, 255)';
      for (let at: Element | null = element; at; at = at.parentElement) {
        const fill = getComputedStyle(at).backgroundColor;
        if (fill !== 'rgba(0, 0, 0, 0)' && fill !== 'transparent') {
          behind = fill;
          break;
        }
      }
      const [light, dark] = [luminance(style.color), luminance(behind)].sort((x, y) => y - x);
      const ratio = (light! + 0.05) / (dark! + 0.05);
      if (ratio < 4.5) found.add(`${ratio.toFixed(2)} ${style.color} on ${behind}: ${words.slice(0, 30)}`);
    }
    return [...found];
  });
}

/** How many lines an element's text is set on (已确定 on one line, not 已确 / 定). */
export async function linesOf(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
}

/** Puts a generated workbook straight into the app's storage (faster than typing or importing its rows). */
export async function storeWorkbook(page: Page, workbook: Workbook, indicators: Indicator[]): Promise<void> {
  const record = { ...workbook, indicators: undefined };
  await page.evaluate(
    async ({ record, indicators }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('lanxi-children-plan-workbook');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['workbooks', 'rows'], 'readwrite');
        tx.objectStore('workbooks').put(record);
        indicators.forEach((row, order) =>
          tx.objectStore('rows').put({ ...row, workbookId: record.id, order }),
        );
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { record: JSON.parse(JSON.stringify(record)) as typeof record, indicators },
  );
}

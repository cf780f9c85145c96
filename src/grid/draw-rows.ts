/**
 * Redraw a few rows' cells in place, as Handsontable's own full draw would draw them, without drawing the rest
 * of the screen. Showing one typed value on a large workbook was mostly Handsontable redrawing every visible cell
 * (~500) and re-measuring every row (README, Performance); after one edit only the edited row and the rows whose
 * formulas read it look different.
 *
 * Only valid when rows keep their place and height: values changed, no row added, removed, sorted or filtered,
 * and no cell that wraps text changed. The caller checks that.
 */
import type Handsontable from 'handsontable/base';
import { baseRenderer } from 'handsontable/renderers';

/** Handsontable's own per-draw flag: set by `render()`, cleared by a draw. Not in its type definitions. */
interface RenderFlags {
  forceFullRender?: boolean;
}

/**
 * Redraw the given visual rows' cells in the given columns (frozen ones in their overlay too), then let the grid's
 * next draw be a light one (selection and borders only). Returns false, drawing nothing, when the grid's internals
 * are not as expected, so the caller's full draw goes ahead.
 */
export function redrawRowsAlone(
  hot: Handsontable,
  visualRows: Iterable<number>,
  columns: readonly number[],
): boolean {
  const flags = hot as unknown as RenderFlags;
  if (typeof flags.forceFullRender !== 'boolean') return false;
  // Only a frozen column's cells (or a frozen row's) have a second copy in an overlay: looking for one in every
  // other column was a quarter of the redraw.
  const { fixedColumnsStart = 0, fixedRowsTop = 0, fixedRowsBottom = 0 } = hot.getSettings();
  const overlaid = (column: number) => fixedRowsTop > 0 || fixedRowsBottom > 0 || column < fixedColumnsStart;
  for (const row of visualRows) {
    for (const column of columns) {
      // null when the cell is not in the drawn band (scrolled away): it is drawn when it comes into view.
      const td = hot.getCell(row, column);
      if (td) drawCell(hot, td, row, column);
      if (!overlaid(column)) continue;
      // A frozen column's cell is drawn twice: under the overlay and in it (the one the clerk sees).
      const topmost = hot.getCell(row, column, true);
      if (topmost && topmost !== td) drawCell(hot, topmost, row, column);
    }
  }
  flags.forceFullRender = false;
  return true;
}

/**
 * What Handsontable's table view does for each cell of a full draw (tableView.js `cellRenderer`), done on a
 * detached copy of the cell, then only what differs written to the cell on screen. Clearing a cell's classes and
 * setting them back, as the full draw does, restyles the cell even when it ends with the same classes; after an
 * import that was every redrawn cell, restyled in the frame (most keep their classes: a figure stays a figure).
 */
function drawCell(hot: Handsontable, td: HTMLTableCellElement, row: number, column: number): void {
  // Its attributes but no class (bar the 'hide' the full draw keeps), style, direction or content.
  const copy = td.cloneNode(false) as HTMLTableCellElement;
  copy.className = td.classList.contains('hide') ? 'hide' : '';
  copy.removeAttribute('style');
  copy.removeAttribute('dir');
  const cellProperties = hot.getCellMeta(row, column);
  const prop = hot.colToProp(column);
  const value: unknown = hot.getDataAtRowProp(row, prop as string);
  hot.runHooks('beforeRenderer', copy, row, column, prop, value, cellProperties);
  const renderer = hot.getCellRenderer(cellProperties);
  const meta = cellProperties as Handsontable.CellProperties & { _isBaseRendererCalled?: boolean };
  try {
    renderer(hot, copy, row, column, prop, value, cellProperties);
    // Renderers that do not call the base renderer get it after them, as in a full draw.
    if (!meta._isBaseRendererCalled) baseRenderer(hot, copy, row, column, prop, value, cellProperties);
  } finally {
    meta._isBaseRendererCalled = false;
  }
  hot.runHooks('afterRenderer', copy, row, column, prop, value, cellProperties);
  copyDifferences(copy, td);
}

/** Make `target` (on screen) look as `source`: its attributes and content, touching only what differs. */
function copyDifferences(source: HTMLElement, target: HTMLElement): void {
  for (const name of target.getAttributeNames()) if (!source.hasAttribute(name)) target.removeAttribute(name);
  for (const name of source.getAttributeNames()) {
    const value = source.getAttribute(name) ?? '';
    if (target.getAttribute(name) !== value) target.setAttribute(name, value);
  }
  // A cell of text (as the value renderers draw): the text is rewritten only when it changed.
  if (onlyText(source) && onlyText(target)) {
    const text = source.textContent ?? '';
    if ((target.textContent ?? '') === text) return;
    const node = target.firstChild;
    if (node) node.textContent = text;
    else target.textContent = text;
    return;
  }
  target.replaceChildren(...source.childNodes);
}

/** At most one child, a text node. */
function onlyText(element: HTMLElement): boolean {
  const first = element.firstChild;
  return first === null || (first.nodeType === Node.TEXT_NODE && first.nextSibling === null);
}

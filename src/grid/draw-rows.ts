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
  for (const row of visualRows) {
    for (const column of columns) {
      // null when the cell is not in the drawn band (scrolled away): it is drawn when it comes into view.
      const td = hot.getCell(row, column);
      if (td) drawCell(hot, td, row, column);
      // A frozen column's cell is drawn twice: under the overlay and in it (the one the clerk sees).
      const topmost = hot.getCell(row, column, true);
      if (topmost && topmost !== td) drawCell(hot, topmost, row, column);
    }
  }
  flags.forceFullRender = false;
  return true;
}

/** What Handsontable's table view does for each cell of a full draw (tableView.js `cellRenderer`). */
function drawCell(hot: Handsontable, td: HTMLTableCellElement, row: number, column: number): void {
  if (!td.classList.contains('hide')) td.className = '';
  td.removeAttribute('style');
  td.removeAttribute('dir');
  const cellProperties = hot.getCellMeta(row, column);
  const prop = hot.colToProp(column);
  const value: unknown = hot.getDataAtRowProp(row, prop as string);
  hot.runHooks('beforeRenderer', td, row, column, prop, value, cellProperties);
  const renderer = hot.getCellRenderer(cellProperties);
  const meta = cellProperties as Handsontable.CellProperties & { _isBaseRendererCalled?: boolean };
  try {
    renderer(hot, td, row, column, prop, value, cellProperties);
    // Renderers that do not call the base renderer get it after them, as in a full draw.
    if (!meta._isBaseRendererCalled) baseRenderer(hot, td, row, column, prop, value, cellProperties);
  } finally {
    meta._isBaseRendererCalled = false;
  }
  hot.runHooks('afterRenderer', td, row, column, prop, value, cellProperties);
}

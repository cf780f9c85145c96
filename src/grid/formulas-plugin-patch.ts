/**
 * Handsontable's Formulas plugin runs the cell validator of every cell that depends on a changed cell, after
 * every change. The workbook has no cell validators (invalid entries are marked by its renderers), so the walk
 * only costs time: applying an import that changes 50,000 cells re-validated its 30,000 formula cells one by
 * one (about 0.4 s). Without validators the walk does nothing else, so it is skipped; the grid re-renders after
 * each change anyway.
 */
import type Handsontable from 'handsontable';

/** Returns false (and changes nothing) when the plugin is not what this patch expects. */
export function skipDependentCellValidation(hot: Handsontable): boolean {
  const plugin = hot.getPlugin('formulas') as unknown as { validateDependentCells?: unknown } | undefined;
  if (!plugin || typeof plugin.validateDependentCells !== 'function') return false;
  plugin.validateDependentCells = () => {};
  return true;
}

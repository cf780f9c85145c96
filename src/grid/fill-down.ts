/**
 * Ctrl+D fills down, as in Excel: the top row of the selection is copied into the rows below it; with one row
 * selected, the row above comes down into it. Without it Ctrl+D did nothing in the grid, and in Chromium it opens
 * the bookmark bubble instead — a key of the clerk's Excel habits taken by the browser.
 *
 * It is a paste of the top row's text onto the rows below: every check a paste has (a figure read in the row's
 * unit, grey years left, the projection's formula kept, a sample's figures refused) applies, and it is one step
 * for 撤销.
 */
import type Handsontable from 'handsontable/base';

export function enableFillDown(hot: Handsontable): void {
  hot
    .getShortcutManager()
    .getContext('grid')
    ?.addShortcut({
      keys: [['Control/Meta', 'd']],
      group: 'fillDown',
      // The right Alt of some keyboards comes with Ctrl (AltGr+D is a character there).
      runOnlyIf: (event?: KeyboardEvent) => !event?.altKey,
      callback: () => fillDown(hot),
    });
}

function fillDown(hot: Handsontable): void {
  const range = hot.getSelectedRangeLast();
  if (!range) return;
  const from = range.getTopStartCorner();
  const to = range.getBottomEndCorner();
  if (from.row === null || from.col === null || to.row === null || to.col === null) return;
  // A header selected (a whole column) starts at row -1: the first row is the one copied.
  const top = Math.max(from.row, 0);
  const left = Math.max(from.col, 0);
  const sourceRow = top === to.row ? top - 1 : top;
  if (sourceRow < 0 || to.col < 0) return;
  const cells: string[] = [];
  for (let col = left; col <= to.col; col += 1) cells.push(asTsvCell(hot.getCopyableData(sourceRow, col)));
  hot.selectCell(sourceRow + 1, left, to.row, to.col, false);
  // The paste repeats the copied row over the whole selection. An empty row is no paste: it empties the cells,
  // as Excel's fill of empty cells does (and as Delete does, grey cells left).
  if (cells.every((cell) => cell === '')) hot.emptySelectedCells('fillDown');
  else hot.getPlugin('copyPaste').paste(cells.join('\t'));
  // The clerk's selection, as Excel keeps it.
  hot.selectCell(from.row, from.col, to.row, to.col, false);
}

/** A cell as Excel writes it into tab-separated text: quoted when it holds a tab, a line break or a quote. */
function asTsvCell(text: string | null | undefined): string {
  const value = String(text ?? '');
  return /[\t\r\n"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

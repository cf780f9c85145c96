import { DropdownEditor, registerEditor } from 'handsontable/editors';

/**
 * The dropdown editor for a list of fixed words (比较, 领域, 目标类型), shown and stored as the text they are.
 *
 * Without `allowHtml` Handsontable strips whatever looks like an HTML tag from the choices and from what is typed,
 * to guard the list against markup — and a lone “<” (比较 “<”, 以下) is the start of a tag to it: the list showed an
 * empty entry and a typed “<” matched no choice. The list draws its entries with the text renderer (text nodes,
 * never HTML), so nothing needs stripping; `allowHtml`, which would render the choices and the cell as HTML, stays
 * off.
 */
export class TextChoiceEditor extends DropdownEditor {
  override stripValuesIfNeeded(values: unknown[]): unknown[] {
    return values.map((value) => (value === null || value === undefined ? '' : String(value)));
  }

  /**
   * The list follows what is typed on key presses only. A word given by an input method (拼音: one composition, no
   * key press of a character) or pasted into the editor left the list's highlight on the cell's old choice, and
   * Enter wrote that old choice back: “下限” typed was dropped, “上线” too, unsaid. The list is brought up to the
   * text first, so Enter takes the choice it names, or the text itself (then marked, as a pasted one is).
   */
  override finishEditing(restoreOriginalValue?: boolean, ctrlDown?: boolean, callback?: () => void): void {
    if (!restoreOriginalValue && this.isOpened() && this.TEXTAREA.value !== this.query)
      this.queryChoices(this.TEXTAREA.value);
    super.finishEditing(restoreOriginalValue, ctrlDown, callback);
  }
}

/** The name a column's `editor` setting gives (the settings' types take a registered name, not this class). */
export const TEXT_CHOICE_EDITOR = 'textChoice';
registerEditor(TEXT_CHOICE_EDITOR, TextChoiceEditor);

import { AutocompleteEditor, registerEditor } from 'handsontable/editors';

/**
 * The autocomplete editor of an open list (责任单位: an office not in the list may be typed in and kept).
 *
 * Handsontable's list narrows to what the editor holds, and on opening it holds the cell's office: Enter (or the
 * ▾) showed only 市卫健局, and the clerk had to delete it to see the other offices. While the text is still the
 * cell's own, the whole list is shown; once she types (a key, an input method, a paste), it narrows to what she
 * typed. Nothing in the list is picked for her (`strict` stays off), so Enter keeps the text as it is.
 */
export class OpenChoiceEditor extends AutocompleteEditor {
  /**
   * Handsontable narrows the list on key presses of characters only; Chinese comes from an input method (one
   * composition, no such key press) and never narrowed it: “教育” typed left all the offices listed. The list
   * follows every change of the text instead, once a composition is done.
   */
  private readonly followText = (event: Event) => {
    if ((event as InputEvent).isComposing || !this.isOpened()) return;
    this.queryChoices(this.TEXTAREA.value);
  };

  override open(): void {
    super.open();
    this.TEXTAREA.addEventListener('input', this.followText);
  }

  override close(): void {
    this.TEXTAREA.removeEventListener('input', this.followText);
    super.close();
  }

  override updateChoicesList(choicesList: unknown[]): void {
    const untouched = this.TEXTAREA.value === String(this.originalValue ?? '');
    if (!untouched) {
      super.updateChoicesList(choicesList);
      return;
    }
    // `filter: false` lists every choice; the setting is the cell's own, put back at once.
    const meta = this.cellProperties as { filter?: boolean };
    const filter = meta.filter;
    meta.filter = false;
    try {
      super.updateChoicesList(choicesList);
    } finally {
      meta.filter = filter;
    }
  }
}

/** The name a column's `editor` setting gives (the settings' types take a registered name, not this class). */
export const OPEN_CHOICE_EDITOR = 'openChoice';
registerEditor(OPEN_CHOICE_EDITOR, OpenChoiceEditor);

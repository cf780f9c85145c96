/**
 * The keyboard in a modal (any element with role="dialog" aria-modal="true"), for every dialog at once:
 * installed once by App, it acts on the topmost modal in the page.
 *
 * - Tab and Shift+Tab go round the modal's fields and buttons; they never reach the page behind the backdrop.
 * - Escape reaches the modal even when the focus is outside it (after a click on the backdrop the focus is on
 *   the page's body): the modal's own Escape handler (取消 / 关闭) then runs as if pressed inside it. Escape
 *   pressed inside the modal is left to the modal: a field that takes Escape itself (renaming a workbook) keeps
 *   its meaning.
 * - It remembers what had the focus before a modal took it (a toolbar button, the grid's input), so the page can
 *   give the focus back there when the modal closes (see focusedBeforeModal).
 */

/** What may take the focus; isTabStop below leaves out what is hidden, disabled or tabindex="-1". */
const FOCUSABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]';

/** The modal on top: the last one in the page (modals share a z-index, so the last is drawn over the others). */
export function topmostModal(): HTMLElement | null {
  const modals = document.querySelectorAll<HTMLElement>('[aria-modal="true"]');
  return modals[modals.length - 1] ?? null;
}

function isTabStop(element: HTMLElement): boolean {
  if (element.tabIndex < 0 || element.matches(':disabled') || element.closest('[inert]')) return false;
  // Shown: not display:none (nor inside it, e.g. a closed <details>), not visibility:hidden.
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
}

const radioGroup = (element: Element): string | null =>
  element instanceof HTMLInputElement && element.type === 'radio' && element.name
    ? `${element.name}\u0000${element.form?.id ?? ''}`
    : null;

/**
 * The modal's tab stops in page order. As in the browser, a group of radio buttons is one stop: its checked
 * button, or its first when none is checked.
 */
export function tabStops(modal: HTMLElement): HTMLElement[] {
  const all = [...modal.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(isTabStop);
  const stopOfGroup = new Map<string, HTMLElement>();
  for (const element of all) {
    const group = radioGroup(element);
    if (group === null) continue;
    const chosen = stopOfGroup.get(group);
    if (!chosen || (!(chosen as HTMLInputElement).checked && (element as HTMLInputElement).checked))
      stopOfGroup.set(group, element);
  }
  return all.filter((element) => {
    const group = radioGroup(element);
    return group === null || stopOfGroup.get(group) === element;
  });
}

/** Move the focus to the modal's next (previous) stop after the focused element, round from the end. */
function moveFocus(modal: HTMLElement, backwards: boolean): void {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && modal.contains(active);
  const group = inside ? radioGroup(active) : null;
  // The focused element's own radio group is not a stop to go to from it.
  const stops = tabStops(modal).filter((s) => s !== active && (group === null || radioGroup(s) !== group));
  if (stops.length === 0) {
    if (!inside) modal.focus();
    return;
  }
  let next: HTMLElement | undefined;
  if (inside) {
    // Elements inside the focused one (the modal itself when it has the focus) count as after it.
    const after = (s: HTMLElement) =>
      (active.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    next = backwards ? stops.filter((s) => !after(s)).at(-1) : stops.find(after);
  }
  next ??= backwards ? stops.at(-1) : stops[0];
  next?.focus();
}

let focusedBefore: HTMLElement | null = null;

/**
 * What had the focus last outside any modal: the button that opened the dialog, or the grid's input when a
 * shortcut (Alt+C) opened it. Null if that is no longer in the page.
 */
export function focusedBeforeModal(): HTMLElement | null {
  return focusedBefore?.isConnected ? focusedBefore : null;
}

/** Install the keyboard rules above for the whole page; returns the function that removes them. */
export function installModalKeys(): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const modal = topmostModal();
    if (!modal) return;
    const target = event.target instanceof Node ? event.target : null;
    const fromInside = target !== null && modal.contains(target);
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      // Taken whole: the browser would go on to the page behind the backdrop after the modal's last stop.
      event.preventDefault();
      event.stopPropagation();
      moveFocus(modal, event.shiftKey);
    } else if (event.key === 'Escape' && !fromInside) {
      // The focus is behind the modal: the modal's own handler closes it, as if Escape was pressed inside.
      event.preventDefault();
      event.stopPropagation();
      modal.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, cancelable: true }),
      );
    }
  };
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target === document.body) return;
    if (target.closest('[aria-modal="true"]')) return;
    focusedBefore = target;
  };
  window.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('focusin', onFocusIn, true);
  return () => {
    window.removeEventListener('keydown', onKeyDown, true);
    document.removeEventListener('focusin', onFocusIn, true);
  };
}

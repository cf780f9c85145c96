import { createSignal, For, onCleanup, Show } from 'solid-js';

export interface MoreMenuItem {
  label: string;
  title?: string;
  /** A link (看示例数据 opens another workbook); otherwise onSelect runs. */
  href?: string;
  onSelect?: () => void;
}

/**
 * 更多: the commands a clerk needs seldom (adding or deleting a row, the sample workbook), so that the toolbar
 * keeps to one line on a 1093-pixel window (1366×768 at 125 %). A menu button as the WAI-ARIA pattern has it:
 * Enter, Space or ↓ opens it at its first item (↑ at its last), ↑/↓/Home/End move, Enter runs, Escape closes it
 * back to the button, Tab closes it and moves on.
 */
export function MoreMenu(props: { label: string; title: string; items: MoreMenuItem[] }) {
  const [open, setOpen] = createSignal(false);
  let wrapper: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;
  const menuId = `menu-${Math.random().toString(36).slice(2, 8)}`;

  const items = () => [...(wrapper?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusItem = (index: number) => {
    const all = items();
    if (all.length === 0) return;
    all[(index + all.length) % all.length]!.focus();
  };
  const show = (at: 'first' | 'last') => {
    setOpen(true);
    focusItem(at === 'first' ? 0 : -1);
  };
  const close = (refocus: boolean) => {
    if (refocus) button?.focus();
    setOpen(false);
  };

  // A click anywhere else closes the menu (the focus may not move there: the grid's cells do not take it).
  const onPointerDown = (event: PointerEvent) => {
    if (open() && wrapper && !wrapper.contains(event.target as Node)) close(false);
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  onCleanup(() => document.removeEventListener('pointerdown', onPointerDown, true));

  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown') focusItem(at + 1);
    else if (event.key === 'ArrowUp') focusItem(at - 1);
    else if (event.key === 'Home') focusItem(0);
    else if (event.key === 'End') focusItem(-1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === ' ' && document.activeElement instanceof HTMLAnchorElement)
      document.activeElement.click();
    else {
      if (event.key === 'Tab') close(false);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const run = (item: MoreMenuItem) => {
    // The button, not the item about to vanish, is what a dialog opened by the command gives the focus back to.
    close(true);
    item.onSelect?.();
  };

  return (
    <div class="more-menu" ref={wrapper}>
      <button
        ref={button}
        type="button"
        title={props.title}
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-controls={menuId}
        onClick={() => (open() ? close(true) : show('first'))}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          show(event.key === 'ArrowDown' ? 'first' : 'last');
        }}
      >
        {props.label}
        <span aria-hidden="true"> ▾</span>
      </button>
      <Show when={open()}>
        <div class="menu" role="menu" id={menuId} aria-label={props.label} onKeyDown={onMenuKey}>
          <For each={props.items}>
            {(item) =>
              item.href ? (
                <a role="menuitem" tabindex="-1" href={item.href} title={item.title}>
                  {item.label}
                </a>
              ) : (
                <button
                  type="button"
                  role="menuitem"
                  tabindex="-1"
                  title={item.title}
                  onClick={() => run(item)}
                >
                  {item.label}
                </button>
              )
            }
          </For>
        </div>
      </Show>
    </div>
  );
}

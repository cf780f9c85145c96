import { onMount, type JSX } from 'solid-js';

/** A modal question with two buttons; Escape or 取消 cancels. */
export function ConfirmDialog(props: {
  title: string;
  children: JSX.Element;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  let cancelButton: HTMLButtonElement | undefined;
  onMount(() => cancelButton?.focus());
  return (
    <div
      class="modal-backdrop"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Asked over another dialog (工作簿's 删除): Escape takes back the question only, not that dialog too.
        e.stopPropagation();
        props.onCancel();
      }}
    >
      <div class="modal" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
        <h2 id="confirm-title">{props.title}</h2>
        <div class="modal-body">{props.children}</div>
        <div class="modal-actions">
          <button type="button" ref={cancelButton} onClick={() => props.onCancel()}>
            取消
          </button>
          <button
            type="button"
            classList={{ danger: props.danger ?? false }}
            onClick={() => props.onConfirm()}
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

import { createSignal, onMount } from 'solid-js';

/** Settings an office sets once: the Handsontable licence key. */
export function SettingsDialog(props: {
  licenseKey: string;
  defaultLicenseKey: string;
  onSave: (licenseKey: string) => void;
  onCancel: () => void;
}) {
  // The field starts from the saved key; later changes of the prop do not reset what the clerk is typing.
  // eslint-disable-next-line solid/reactivity
  const [key, setKey] = createSignal(props.licenseKey);
  let input: HTMLInputElement | undefined;
  onMount(() => input?.focus());
  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <form
        class="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave(key().trim() || props.defaultLicenseKey);
        }}
      >
        <h2 id="settings-title">设置</h2>
        <div class="modal-body">
          <label class="field">
            <span>Handsontable 许可证密钥</span>
            <input
              ref={input}
              value={key()}
              onInput={(e) => setKey(e.currentTarget.value)}
              spellcheck={false}
              autocomplete="off"
            />
          </label>
          <p class="hint">
            默认是评估用密钥“{props.defaultLicenseKey}”。按 Handsontable
            非商业许可证，政府机关和事业单位的使用属于商业用途，正式使用前请购买商业许可证并在此填写密钥。留空则恢复默认。
            保存后页面会重新载入，数据不受影响。
          </p>
        </div>
        <div class="modal-actions">
          <button type="button" onClick={() => props.onCancel()}>
            取消
          </button>
          <button type="submit">保存</button>
        </div>
      </form>
    </div>
  );
}

import { createSignal, For, onMount, Show, untrack } from 'solid-js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../model/status';
import { readThresholds, THRESHOLD_FIELDS } from '../model/threshold-entry';

export interface Settings {
  clerk: string;
  organisation: string;
  licenseKey: string;
  thresholds: Thresholds;
}

/**
 * Settings an office sets once: the clerk's name, the office printed on the reports, the Handsontable licence key
 * and the status thresholds.
 */
export function SettingsDialog(props: {
  clerk: string;
  organisation: string;
  licenseKey: string;
  defaultLicenseKey: string;
  thresholds: Thresholds;
  onSave: (settings: Settings) => void;
  onCancel: () => void;
}) {
  // The fields start from the saved values; later changes of the props do not reset what the clerk is typing.
  // eslint-disable-next-line solid/reactivity
  const [key, setKey] = createSignal(props.licenseKey);
  // eslint-disable-next-line solid/reactivity
  const [clerk, setClerk] = createSignal(props.clerk);
  // eslint-disable-next-line solid/reactivity
  const [organisation, setOrganisation] = createSignal(props.organisation);
  const initial = untrack(() => props.thresholds);
  const [values, setValues] = createSignal<Record<string, string>>(
    Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f.key, String(initial[f.key])])),
  );
  const [problem, setProblem] = createSignal<{ key: keyof Thresholds | null; message: string } | null>(null);
  let input: HTMLInputElement | undefined;
  const fieldInputs = new Map<keyof Thresholds, HTMLInputElement>();
  onMount(() => input?.focus());

  const submit = () => {
    // "2%", "２％", "0.5 %" are read as the shares they are; anything else is refused by name, nothing is saved.
    const read = readThresholds(values());
    if (!read.ok) {
      setProblem({ key: read.key, message: read.message });
      if (read.key) fieldInputs.get(read.key)?.focus();
      return;
    }
    props.onSave({
      clerk: clerk().trim(),
      organisation: organisation().trim(),
      licenseKey: key().trim() || props.defaultLicenseKey,
      thresholds: read.thresholds,
    });
  };

  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <form
        class="modal settings"
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="settings-title">设置</h2>
        <div class="modal-body">
          <label class="field">
            <span>填报人（经办人）姓名</span>
            <input
              ref={input}
              value={clerk()}
              onInput={(e) => setClerk(e.currentTarget.value)}
              autocomplete="name"
              placeholder="例如：张丽"
            />
          </label>
          <p class="hint">每次修改都会记下姓名、时间和来源，可在每行的“修改记录”中查看。</p>
          <label class="field">
            <span>编制单位（印在报告标题下）</span>
            <input
              value={organisation()}
              onInput={(e) => setOrganisation(e.currentTarget.value)}
              autocomplete="organization"
              placeholder="例如：兰溪市妇女儿童工作委员会办公室"
            />
          </label>
          <label class="field">
            {/* "Handsontable" alone named nothing a clerk knows: the table component it is. */}
            <span>表格组件（Handsontable）许可证密钥</span>
            <input
              value={key()}
              onInput={(e) => setKey(e.currentTarget.value)}
              spellcheck={false}
              autocomplete="off"
            />
          </label>
          <p class="hint">
            默认是评估用密钥“{props.defaultLicenseKey}”。按 Handsontable
            非商业许可证，政府机关和事业单位的使用属于商业用途，正式使用前请购买商业许可证并在此填写密钥。留空则恢复默认。
          </p>
          <fieldset class="thresholds">
            <legend>预警阈值（按联合国统计司进展评估方法，CR 为预计完成所需进展的比例）</legend>
            <For each={THRESHOLD_FIELDS}>
              {(field) => (
                <label class="field inline">
                  <span>{field.label}</span>
                  <input
                    ref={(el) => fieldInputs.set(field.key, el)}
                    inputmode="decimal"
                    aria-invalid={problem()?.key === field.key}
                    value={values()[field.key] ?? ''}
                    onInput={(e) => setValues({ ...values(), [field.key]: e.currentTarget.value })}
                  />
                  <small>{field.hint}</small>
                </label>
              )}
            </For>
            <button
              type="button"
              onClick={() =>
                setValues(
                  Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f.key, String(DEFAULT_THRESHOLDS[f.key])])),
                )
              }
            >
              恢复默认阈值
            </button>
          </fieldset>
          <Show when={problem()}>
            <p class="problem" role="alert">
              {problem()?.message}
            </p>
          </Show>
          <p class="hint">保存后页面会重新载入，数据不受影响。</p>
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

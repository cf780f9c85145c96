import { createSignal, For, onMount, Show, untrack } from 'solid-js';
import { DEFAULT_THRESHOLDS, thresholdProblem, type Thresholds } from '../model/status';

export interface Settings {
  clerk: string;
  organisation: string;
  licenseKey: string;
  thresholds: Thresholds;
}

const THRESHOLD_FIELDS: { key: keyof Thresholds; label: string; hint: string }[] = [
  { key: 'onTrack', label: '预计达标：完成度 CR 不低于', hint: '默认 0.95' },
  { key: 'moderate', label: '需加快：CR 不低于', hint: '默认 0.5' },
  { key: 'marginal', label: '进展缓慢：CR 不低于', hint: '默认 0.1' },
  { key: 'stagnation', label: '停滞：CR 不低于（更低为倒退）', hint: '默认 -0.1' },
  {
    key: 'directionFast',
    label: '方向性指标预计达标：年均变化不低于',
    hint: '默认 0.02，即 2%；“不升”目标年均上升超过此值为倒退',
  },
  {
    key: 'directionSlow',
    label: '方向性指标需加快：年均变化不低于',
    hint: '默认 0.005，即 0.5%；“不升”目标年均上升不超过此值为预计达标（目标年为达标）',
  },
  { key: 'aroundTolerance', label: '“左右”目标允许偏差（本行单位）', hint: '默认 2' },
  { key: 'intervalLevel', label: '波动判断的预测区间置信水平', hint: '默认 0.8，即 80%' },
];

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
  const [problem, setProblem] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;
  onMount(() => input?.focus());

  const submit = () => {
    const next = { ...DEFAULT_THRESHOLDS };
    for (const field of THRESHOLD_FIELDS) {
      const text = (values()[field.key] ?? '').trim();
      const number = Number(text);
      if (text === '' || !Number.isFinite(number)) {
        setProblem(`“${field.label}”应填写数字（${field.hint}）。`);
        return;
      }
      next[field.key] = number;
    }
    const wrong = thresholdProblem(next);
    if (wrong) {
      setProblem(wrong);
      return;
    }
    props.onSave({
      clerk: clerk().trim(),
      organisation: organisation().trim(),
      licenseKey: key().trim() || props.defaultLicenseKey,
      thresholds: next,
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
            <span>Handsontable 许可证密钥</span>
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
                    inputmode="decimal"
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
              {problem()}
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

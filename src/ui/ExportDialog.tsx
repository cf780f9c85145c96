import { createSignal, For, onMount, Show, untrack } from 'solid-js';

export type ExportScope = { kind: 'all' } | { kind: 'department'; department: string } | { kind: 'visible' };

/** Choose what to export: the whole workbook, one department's rows as its template, or what is on screen. */
export function ExportDialog(props: {
  departments: string[];
  /** The 责任单位 of the row the clerk has selected: the template most likely wanted ('' or absent: none). */
  selectedDepartment?: string;
  /**
   * The toolbar's 责任单位 filter ('' or absent: none). A clerk who found a department's rows that way and then
   * exports means that department's template: the dialog opened at 全部指标 with its list at the first office, and
   * 导出 sent the wrong department's file.
   */
  filteredDepartment?: string;
  visibleCount: number;
  totalCount: number;
  onExport: (scope: ExportScope) => void;
  onCancel: () => void;
}) {
  const filtered = untrack(() => {
    const department = props.filteredDepartment?.trim() ?? '';
    return props.departments.includes(department) ? department : '';
  });
  const [kind, setKind] = createSignal<ExportScope['kind']>(filtered ? 'department' : 'all');
  // The list as the dialog opens: the filtered department, else the selected row's when it is one of the list,
  // else the first.
  const [department, setDepartment] = createSignal(
    untrack(() => {
      const selected = props.selectedDepartment?.trim() ?? '';
      if (filtered) return filtered;
      return props.departments.includes(selected) ? selected : (props.departments[0] ?? '');
    }),
  );
  let first: HTMLInputElement | undefined;
  let template: HTMLInputElement | undefined;
  // The keys on the choice made (the arrow keys move from there, Enter exports it).
  onMount(() => (kind() === 'department' ? template : first)?.focus());
  const submit = () => {
    const chosen = kind();
    props.onExport(
      chosen === 'department' ? { kind: 'department', department: department() } : { kind: chosen },
    );
  };
  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <form
        class="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="export-title">导出 CSV</h2>
        <div class="modal-body choices">
          <label>
            <input
              ref={first}
              type="radio"
              name="scope"
              checked={kind() === 'all'}
              onChange={() => setKind('all')}
            />
            全部指标（{props.totalCount} 项）
          </label>
          <label>
            <input
              ref={template}
              type="radio"
              name="scope"
              checked={kind() === 'department'}
              onChange={() => setKind('department')}
            />
            某个责任单位的指标，作为发给该单位的填报模板
          </label>
          <Show when={kind() === 'department'}>
            <select
              aria-label="责任单位"
              value={department()}
              onChange={(e) => setDepartment(e.currentTarget.value)}
            >
              <For each={props.departments}>{(d) => <option value={d}>{d}</option>}</For>
            </select>
          </Show>
          <label>
            <input
              type="radio"
              name="scope"
              checked={kind() === 'visible'}
              onChange={() => setKind('visible')}
            />
            当前筛选显示的行（{props.visibleCount} 项）
          </label>
          <p class="hint">
            文件为 UTF-8（带 BOM）编码，Excel 和 WPS 可直接打开；单位单独一列，数值只填数字。填好后另存为 CSV
            发回即可，GBK 或 UTF-8 编码都能导入。
          </p>
        </div>
        <div class="modal-actions">
          <button type="button" onClick={() => props.onCancel()}>
            取消
          </button>
          <button type="submit">导出</button>
        </div>
      </form>
    </div>
  );
}

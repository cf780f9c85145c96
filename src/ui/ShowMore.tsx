import { Show } from 'solid-js';
import { countText, type Limited } from './preview-limit';

/** "另有 49,800 个单元格未列出（应用时一并处理）。" and a button that lists more (see preview-limit.ts). */
export function ShowMore<T>(props: { list: Limited<T>; what: string; note: string }) {
  return (
    <Show when={props.list.hidden() > 0}>
      <p class="more">
        另有 {countText(props.list.hidden())} {props.what}未列出（{props.note}）。
        <button type="button" class="link" onClick={() => props.list.more()}>
          再显示
        </button>
      </p>
    </Show>
  );
}

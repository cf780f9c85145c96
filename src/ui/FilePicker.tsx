import { createSignal, createUniqueId } from 'solid-js';
import { describeChosen } from './file-choice';

/**
 * A file chooser that speaks Chinese. A bare <input type="file"> is drawn by the browser in its own interface
 * language ("Choose Files / No file chosen" on a browser not set to Chinese), so the input is kept in the page,
 * labelled and able to take files, but not drawn; a button opens it and a line beside it says what is chosen.
 */
export function FilePicker(props: {
  /** What the files are for; it labels the input. */
  label: string;
  /** The button's text, e.g. 选择文件…. */
  buttonText: string;
  accept: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
  /** The button, to give it the focus (Enter or Space then opens the chooser). */
  buttonRef?: (button: HTMLButtonElement) => void;
}) {
  const id = createUniqueId();
  const [chosen, setChosen] = createSignal<string[]>([]);
  let input: HTMLInputElement | undefined;

  return (
    <div class="field file-picker">
      <label id={`${id}-label`} for={`${id}-input`}>
        {props.label}
      </label>
      <div class="file-picker-row">
        {/* Not a tab stop, and not read out a second time: the button is the control the clerk uses. */}
        <input
          ref={input}
          id={`${id}-input`}
          class="file-picker-input"
          type="file"
          tabIndex={-1}
          aria-hidden="true"
          accept={props.accept}
          multiple={props.multiple}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            setChosen(files.map((f) => f.name));
            props.onFiles(files);
          }}
        />
        <button
          type="button"
          ref={(button) => props.buttonRef?.(button)}
          aria-describedby={`${id}-label ${id}-chosen`}
          onClick={() => input?.click()}
        >
          {props.buttonText}
        </button>
        <span id={`${id}-chosen`} class="file-picker-chosen" aria-live="polite" title={chosen().join('\n')}>
          {describeChosen(chosen())}
        </span>
      </div>
    </div>
  );
}

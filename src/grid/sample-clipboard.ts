/**
 * Sample figures never reach a real workbook by copy and paste. The grid copies to the clipboard (text and an
 * HTML table); a copy or cut in the sample's grid also marks the HTML as the sample's, and a paste of marked
 * HTML into a real workbook's grid is refused and said. The sample may be open in another tab of the same
 * browser, so only the clipboard itself can carry the mark. (Pasted through Excel or a text editor first, the
 * mark is gone: what is pasted then is the clerk's own doing, as typing the figures would be.)
 */
import type Handsontable from 'handsontable';

/** In the copied HTML: Handsontable's paste reads the table and skips the <meta>. */
const SAMPLE_MARK = '<meta name="lanxi-workbook-data" content="sample">';

export const SAMPLE_PASTE_REFUSED =
  '示例数据不能粘贴到正式工作簿：剪贴板中的数字是从示例数据（模拟，非真实统计）复制的，未粘贴。' +
  '请从部门报送的表格或 Excel 中复制真实数字后再粘贴。';

/**
 * Listens on the window: after the grid's own copy handler (on the document) has filled the clipboard, and
 * before its paste handler reads it. Returns the function that stops listening.
 */
export function guardSampleClipboard(
  grid: () => Handsontable | undefined,
  isSample: boolean,
  say: (message: string) => void,
): () => void {
  const mark = (event: ClipboardEvent) => {
    const data = event.clipboardData;
    if (!data || !grid()?.isListening()) return;
    const html = data.getData('text/html');
    const text = data.getData('text/plain');
    // Nothing the grid put there (a copy from a field outside the grid): left as it is.
    if (html === '' && text === '') return;
    data.setData('text/html', SAMPLE_MARK + (html || `<pre>${escapeHtml(text)}</pre>`));
    if (text !== '') data.setData('text/plain', text);
  };
  const refuse = (event: ClipboardEvent) => {
    const html = event.clipboardData?.getData('text/html') ?? '';
    if (!html.includes(SAMPLE_MARK) || !grid()?.isListening()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    say(SAMPLE_PASTE_REFUSED);
  };
  if (isSample) {
    window.addEventListener('copy', mark);
    window.addEventListener('cut', mark);
    return () => {
      window.removeEventListener('copy', mark);
      window.removeEventListener('cut', mark);
    };
  }
  window.addEventListener('paste', refuse, true);
  return () => window.removeEventListener('paste', refuse, true);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

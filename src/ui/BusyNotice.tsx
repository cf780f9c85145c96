/**
 * Says what the page is doing while a long piece of work (a report over thousands of rows) holds it: without it
 * the clerk's click seemed to do nothing for seconds.
 */
export function BusyNotice(props: { text: string }) {
  return (
    <p class="busy-notice no-print" role="status">
      {props.text}
    </p>
  );
}

import { Show } from 'solid-js';
import { SAMPLE_LABEL } from '../model/sample-data';

/** Title, 编制单位 and 打印日期, and on the sample workbook's papers that their figures are generated. */
export function ReportHeading(props: {
  title: string;
  organisation: string;
  isSample: boolean;
  /** 本报告 / 本表. */
  what: string;
}) {
  // On the paper: when it was printed (a report of 2023 printed in 2024 says so).
  const printedOn = () => {
    const now = new Date();
    return `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
  };
  return (
    <>
      <h1>{props.title}</h1>
      <p class="report-meta">
        <Show when={props.organisation}>
          <span>编制单位：{props.organisation}</span>
        </Show>
        <span>打印日期：{printedOn()}</span>
      </p>
      {/* Said on screen only: papers for a meeting went out without the office's name, and nothing said it could
          be there. */}
      <Show when={!props.organisation}>
        <p class="report-hint no-print">编制单位未填写：在“设置”中填写后，印在标题下。</p>
      </Show>
      <Show when={props.isSample}>
        <p class="report-sample">
          {SAMPLE_LABEL}：{props.what}的数值是随机生成的，不是统计数据，不得上报。
        </p>
      </Show>
    </>
  );
}

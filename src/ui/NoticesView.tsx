import { createSignal, For, Show } from 'solid-js';
import { FiguresKeptWhole } from './FiguresKeptWhole';
import {
  missingHeading,
  NOTICE_SAMPLE_LINE,
  noticeIntro,
  noticeText,
  templateHint,
  type DepartmentNotice,
  type Notices,
} from '../model/department-notices';
import { ReportHeading } from './ReportHeading';
import { WarningsTable } from './WarningsTable';

/**
 * 各单位预警及补报通知 in the report view: a cover with the count and the departments left out, then one notice per
 * department, each on a page of its own when printed, each with a button (not printed) copying it for an email.
 */
export function NoticesView(props: { notices: Notices; organisation: string; isSample: boolean }) {
  return (
    <article class="report" classList={{ sample: props.isSample }}>
      <ReportHeading
        title={props.notices.title}
        organisation={props.organisation}
        isSample={props.isSample}
        what="本通知"
      />
      <p class="report-summary">{props.notices.summary}。</p>
      <Show when={props.notices.quiet}>
        <p class="report-note notices-quiet">{props.notices.quiet}</p>
      </Show>
      <p class="report-note">{ABOUT}</p>
      <For each={props.notices.notices}>
        {(notice) => (
          <NoticeSection
            notice={notice}
            notices={props.notices}
            organisation={props.organisation}
            isSample={props.isSample}
          />
        )}
      </For>
    </article>
  );
}

// One string: JSX line breaks would put spaces between Chinese words.
const ABOUT =
  '预警名单即监测报告中“需关注的指标”一节（规划第五部分（五）：对预计达标困难、波动较大的监测指标及时进行预警），' +
  '按责任单位分开；打印时每个单位各占一页，“复制通知文字”可把该单位的通知粘贴到邮件中。';

type Copied = { ok: true } | { ok: false; why: string } | null;

function NoticeSection(props: {
  notice: DepartmentNotice;
  notices: Notices;
  organisation: string;
  isSample: boolean;
}) {
  const [copied, setCopied] = createSignal<Copied>(null);
  const text = () =>
    noticeText(props.notices, props.notice, { isSample: props.isSample, organisation: props.organisation });
  const copy = async () => {
    setCopied(null);
    try {
      // Missing outside a secure page (http:// from another machine): said, as a refusal is.
      if (!navigator.clipboard) throw new Error('此页面不能使用剪贴板');
      await navigator.clipboard.writeText(text());
      setCopied({ ok: true });
    } catch (error) {
      // The browser's own message is English ("Write permission denied."): the usual cause said in Chinese.
      const why =
        error instanceof DOMException && error.name === 'NotAllowedError'
          ? '没有使用剪贴板的权限'
          : error instanceof Error
            ? error.message
            : String(error);
      setCopied({ ok: false, why });
    }
  };
  const year = () => props.notices.year;
  return (
    <section class="notice" aria-label={`通知：${props.notice.addressee}`}>
      <div class="notice-actions no-print">
        <button type="button" onClick={() => void copy()}>
          复制通知文字
        </button>
        <Show when={copied()}>
          {(result) => (
            <Show
              when={result().ok}
              fallback={
                <span role="alert" class="notice-copy-failed">
                  {`未能复制：浏览器拒绝了使用剪贴板（${(result() as { why: string }).why}）。` +
                    '请在下面的文字框中按 Ctrl+A 全选、Ctrl+C 复制。'}
                </span>
              }
            >
              <span role="status">已复制“{props.notice.addressee}”的通知文字，可粘贴到邮件中。</span>
            </Show>
          )}
        </Show>
      </div>
      <Show when={copied()?.ok === false}>
        <textarea
          // Selected, with the focus, so Ctrl+C copies it at once (once it is in the page).
          ref={(el) => queueMicrotask(() => el.select())}
          class="notice-text no-print"
          aria-label={`${props.notice.addressee}的通知文字`}
          readonly
          rows={12}
          value={text()}
        />
      </Show>
      <p class="notice-title">{props.notices.title}</p>
      <Show when={props.isSample}>
        <p class="report-sample">{NOTICE_SAMPLE_LINE}</p>
      </Show>
      <h2>{props.notice.addressee}：</h2>
      <p>{noticeIntro(props.notice, year())}</p>
      <Show when={props.notice.warnings.length > 0}>
        <h3>
          {props.notice.heading}（{props.notice.warnings.length} 项）
        </h3>
        <WarningsTable warnings={props.notice.warnings} department={false} class="notice-warnings" />
        <p class="report-note notice-legend">{props.notice.legend}</p>
      </Show>
      <Show when={props.notice.missing.length > 0}>
        <h3>
          {missingHeading(props.notice, year())}（{props.notice.missing.length} 项）
        </h3>
        <table class="notice-missing">
          <thead>
            <tr>
              <th>指标</th>
              <th>单位</th>
              <th>情况</th>
              <th>已有最新值</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.notice.missing}>
              {(m) => (
                <tr>
                  <td>
                    {m.code} {m.name}
                  </td>
                  <td class="nowrap">{m.unit}</td>
                  <td>{m.state}</td>
                  <td class="figure">
                    <FiguresKeptWhole text={m.latest || '—'} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <p class="notice-template">{props.notice.template}</p>
      <Show when={props.notice.department.trim() !== ''}>
        <p class="notice-office-hint hint no-print">{templateHint(props.notice.department)}</p>
      </Show>
      <Show when={props.organisation}>
        <p class="notice-sender">{props.organisation}</p>
      </Show>
    </section>
  );
}

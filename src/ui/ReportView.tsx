import { createMemo, createSignal, For, onCleanup, onMount, Show, untrack } from 'solid-js';
import { chartDataFor } from '../charts/chart-data';
import { makeIndicatorChart } from '../charts/indicator-chart';
import type { RowReport } from '../grid/workbook-grid';
import { DEPARTMENTS, describeTarget } from '../grid/columns';
import { buildNotices, NOTICES_TITLE } from '../model/department-notices';
import { OUT_OF_REACH_FACTOR } from '../model/planning';
import { buildPlanningReport, type PlanningReport } from '../model/planning-report';
import {
  buildReport,
  factsAsOf,
  midTermYear,
  noEntryWords,
  REPORT_TITLES,
  seriesTableHeading,
  type ReportVariant,
  type RowFacts,
  type Tally,
  warningsHeading,
} from '../model/report';
import { reportStatusLegend, type Thresholds } from '../model/status';
import { NoticesView } from './NoticesView';
import { BusyNotice } from './BusyNotice';
import { withBusyNotice } from './after-paint';
import { ReportHeading } from './ReportHeading';
import { WarningsTable } from './WarningsTable';
import { FiguresKeptWhole } from './FiguresKeptWhole';

/**
 * Trend charts in the report, at most: a county's plan has fewer rows than this; a workbook of thousands of rows
 * would otherwise draw a chart per row to watch (seconds each hundred, and a report no one prints).
 */
const CHART_LIMIT = 100;

/** The report view's choices: the reports, the next plan's 目标测算表, and the per-department notices. */
type ViewVariant = ReportVariant | 'planning' | 'notices';

const isReportVariant = (v: ViewVariant): v is ReportVariant => v in REPORT_TITLES;

/** The printable report: choose year and variant, then the browser's print (to PDF) gives clean A4 pages. */
export function ReportView(props: {
  planTitle: string;
  /** 编制单位 from 设置; '' when not set. */
  organisation: string;
  /** The sample workbook: every page of the report says its figures are generated. */
  isSample: boolean;
  years: number[];
  rows: RowReport[];
  thresholds: Thresholds;
  /** The 目标测算表 as a CSV file, for the departments to propose targets in (a next plan only). */
  onExportPlanning?: (sheet: PlanningReport) => void;
  onClose: () => void;
}) {
  // Default: the latest year that has any value; with none at all, the year being monitored now — the one before
  // today's, within the plan's years (the report opened at the base year, 2020, for a workbook not yet filled in).
  const latestWithData = (): number | null => {
    const years = new Set(props.years);
    let latest: number | null = null;
    for (const r of props.rows)
      for (const key of Object.keys(r.indicator.values)) {
        const y = Number(key);
        if (years.has(y) && (latest === null || y > latest)) latest = y;
      }
    return latest;
  };
  const noFigures = untrack(() => !props.rows.some((r) => Object.keys(r.indicator.values).length > 0));
  const monitoringYear = () => {
    const first = props.years[0] ?? 0;
    const last = props.years.at(-1) ?? first;
    return Math.min(Math.max(new Date().getFullYear() - 1, first), last);
  };
  const [year, setYear] = createSignal(untrack(() => latestWithData() ?? monitoringYear()));
  // What the statuses mean, in one string (JSX line breaks would put spaces between Chinese words).
  const statusLegend = () =>
    reportStatusLegend(
      props.thresholds,
      props.rows.some((r) => r.indicator.target.comparator === '不升'),
    );
  // A next plan (its rows carry the previous target) also has the sheet its targets are drafted from: the one
  // wanted first while no figure of the new period is in.
  const nextPlan = untrack(() => props.rows.some((r) => r.indicator.previousTarget !== undefined));
  const drafting = untrack(
    () =>
      nextPlan &&
      !props.rows.some((r) => Object.keys(r.indicator.values).some((y) => Number(y) > r.indicator.baseYear)),
  );
  const [variant, setVariant] = createSignal<ViewVariant>(drafting ? 'planning' : 'annual');
  const variants = (): [ViewVariant, string][] => [
    ...(nextPlan ? [['planning', '目标测算表（编制新规划用）'] as [ViewVariant, string]] : []),
    ...(Object.entries(REPORT_TITLES) as [ReportVariant, string][]),
    ['notices', NOTICES_TITLE],
  ];
  // Another report or year rebuilds the report over every row: seconds on thousands of rows, so the page first
  // says so (the chosen option showed while the old report stayed, and nothing else moved).
  const [building, setBuilding] = createSignal('');
  const rebuild = (what: string, change: () => void) => {
    const rows = props.rows.length;
    const text = `正在生成${what}（共 ${rows} 项指标），请稍候…`;
    withBusyNotice(rows, (on) => setBuilding(on ? text : ''), change);
  };
  const titleOf = (v: ViewVariant) => variants().find(([key]) => key === v)?.[1] ?? '报告';
  // An evaluation is of its year: 中期 of the period's middle (2023 for 2021—2025), 终期 of the target year.
  const chooseVariant = (next: ViewVariant) => rebuild(titleOf(next), () => chooseVariantNow(next));
  const chooseVariantNow = (next: ViewVariant) => {
    setVariant(next);
    const first = props.years[0];
    const last = props.years.at(-1);
    if (first === undefined || last === undefined) return;
    if (next === 'final') setYear(last);
    if (next === 'mid-term') setYear(midTermYear(first, last));
  };
  const planning = createMemo(() =>
    variant() === 'planning' ? buildPlanningReport(props.planTitle, props.rows, props.thresholds) : null,
  );
  const planningNote = (targetYear: number) =>
    `“按趋势${targetYear}年”为各行预测公式（默认线性趋势、对数线性（含0值时改用线性趋势）或年均增长率）的结果；` +
    `“偏保守”指按趋势在基期前后已达到新目标，“已达到新目标”指基期时尚未达到、其后年份的数值已达到，“可能难以实现”指所需的年均进展超过历史最快进展的${OUT_OF_REACH_FACTOR}倍；` +
    '“按趋势将越出范围”指“保持在…左右”的目标按趋势到目标年将超出允许范围；' +
    '“方向与上期目标相反”指新目标要求的方向（提高或降低）与上期目标相反，多为“以上”“以下”写反，请核对；' +
    '“沿用上期目标，待确定”指新目标仍与上期目标相同，尚未研究确定；' +
    '“沿用上期目标（已确定）”指经研究决定沿用上期目标（在表格“确定沿用”列勾选），计入已设定新目标的指标。';
  const finalNote = () =>
    '完成情况按各指标目标年的数值判定：达到目标为“达标”，未达到为“未达标”；目标年数值有误或公式有误的为“无法判定”，' +
    '已有往年数值、尚无目标年数值的为“待补报”（报告年份在目标年之前时为“暂无”），括号内为按最新数值的状态，仅供参考；' +
    `${noEntryWords(year())}的为“无监测数据”。这三类都不计入达标率。` +
    `“比基期”为${year()}年（或此前最近一年）的数值与基期值之差。`;
  // The report reads as it would have at the end of the chosen year.
  const rows = createMemo(() => props.rows.map((r) => factsAsOf(r, year(), props.thresholds)));
  const report = createMemo(() =>
    buildReport(
      props.planTitle,
      rows(),
      year(),
      isReportVariant(variant()) ? (variant() as ReportVariant) : 'annual',
      (indicator) => describeTarget(indicator),
      props.thresholds,
    ),
  );
  // The notices cut the report's own warning list by department (its rules, not a second set).
  const notices = createMemo(() =>
    variant() === 'notices'
      ? buildNotices(props.planTitle, report(), rows(), DEPARTMENTS, props.thresholds)
      : null,
  );
  const attentionRows = createMemo(() => {
    const codes = new Set(report().warnings.map((w) => w.code));
    return rows().filter((r) => codes.has(r.indicator.code));
  });
  // The report covers the whole page: a modal, so Tab stays in it and Escape returns to the grid. The view
  // itself has the focus when it opens, so the arrow and page keys scroll the report.
  let view: HTMLDivElement | undefined;
  onMount(() => view?.focus());
  return (
    <div
      ref={view}
      class="report-view"
      role="dialog"
      aria-modal="true"
      aria-label="监测报告"
      tabindex="-1"
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <div class="report-controls no-print">
        <label>
          报告类型
          <select value={variant()} onChange={(e) => chooseVariant(e.currentTarget.value as ViewVariant)}>
            <For each={variants()}>{([key, title]) => <option value={key}>{title}</option>}</For>
          </select>
        </label>
        <label hidden={variant() === 'planning'}>
          年份
          <select
            value={year()}
            onChange={(e) => {
              const chosen = Number(e.currentTarget.value);
              rebuild(`${chosen}年的${titleOf(variant())}`, () => setYear(chosen));
            }}
          >
            <For each={props.years}>{(y) => <option value={y}>{y}年</option>}</For>
          </select>
        </label>
        <button type="button" onClick={() => window.print()}>
          打印 / 存为 PDF
        </button>
        <Show when={props.onExportPlanning && planning()}>
          {(sheet) => (
            <button
              type="button"
              title="导出本表为 CSV 文件，可用 Excel 或 WPS 打开，发各单位提出新目标"
              onClick={() => props.onExportPlanning?.(sheet())}
            >
              导出CSV
            </button>
          )}
        </Show>
        <button type="button" onClick={() => props.onClose()}>
          返回表格
        </button>
      </div>
      <Show when={building()}>
        <BusyNotice text={building()} />
      </Show>
      <Show when={noFigures}>
        <p class="report-hint no-print" role="status">
          工作簿中还没有填写任何年份的数值：报告按{year()}
          年列出各指标，状态均为“数据不足”。请先在表格中填写或导入各单位的数值。
        </p>
      </Show>
      <Show when={planning()}>
        {(sheet) => (
          <article class="report" classList={{ sample: props.isSample }}>
            <ReportHeading
              title={sheet().title}
              organisation={props.organisation}
              isSample={props.isSample}
              what="本表"
            />
            <p class="report-summary">{sheet().summary}。</p>
            <p class="report-note">{planningNote(sheet().targetYear)}</p>
            <For each={sheet().areas}>
              {(area) => (
                <section class="report-area">
                  <h2>{area.area}</h2>
                  <table class="planning">
                    {/* The same widths in every area's table, so the columns line up down the pages. */}
                    <colgroup>
                      <col class="code" />
                      <col class="name" />
                      <col class="figure" />
                      <col class="figure" />
                      <col class="trend" />
                      <col class="target" />
                      <col class="kept" />
                      <col />
                    </colgroup>
                    <thead>
                      <tr>
                        <th>代码</th>
                        <th>指标</th>
                        <th>最新值</th>
                        <th>上期目标</th>
                        <th>按趋势{sheet().targetYear}年</th>
                        <th>新目标</th>
                        <th>确定沿用</th>
                        <th>评估</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={area.rows}>
                        {(row) => (
                          <tr>
                            <td class="nowrap">{row.code}</td>
                            <td>{row.name}</td>
                            <td class="num">
                              <FiguresKeptWhole text={row.latest} />
                            </td>
                            <td>
                              <FiguresKeptWhole text={row.previous} />
                            </td>
                            <td class="num">
                              <FiguresKeptWhole text={row.trend} />
                            </td>
                            <td>
                              <FiguresKeptWhole text={row.target} />
                            </td>
                            {/* As the sheet's file writes it: 已确定, empty while undecided, — with nothing to keep. */}
                            <td class="kept">{row.keptMark}</td>
                            <td>
                              <Show when={row.verdict}>
                                <strong>{row.verdict}</strong>
                              </Show>
                              <span class="planning-note">
                                {/* Narrowed by 确定沿用, the column wrapped a note's 2022 / 年 apart. */}
                                <FiguresKeptWhole text={row.note} />
                              </span>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </section>
              )}
            </For>
          </article>
        )}
      </Show>
      <Show when={notices()}>
        {(list) => (
          <NoticesView notices={list()} organisation={props.organisation} isSample={props.isSample} />
        )}
      </Show>
      <Show when={!planning() && !notices()}>
        <article class="report" classList={{ sample: props.isSample }}>
          <ReportHeading
            title={report().title}
            organisation={props.organisation}
            isSample={props.isSample}
            what="本报告"
          />
          <p class="report-summary">{report().summary}。</p>
          <p class="report-note">
            本报告按截至{year()}年底的数据计算预测和状态；{year()}
            年没有数值的指标列出此前最近一年的数值（注明年份）。{statusLegend()}
          </p>
          <Show when={variant() === 'final'}>
            <p class="report-note">{finalNote()}</p>
          </Show>
          <Show when={variant() === 'mid-term'}>
            <p class="report-note">“比基期”为{year()}年（或此前最近一年）的数值与基期值之差。</p>
          </Show>
          <Show when={report().invalidNote}>
            <p class="report-note report-invalid" role="note">
              {report().invalidNote}
            </p>
          </Show>
          <Show when={report().tally}>
            {(tally) => (
              <section class="report-area">
                <h2>{variant() === 'final' ? '各领域目标达标情况' : '各领域目标进展情况'}</h2>
                <TallyTable tally={tally()} first="领域" class="tally" />
                <Show when={report().kinds}>
                  {(kinds) => (
                    <>
                      <h3>按目标类型</h3>
                      <TallyTable tally={kinds()} first="目标类型" class="tally-kinds" />
                      <p class="report-note">{KINDS_NOTE}</p>
                    </>
                  )}
                </Show>
              </section>
            )}
          </Show>
          <For each={report().areas}>
            {(area) => (
              <section class="report-area">
                <h2>{area.area}</h2>
                <table class="area">
                  <thead>
                    <tr>
                      <th>代码</th>
                      <th>指标</th>
                      <Show when={variant() !== 'annual'}>
                        <th>基期值（{report().baseYear}年）</th>
                      </Show>
                      <th>{year()}年</th>
                      <th>{variant() === 'annual' ? '比上年' : '比基期'}</th>
                      <th>目标</th>
                      <th>{variant() === 'final' ? '完成情况' : '状态'}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={area.rows}>
                      {(row) => (
                        <tr>
                          <td class="nowrap">{row.code}</td>
                          <td class="name">{row.name}</td>
                          <Show when={variant() !== 'annual'}>
                            <td class="figure">
                              <FiguresKeptWhole text={row.base} />
                            </td>
                          </Show>
                          <td class="figure">
                            <FiguresKeptWhole text={row.value} />
                          </td>
                          <td class="num">{(variant() === 'annual' ? row.change : row.sinceBase) || '—'}</td>
                          <td class="target">
                            <FiguresKeptWhole text={row.target} />
                          </td>
                          <td class="nowrap">
                            <Show
                              when={variant() === 'final'}
                              fallback={
                                <>
                                  {row.statusShown}
                                  <Show when={row.statusBasis}>
                                    <span class="outcome-note">{row.statusBasis}</span>
                                  </Show>
                                </>
                              }
                            >
                              {row.outcome}
                              <Show when={row.outcomeNote}>
                                <span class="outcome-note">{row.outcomeNote}</span>
                              </Show>
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </section>
            )}
          </For>
          <section class="report-area">
            <h2>{warningsHeading(report().warnings)}</h2>
            <Show when={report().warnings.length > 0} fallback={<p>没有需要预警的指标。</p>}>
              <Show when={report().warningsNote}>
                <p class="report-note warnings-note">{report().warningsNote}</p>
              </Show>
              <WarningsTable warnings={report().warnings} department />
              <Show when={attentionRows().length > CHART_LIMIT}>
                <p class="report-note">
                  需关注的指标共 {attentionRows().length} 项，下面附前 {CHART_LIMIT}{' '}
                  项的趋势图；其余各项的趋势图可在表格中选中该行后按 Alt+C 查看。
                </p>
              </Show>
              <div class="report-charts">
                <For each={attentionRows().slice(0, CHART_LIMIT)}>
                  {(row) => <ReportChart row={row} thresholds={props.thresholds} />}
                </For>
              </div>
            </Show>
          </section>
          <Show when={report().series}>
            {(table) => (
              <section class="report-area">
                <h2>{seriesTableHeading(table())}</h2>
                <table class="series">
                  <thead>
                    <tr>
                      <th>代码</th>
                      <th>指标</th>
                      <th>单位</th>
                      <For each={table().years}>{(y) => <th>{y}</th>}</For>
                      <th>目标</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={table().rows}>
                      {(row) => (
                        <tr>
                          <td class="nowrap">{row.code}</td>
                          <td>{row.name}</td>
                          <td class="nowrap">{row.unit}</td>
                          <For each={row.values}>{(v) => <td class="num">{v}</td>}</For>
                          <td>
                            <FiguresKeptWhole text={row.target} />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </section>
            )}
          </Show>
        </article>
      </Show>
    </div>
  );
}

/** What a 方向性目标 is, under the count by kind of target. One string: JSX line breaks would put spaces in it. */
const KINDS_NOTE =
  '“有量化目标”指目标有具体数值（含每年降低1个百分点等逐年变化的目标）；“方向性目标”指规划只要求提高、降低或不升、' +
  '没有具体数值的目标（如逐步提高、得到有效控制），按变化方向判定。';

/** The evaluations' count, by area or by kind of target: a line per group and 合计. */
function TallyTable(props: { tally: Tally; first: string; class: string }) {
  return (
    <table class={props.class}>
      <thead>
        <tr>
          <th>{props.first}</th>
          {/* A short heading on one line (未达标 stood 未达 / 标 on A4); one with a bracket wraps. */}
          <For each={props.tally.headers}>
            {(header) => <th classList={{ short: !header.includes('（') }}>{header}</th>}
          </For>
        </tr>
      </thead>
      <tbody>
        <For each={props.tally.rows}>
          {(line) => (
            <tr classList={{ total: line.area === '合计' }}>
              {/* 儿童与法律保护 on one line (it broke into 儿童与法 / 律保护 on A4). */}
              <td class="nowrap">{line.area}</td>
              <For each={line.cells}>{(cell) => <td class="num">{cell}</td>}</For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

function ReportChart(props: { row: RowFacts; thresholds: Thresholds }) {
  let canvas: HTMLCanvasElement | undefined;
  onMount(() => {
    if (!canvas) return;
    const chart = makeIndicatorChart(
      canvas,
      chartDataFor(props.row.indicator, props.row.projected, props.thresholds),
    );
    onCleanup(() => chart.destroy());
  });
  // Its size given up front (attributes and style), so that making the chart writes nothing that changes the
  // page's layout: with hundreds of charts each one otherwise made the browser lay out the whole report again.
  return (
    <canvas
      class="report-chart"
      ref={canvas}
      width={640}
      height={300}
      style={{ width: '640px', height: '300px' }}
    />
  );
}

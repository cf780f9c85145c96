import { Show } from 'solid-js';
import type { RowReport } from '../grid/workbook-grid';
import { formatWithUnit } from '../model/entry';
import { showPlannedTrend } from '../model/planning';
import { isCarriedOver, isKeptTarget } from '../model/planning-report';
import { linearFallbackNote, seriesOf } from '../model/projection';
import { basisOf } from './projection-basis';
import {
  assessFluctuation,
  assessStatus,
  explainStatus,
  targetSpecOf,
  type Thresholds,
} from '../model/status';
import { comparatorMismatch } from '../model/target-text';
import { overdueFigureNote, overdueFigureTag } from '../model/overdue-figure';

/** The selected row: its status in words, the evidence for 波动较大, and its projection formula. */
export function RowPanel(props: {
  report: RowReport | null;
  thresholds: Thresholds;
  onResetFormula: (code: string) => void;
  onChart: (code: string) => void;
  /** Absent when storage is unavailable (there is no history then). */
  onHistory?: (code: string) => void;
  /** A next plan's row whose target is still the previous one: kept by decision (or that taken back). */
  onKeepTarget: (code: string, kept: boolean) => void;
}) {
  const details = () => {
    const report = props.report;
    if (!report) return null;
    const { indicator } = report;
    const spec = targetSpecOf(indicator);
    const series = seriesOf(indicator);
    // The default log-linear formula's linear trend gave the projection: said, and explained as the linear trend.
    const fallbackNote = report.linearFallback ? linearFallbackNote(series) : null;
    const explanation =
      report.status === '公式有误'
        ? (report.formulaError ?? '预测公式有误，请检查或恢复默认公式。')
        : explainStatus(
            spec,
            assessStatus(spec, series, report.projected, props.thresholds),
            indicator.unit,
            fallbackNote ? 'linear' : report.method,
            props.thresholds,
          );
    const fluctuation = assessFluctuation(spec, series, indicator.unit, props.thresholds);
    return {
      basis: basisOf(report),
      report,
      indicator,
      explanation,
      fallbackNote,
      fluctuation,
      mismatch: comparatorMismatch(indicator),
      // Read in 2026 without 2025's figure: the explanation below is the earlier years' trend, not the verdict.
      overdue: overdueFigureTag(indicator, report.status, new Date().getFullYear()),
      overdueWhy: overdueFigureNote(indicator, report.status, new Date().getFullYear()) ?? '',
      kept: isKeptTarget(indicator),
      carried: isCarriedOver(indicator),
    };
  };
  const actualAtTarget = () => {
    const indicator = props.report?.indicator;
    const value = indicator?.values[indicator.targetYear];
    return typeof value === 'number' ? value : null;
  };
  return (
    <Show
      when={details()}
      fallback={<aside class="row-panel muted">选中一行，可在此查看预测、状态说明和公式。</aside>}
    >
      {(d) => (
        <aside class="row-panel" aria-label="指标说明">
          <div class="row-panel-head">
            <strong>
              {d().indicator.code} {d().indicator.name}
            </strong>
            <span class={`status-badge status-${d().report.status ?? 'none'}`}>
              状态：{d().report.status ?? '—'}
            </span>
            <Show when={d().overdue}>
              {(tag) => (
                <span class="overdue" title={d().overdueWhy}>
                  {tag()}
                </span>
              )}
            </Show>
            <Show when={d().fluctuation.flagged}>
              <span class="status-badge status-fluctuating">⚠ 波动较大</span>
            </Show>
            <button type="button" title="快捷键 Alt+C" onClick={() => props.onChart(d().indicator.code)}>
              查看图表（Alt+C）
            </button>
            <Show when={props.onHistory}>
              {(open) => (
                <button
                  type="button"
                  title="这一行每次修改的时间、原值、新值、来源和填报人"
                  onClick={() => open()(d().indicator.code)}
                >
                  修改记录
                </button>
              )}
            </Show>
            <Show when={d().report.projected !== null}>
              <span>
                预测{d().indicator.targetYear}年：
                {/* As the grid's 预测 column shows it: a count in whole units, to its target's worse side. */}
                {showPlannedTrend(d().report.projected ?? 0, d().indicator)}
                {/* JSX, not a string from <Show>'s callback: that is not re-run when another row is selected (the
                    panel kept the first row's figure). 0 is a figure too. */}
                <Show when={actualAtTarget() !== null}>
                  （{d().indicator.targetYear}年已有实际值{' '}
                  {formatWithUnit(actualAtTarget() ?? 0, d().indicator.unit)}，以实际值为准）
                </Show>
              </span>
            </Show>
          </div>
          {/* A next plan: every row starts with the previous target; one the committee keeps is confirmed here. */}
          <Show when={d().carried}>
            <p class="kept-line">
              {d().kept ? '目标：沿用上期目标（已确定）。' : '目标：新目标仍沿用上期目标，待研究确定。'}
              <button
                type="button"
                title={
                  d().kept
                    ? '改回“沿用上期目标，待确定”（也可在“确定沿用”列取消勾选）'
                    : '研究决定沿用上期目标的，确认为已确定（也可在“确定沿用”列勾选，或按空格键）'
                }
                onClick={() => props.onKeepTarget(d().indicator.code, !d().kept)}
              >
                {d().kept ? '取消“已确定”' : '目标已确定（沿用上期）'}
              </button>
            </p>
          </Show>
          {/* A row saved before base years were checked: its figures before the base year still count, said so. */}
          <Show when={d().report.figuresBeforeBase}>
            <p class="mismatch">⚠ {d().report.figuresBeforeBase}</p>
          </Show>
          <Show when={d().mismatch}>
            <p class="mismatch">⚠ {d().mismatch}</p>
          </Show>
          <Show when={d().fallbackNote}>
            <p class="method-note">预测方法：{d().fallbackNote}。</p>
          </Show>
          <p class="explanation">{d().explanation}</p>
          <Show when={d().basis}>
            <p class="evidence">预测依据：{d().basis}。</p>
          </Show>
          <p class="evidence">波动判断：{d().fluctuation.evidence}</p>
          <div class="formula-line">
            <span>预测公式：</span>
            <code>{d().report.formula}</code>
            {/* Copied into Excel or WPS the CAGR formula gave #NAME?: said where the formula is shown. */}
            <Show when={/FORECAST\.CAGR\s*\(/i.test(d().report.formula)}>
              <span class="edited">（FORECAST.CAGR 是本工作簿自带的函数，Excel/WPS 中没有）</span>
            </Show>
            <Show when={!d().report.isDefaultFormula}>
              <span class="edited">（已修改）</span>
              <button type="button" onClick={() => props.onResetFormula(d().indicator.code)}>
                恢复默认公式
              </button>
            </Show>
          </div>
        </aside>
      )}
    </Show>
  );
}

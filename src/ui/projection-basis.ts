import type { RowReport } from '../grid/workbook-grid';
import { projectionBasis, seriesOf } from '../model/projection';

/**
 * What a row's projection rests on, for the row panel and the chart (null without a projection). Known for the
 * default formula, which takes all the row's years; a clerk's own formula may take other cells and is said as hers.
 */
export function basisOf(report: RowReport): string | null {
  if (report.projected === null) return null;
  const method = report.linearFallback ? 'linear' : report.method;
  if (!report.isDefaultFormula || !method) return '按修改后的预测公式（见指标说明中的公式）计算';
  return projectionBasis(seriesOf(report.indicator), method, report.indicator.targetYear);
}

/**
 * Writing indicators as CSV for Excel and WPS on Chinese Windows: UTF-8 with BOM, CRLF, Chinese headers with
 * the row code, numbers as numbers, the unit in its own column, text escaped against formula injection.
 */
import Papa from 'papaparse';
import { TARGET_KIND_LABELS, type Comparator, type Indicator } from '../model/indicator';
import { describeSource, type HistoryEntry } from '../model/history';
import { clerkLabel } from '../model/history-list';
import type { PlanningReport } from '../model/planning-report';
import { SAMPLE_LABEL } from '../model/sample-data';

export const UTF8_BOM = '\uFEFF';

/** Text that Excel would run as a formula gets a leading apostrophe (OWASP CSV injection advice). */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * A comparator as the file writes it. "=" (全覆盖) would open in Excel as a formula, and escaped it showed its
 * apostrophe ('=): it is written full-width, "＝", which Excel and WPS show as it is. The import reads "＝" on a
 * 全覆盖 row as "=" (the kind's own comparator, src/io/csv-import.ts).
 */
export function comparatorInFile(comparator: Comparator): string {
  return comparator === '=' ? '＝' : comparator;
}

export function serializeIndicatorsCsv(indicators: readonly Indicator[], years: readonly number[]): string {
  const header = [
    '代码',
    '领域',
    '条款',
    '指标名称',
    '单位',
    '目标类型',
    '比较',
    '规划表述',
    '目标值',
    '每年变化',
    '基期年',
    '目标年',
    '责任单位',
    ...years.map((year) => `${year}年`),
    '备注',
    '规划原文',
  ];
  const rows = indicators.map((row) => [
    row.code,
    row.area,
    row.clause,
    row.name,
    row.unit,
    TARGET_KIND_LABELS[row.target.kind],
    comparatorInFile(row.target.comparator),
    row.target.wording,
    row.target.value,
    row.target.yearlyStep ?? null,
    row.baseYear,
    row.targetYear,
    row.department,
    ...years.map((year) => row.values[year] ?? null),
    row.note ?? '',
    row.source,
  ]);
  const escaped = [header, ...rows].map((cells) =>
    cells.map((cell) =>
      cell === null || cell === undefined ? '' : typeof cell === 'number' ? cell : escapeFormula(cell),
    ),
  );
  return UTF8_BOM + Papa.unparse(escaped, { newline: '\r\n', quotes: false });
}

/** A time as the office writes it, in the computer's own time zone: "2026-11-29 09:05". */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The change history as the 修改记录 dialog shows it, one changed field per line, newest first. */
export function serializeHistoryCsv(entries: readonly HistoryEntry[]): string {
  const header = ['时间', '代码', '指标名称', '列', '原值', '新值', '来源', '填报人'];
  const rows = entries.map((e) => [
    localDateTime(e.at),
    e.code,
    e.rowName,
    e.label,
    e.before,
    e.after,
    describeSource(e.source),
    clerkLabel(e.clerk),
  ]);
  // Every cell is text here (figures with their units), so every cell is escaped.
  const escaped = [header, ...rows].map((cells) => cells.map(escapeFormula));
  return UTF8_BOM + Papa.unparse(escaped, { newline: '\r\n', quotes: false });
}

/**
 * The next plan's 目标测算表 as the page prints it, one row per indicator, for the departments to propose their
 * targets in Excel or WPS (the paper cannot be filled in). A sample workbook's sheet says so on its first line.
 */
export function serializePlanningCsv(sheet: PlanningReport, sample: boolean): string {
  const header = [
    '领域',
    '代码',
    '指标',
    // Every department gets the whole sheet: its own rows are found by this column.
    '责任单位',
    '最新值',
    '上期目标',
    `按趋势${sheet.targetYear}年`,
    '新目标',
    // Beside 新目标, for a department to say a previous target is kept by decision (read back on import).
    '确定沿用',
    '评估',
    '说明',
  ];
  const rows = sheet.areas.flatMap(({ area, rows }) =>
    rows.map((r) => [
      area,
      r.code,
      r.name,
      r.department,
      r.latest,
      r.previous,
      r.trend,
      r.target,
      r.keptMark,
      r.verdict,
      r.note,
    ]),
  );
  const lines = [
    ...(sample ? [[`${SAMPLE_LABEL}：数值为随机生成，不是统计数据，不得上报`]] : []),
    header,
    ...rows,
  ];
  // Every cell is text here (figures with their units), so every cell is escaped.
  return (
    UTF8_BOM +
    Papa.unparse(
      lines.map((cells) => cells.map(escapeFormula)),
      { newline: '\r\n', quotes: false },
    )
  );
}

/**
 * "兰溪市儿童发展规划_全部指标_2026-11-28.csv". A sample workbook's file says 示例数据 (the import refuses such
 * files into a real workbook by it) once: in the title when the title has it, else before the scope.
 */
export function csvFileName(planTitle: string, scope: string, date: Date, sample = false): string {
  const shortTitle =
    planTitle
      .replace(/（[^）]*）|\([^)]*\)/g, '')
      .replace(/[“”"\\/:*?<>|]/g, '')
      .trim() || '规划';
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const marked = sample && !shortTitle.includes('示例数据') ? `示例数据_${scope}` : scope;
  return `${shortTitle}_${marked}_${day}.csv`;
}

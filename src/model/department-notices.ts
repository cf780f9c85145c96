/**
 * 各单位预警及补报通知: the report's warning list and the year's missing figures cut up by 责任单位, one notice per
 * department, so the clerk no longer splits the city's list by hand (DOMAIN.md step 6: "notifies the responsible
 * department of each flagged row"; plan §五(五)). Which rows are flagged is the report's own list (buildReport),
 * never a second set of rules. Pure; the view prints it and copies its plain text.
 */
import { seriesOf } from './projection';
import {
  GAP_HEADING,
  hasNoEntry,
  INVALID_MARK,
  noEntryWords,
  showFigure,
  type Report,
  type RowFacts,
  type WarningRow,
  warningsHeading,
} from './report';
import { SAMPLE_LABEL } from './sample-data';
import { reportStatusLegend, type Thresholds } from './status';

export const NOTICES_TITLE = '各单位预警及补报通知';

/** The heading of rows whose 责任单位 is empty. */
export const UNASSIGNED = '（未指定责任单位）';

/**
 * The heading of a notice's warning list: the report's own for the department's rows, so the department reads the
 * same words, naming only what its rows are (未达标 once one of them missed by its target year's own figure).
 */
export const noticeWarningsHeading = (warnings: readonly WarningRow[]): string => warningsHeading(warnings);

/** On every notice of the sample workbook, printed and copied: its figures are generated. */
export const NOTICE_SAMPLE_LINE = `${SAMPLE_LABEL}：本通知的数值是随机生成的，不是统计数据，不得上报。`;

/** Where the office exports a department's template, as the export dialog words it (src/ui/ExportDialog.tsx). */
export const TEMPLATE_PATH = '“导出CSV” → “某个责任单位的指标”';

/**
 * For the office, beside a notice on screen (not printed, not copied): the template to send with it. The notice
 * itself speaks to the department, which has no 导出CSV button — only the file the office mails.
 */
export const templateHint = (department: string): string =>
  `随通知发送该单位的填报模板：${TEMPLATE_PATH} → “${department}”。`;

export interface MissingRow {
  code: string;
  name: string;
  unit: string;
  /**
   * As the report words it: 待补报2024年数值 (earlier figures only), 无监测数据（截至2024年各年均无数值）, or the figure the
   * workbook refused (“120%”有误，未计入).
   */
  state: string;
  /** What the department sent before: "5.6‰（2023年）"; '' when nothing. */
  latest: string;
  /** The figure was sent but refused: to be checked and sent again, not only filled in. */
  invalid: boolean;
  /** No figure in any year up to the notice's: the earlier years are asked for too. */
  noData: boolean;
}

export interface DepartmentNotice {
  /** The 责任单位 as the rows carry it ('' for rows without one). */
  department: string;
  /** Whom the notice is addressed to: the department, or （未指定责任单位）. */
  addressee: string;
  warnings: WarningRow[];
  /** The heading of the warnings (noticeWarningsHeading). */
  heading: string;
  /**
   * What the statuses mean, the report's own legend (reportStatusLegend), beside the warnings: without it 预计达标
   * next to 低于目标 0.19个百分点 reads as a mistake. '' when the notice has no warnings.
   */
  legend: string;
  missing: MissingRow[];
  /** Which template to send and what to fill in it, or what to do first when there is none. */
  template: string;
}

export interface Notices {
  title: string;
  year: number;
  /** "3个单位需通知：预警5项，2024年数值待补报7项". */
  summary: string;
  /** "以下2个单位2024年无预警、无待补报：市法院、市医保局。"; '' when every department has something. */
  quiet: string;
  notices: DepartmentNotice[];
}

const isUnassigned = (department: string) => department.trim() === '';

/**
 * The row's figure of the notice's year, when it is one to chase. A year before the row's own base year takes no
 * figure (the grid greys it), nor does one after its target year. The notice's year is the one the clerk is
 * collecting, so its figure is due: 待补报, as the report words a figure overdue (missingWord, outcomeOf).
 */
function missingOf(facts: RowFacts, year: number): MissingRow | null {
  const { indicator } = facts;
  if (year < indicator.baseYear || year > indicator.targetYear) return null;
  const value = indicator.values[year];
  if (typeof value === 'number') return null;
  const series = seriesOf(indicator, year);
  const latestYear = series.years.at(-1);
  const latest =
    latestYear === undefined
      ? ''
      : `${showFigure(indicator.values[latestYear], indicator.unit)}（${latestYear}年）`;
  const base = { code: indicator.code, name: indicator.name, unit: indicator.unit, latest };
  if (typeof value === 'string')
    return { ...base, state: `“${value}”${INVALID_MARK}`, invalid: true, noData: false };
  if (hasNoEntry(indicator, year))
    return { ...base, state: `无监测数据（${noEntryWords(year)}）`, invalid: false, noData: true };
  return { ...base, state: `待补报${year}年数值`, invalid: false, noData: false };
}

/** Codes named in the template line at most; more read as a wall of codes beside the list that has them. */
const CODES_NAMED = 10;

/** Codes, joined as a clerk writes them ("H02、H05"), or how many of the list above when they are many. */
const codes = (rows: readonly { code: string }[]) =>
  rows.length <= CODES_NAMED ? ` ${rows.map((r) => r.code).join('、')} ` : `上列${rows.length}项指标`;

function templateLine(department: string, missing: readonly MissingRow[], year: number): string {
  if (isUnassigned(department))
    return (
      '这些指标未指定责任单位，导不出填报模板：请先在表格的“责任单位”列为其指定单位，' +
      `再从${TEMPLATE_PATH}导出该单位的模板。`
    );
  const where = `请使用随附的填报模板（${department}的指标，CSV 文件）`;
  if (missing.length === 0)
    return `${where}：${year}年数值已齐全，如需更正，请在模板中修改后另存为 CSV 发回。`;
  const toFill = missing.filter((m) => !m.invalid);
  const refused = missing.filter((m) => m.invalid);
  const noData = missing.filter((m) => m.noData);
  const asks = [
    toFill.length > 0 ? `在“${year}年”列填写${codes(toFill)}的数值` : '',
    refused.length > 0 ? `核实并更正${codes(refused)}的${year}年数值（只填数字，单位已在“单位”列）` : '',
  ].filter((part) => part !== '');
  // Which rows have no figure at all is in the list above: counted here, not named twice.
  const earlier =
    noData.length === 0
      ? ''
      : `；${noData.length === missing.length ? '这些指标' : `其中${noData.length}项`}${noEntryWords(year)}（无监测数据），` +
        '此前各年如有数值请一并填写';
  return `${where}，${asks.join('，')}${earlier}，另存为 CSV 发回。`;
}

/**
 * One notice per department with something to say, in the usual order of departments (`order`, the grid's list),
 * then any the office added, then the rows without one. The others are named in `quiet`.
 */
export function buildNotices(
  planTitle: string,
  report: Report,
  rows: readonly RowFacts[],
  order: readonly string[],
  thresholds: Thresholds,
): Notices {
  const { year } = report;
  const departmentOf = new Map(rows.map((r) => [r.indicator.code, r.indicator.department]));
  const comparatorOf = new Map(rows.map((r) => [r.indicator.code, r.indicator.target.comparator]));
  const inUse: string[] = [];
  for (const { indicator } of rows) {
    const key = isUnassigned(indicator.department) ? '' : indicator.department;
    if (!inUse.includes(key)) inUse.push(key);
  }
  const ordered = [
    ...order.filter((d) => inUse.includes(d)),
    ...inUse.filter((d) => d !== '' && !order.includes(d)),
    ...(inUse.includes('') ? [''] : []),
  ];
  const sameDepartment = (department: string, other: string | undefined) =>
    department === '' ? isUnassigned(other ?? '') : other === department;

  const notices: DepartmentNotice[] = [];
  const quiet: string[] = [];
  for (const department of ordered) {
    const warnings = report.warnings.filter((w) => sameDepartment(department, departmentOf.get(w.code)));
    const missing = rows
      .filter((r) => sameDepartment(department, r.indicator.department))
      .map((r) => missingOf(r, year))
      .filter((m): m is MissingRow => m !== null);
    const addressee = department === '' ? UNASSIGNED : department;
    if (warnings.length === 0 && missing.length === 0) {
      quiet.push(addressee);
      continue;
    }
    notices.push({
      department,
      addressee,
      warnings,
      heading: noticeWarningsHeading(warnings),
      // The 不升 rule only where the notice has such a row, as the report adds it only where it has one.
      legend:
        warnings.length === 0
          ? ''
          : reportStatusLegend(
              thresholds,
              warnings.some((w) => comparatorOf.get(w.code) === '不升'),
            ),
      missing,
      template: templateLine(department, missing, year),
    });
  }

  const count = (pick: (n: DepartmentNotice) => number) => notices.reduce((sum, n) => sum + pick(n), 0);
  const flagged = count((n) => n.warnings.length);
  const toFill = count((n) => n.missing.filter((m) => !m.invalid).length);
  const refused = count((n) => n.missing.filter((m) => m.invalid).length);
  // Only what there is: "待补报0项" beside 28 warnings read as if something were to be sent.
  const counts = [
    flagged > 0 ? `预警${flagged}项` : '',
    toFill > 0 ? `${year}年数值待补报${toFill}项` : '',
    refused > 0 ? `数值有误待更正${refused}项` : '',
  ].filter((part) => part !== '');
  const summary =
    notices.length === 0
      ? `${year}年各单位均无预警、无待补报，无需通知`
      : `${notices.length}个单位需通知：${counts.join('，')}`;
  return {
    title: `${planTitle}${NOTICES_TITLE}（${year}年）`,
    year,
    summary,
    quiet:
      quiet.length > 0 && notices.length > 0
        ? `以下${quiet.length}个单位${year}年无预警、无待补报：${quiet.join('、')}。`
        : '',
    notices,
  };
}

/** The line of the notice that opens it, under the department's name. */
export function noticeIntro(notice: DepartmentNotice, year: number): string {
  const whose = notice.department === '' ? '以下未指定责任单位的指标' : '贵单位负责的指标';
  return `按截至${year}年底的监测数据，${whose}有下列情况，请核实处理。`;
}

/** The heading of a notice's list of missing figures, with how many. */
export function missingHeading(notice: DepartmentNotice, year: number): string {
  return notice.missing.some((m) => m.invalid)
    ? `${year}年数值待补报或待更正的指标`
    : `${year}年数值待补报的指标`;
}

/** One warning as a sentence: every figure with its unit and year, the target as the report prints it. */
export function warningInWords(w: WarningRow): string {
  // The status as the list prints it (待补报2025年数值（按趋势需加快） once the target year is over), its note inside
  // the brackets it has rather than a second pair.
  const basis = w.statusNote
    ? w.statusBasis
      ? `${w.statusBasis.slice(0, -1)}，${w.statusNote}）`
      : `（${w.statusNote}）`
    : w.statusBasis;
  const status = `${w.statusShown}${basis}`;
  return [
    `${w.code} ${w.name}：最新值 ${w.latest}`,
    `目标 ${w.target}`,
    // The year of the projection, as the grid's column says it (预测2025年): a report of 2024 projects to 2025.
    /\d年已有实际值$/.test(w.projected) ? w.projected : `预测${w.projectedYear}年 ${w.projected}`,
    `${GAP_HEADING}：${w.gap}`,
    `状态：${status}`,
    ...(w.fluctuation ? [w.fluctuation] : []),
  ].join('；');
}

export function missingInWords(m: MissingRow): string {
  const unit = m.unit ? `（单位：${m.unit}）` : '';
  const latest = m.latest ? `；已有最新值 ${m.latest}` : '';
  return `${m.code} ${m.name}${unit}：${m.state}${latest}`;
}

/**
 * The notice as plain text for an email: the title, the sample label when the figures are generated, the
 * addressee, both lists numbered, the template line and the office's name when set. No date or deadline is
 * added: the email carries its own date, and a deadline is the office's to set.
 */
export function noticeText(
  notices: Notices,
  notice: DepartmentNotice,
  options: { isSample: boolean; organisation: string },
): string {
  const lines: string[] = [notices.title];
  if (options.isSample) lines.push(`【${NOTICE_SAMPLE_LINE}】`);
  lines.push('', `${notice.addressee}：`, noticeIntro(notice, notices.year));
  let part = 0;
  const numerals = ['一', '二'];
  if (notice.warnings.length > 0) {
    lines.push('', `${numerals[part++]}、${notice.heading}，共${notice.warnings.length}项：`);
    notice.warnings.forEach((w, i) => lines.push(`${i + 1}. ${warningInWords(w)}`));
    lines.push(notice.legend);
  }
  if (notice.missing.length > 0) {
    lines.push(
      '',
      `${numerals[part++]}、${missingHeading(notice, notices.year)}，共${notice.missing.length}项：`,
    );
    notice.missing.forEach((m, i) => lines.push(`${i + 1}. ${missingInWords(m)}`));
  }
  lines.push('', notice.template);
  if (options.organisation) lines.push('', options.organisation);
  return lines.join('\n');
}

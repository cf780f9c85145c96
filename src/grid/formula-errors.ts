import { isFormulaError } from '../model/row-results';

/**
 * Spreadsheet error values explained in Chinese for the clerk (shown in the cell's tooltip and the side panel).
 */
const EXPLANATIONS: Record<string, string> = {
  '#NAME?': '公式中有无法识别的函数名或名称，请检查拼写（如 FORECAST.LINEAR、GROWTH）。',
  '#REF!': '公式引用了不存在的单元格（可能删除了行或列）。',
  '#CYCLE!': '公式直接或间接引用了自身（循环引用）。',
  '#DIV/0!': '可用的数值不足两年（或各年份相同），无法计算趋势。',
  '#N/A': '数值区域和年份区域的个数不一致，或没有可用的数值。',
  '#NUM!': '所选方法不适用：对数线性和复合增长要求各年数值都大于 0。',
  '#VALUE!': '参数类型不对，例如把文字当作数字，或区域写法有误。',
  '#ERROR!': '公式写法有误，请检查括号、逗号和引号。',
  '#SPILL!': '公式结果是多个单元格，请改用返回单个值的写法。',
  '#LIC!': 'HyperFormula 许可证密钥无效。',
};

export function isErrorValue(value: unknown): value is string {
  return typeof value === 'string' && isFormulaError(value) && value in EXPLANATIONS;
}

/** Errors of a default projection that only mean "not enough values yet". */
const NOT_YET: Record<string, string> = {
  '#DIV/0!': '暂无预测：已填的数值不足两年，无法计算趋势。',
  '#N/A': '暂无预测：还没有可用的数值。',
  '#NUM!': '暂无预测：该方法要求各年数值都大于 0。',
};

/** How a default projection that cannot be computed yet is explained (null when the error means more). */
export function explainNoProjectionYet(value: string): string | null {
  return NOT_YET[value] ?? null;
}

export function explainFormulaError(value: string): string {
  return `公式出错（${value}）：${EXPLANATIONS[value] ?? '请检查公式，或恢复默认公式。'}`;
}

/**
 * TARGETGAP and TARGETSTATUS give a row's gap to its target and its status, not a projection. Typed into 预测,
 * their result was taken for the projection (a gap of −2.1 on a % row showed 预测 0% and 倒退), so a formula
 * using them there is an error with its own explanation (see explainProjectionError).
 */
const NOT_A_PROJECTION = /\bTARGET(?:GAP|STATUS)\s*\(/i;

export function isNotAProjection(formula: unknown): boolean {
  return typeof formula === 'string' && NOT_A_PROJECTION.test(formula);
}

/** The error value such a formula gives in 预测. */
export const NOT_A_PROJECTION_ERROR = '#VALUE!';

/** A 预测 formula's error explained, with the formula it came from (TARGETGAP in 预测 is said as such). */
export function explainProjectionError(value: string, formula: unknown): string {
  if (!isNotAProjection(formula)) return explainFormulaError(value);
  return (
    '公式出错：“预测”列的公式应算出目标年的预测值；TARGETGAP 算的是与目标的差距，TARGETSTATUS 算的是状态，' +
    '不能作为预测。请恢复默认公式，或改用 GROWTH、FORECAST.LINEAR、FORECAST.CAGR 等预测函数。'
  );
}

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

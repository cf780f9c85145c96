/**
 * A name in Chinese quotation marks, nested as Chinese nests them: the quotes already inside it alternate
 * (“ ” become ‘ ’ and ‘ ’ become “ ”), so a version named 恢复备份“x.json”前的自动保存 is quoted as
 * “恢复备份‘x.json’前的自动保存”, and quoted once more as ‘恢复备份“x.json”前的自动保存’ inside another quote.
 */
export function quoted(name: string): string {
  return `“${name.replace(/[“”‘’]/g, (mark) => SWAPPED[mark] ?? mark)}”`;
}

const SWAPPED: Record<string, string> = { '“': '‘', '”': '’', '‘': '“', '’': '”' };

/** What the line beside the button says: the names while they fit on a line, else how many. */
export function describeChosen(names: string[]): string {
  if (names.length === 0) return '未选择文件';
  if (names.length <= 3) return names.join('、');
  return `${names.length} 个文件`;
}

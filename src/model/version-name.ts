import { quoted } from './quote';
import { midTermYear } from './report';

/**
 * The name of the version that keeps what a restore replaces: 恢复备份“备份.json”前的自动保存（…） or
 * 恢复“2023年中期评估定稿”前的自动保存（…）. The name restored from is quoted as Chinese nests quotes, so restoring
 * such a version in turn reads 恢复“恢复备份‘备份.json’前的自动保存（…）”前的自动保存（…）, not “…“…”…”.
 */
export function keptBeforeRestoring(from: { backupFile: string } | { version: string }, at: Date): string {
  const what = 'backupFile' in from ? `备份${quoted(from.backupFile)}` : quoted(from.version);
  return `恢复${what}前的自动保存（${at.toLocaleString('zh-CN')}）`;
}

/** The example of a version's name, of the workbook's own period: “2023年中期评估定稿” read as the previous one's. */
export function exampleVersionName(period: { baseYear: number; targetYear: number }): string {
  return `${midTermYear(period.baseYear, period.targetYear)}年中期评估定稿`;
}

/**
 * Spring 2026: the committee clerk collects the plan's last year, 2025, from the departments. Each gets its template
 * from 导出CSV, fills it in Excel or WPS as offices do (a title line, columns moved, a row deleted, a note, a word for
 * a figure not out yet) and saves it as GBK or as UTF-8 with BOM; the clerk imports the returns one after another,
 * with 撤销 and a version restore between. Every figure is made up for the test (no statistic).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { encodeGbk } from './gbk';
import { WorkbookPage } from './workbook-page';

/** The template of a department as 导出CSV writes it, as rows of cells (the BOM taken off). */
async function exportTemplate(page: Page, department: string): Promise<string[][]> {
  await page.getByRole('button', { name: '导出CSV', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导出 CSV' });
  await dialog.getByLabel('某个责任单位的指标，作为发给该单位的填报模板').check();
  await dialog.getByLabel('责任单位', { exact: true }).selectOption(department);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出' }).click();
  const download = await downloading;
  await expect(page.locator('.status-bar .cell-info')).toContainText(
    `发给${department}填写，发回后点“导入CSV”导入。`,
  );
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog
    .getByLabel('选择各单位发回的 CSV 文件（可一次选多个）')
    .setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect(dialog.getByLabel('导入摘要')).toBeVisible();
  return dialog;
}

async function shows(workbook: WorkbookPage, code: string, text: string): Promise<void> {
  await workbook.revealRow(code);
  await expect(await workbook.cell(code, '2025年')).toHaveText(text);
}

test('2025’s returns: 市卫健局’s GBK file as Excel leaves it goes in; 市教育局’s carrying a 市卫健局 row is said, that row left out; 撤销 and a version restore keep 市卫健局’s figures', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();

  // 市卫健局: only the columns it fills kept, 2025年 moved beside the name, a title line above, H05 deleted, H03 left
  // empty, H04 not out yet, a word after H06's figure, a note in 备注, the contact under the table. Saved by Excel as
  // “CSV (逗号分隔)”: GBK.
  const health = await exportTemplate(page, '市卫健局');
  const header = health[0]!;
  const at = (title: string) => header.indexOf(title);
  const kept = ['代码', '指标名称', '2025年', '单位', '2024年', '备注'].map(at);
  const figures: Record<string, string> = {
    H01: '3.1',
    H02: '4.2',
    H04: '待统计',
    H06: '66.0（快报）',
    H07: '8.5',
  };
  const healthLines = [
    ['2025年兰溪市儿童发展规划监测数据表（市卫健局）', '', '', '', '', ''],
    kept.map((i) => header[i]!),
    ...health
      .slice(1)
      .filter((row) => row[0] !== 'H05')
      .map((row) => {
        const cells = [...row];
        cells[at('2025年')] = figures[row[0]!] ?? '';
        if (row[0] === 'H07') cells[at('备注')] = '含流动儿童';
        return kept.map((i) => cells[i]!);
      }),
    ['填报人：王五', '', '联系电话：0579-88666666', '', '', ''],
  ];
  let dialog = await importFile(
    page,
    '卫健局2025年数据.csv',
    encodeGbk(Papa.unparse(healthLines, { newline: '\r\n' }) + '\r\n'),
  );
  const summary = dialog.getByLabel('导入摘要');
  await expect(summary).toContainText('将修改 4 个单元格（其中覆盖已有数值 0 个）');
  await expect(summary).toContainText('错误 0 处');
  await expect(summary).not.toContainText('其他单位负责的指标');
  await expect(dialog.getByLabel('报送文件中缺少的指标')).toContainText(
    '市卫健局负责的指标中，卫健局2025年数据.csv里没有 1 项：H05 严重多发致残的出生缺陷发生率。',
  );
  await expect(dialog.getByLabel('报送了但没有数值的指标')).toContainText(
    '卫健局2025年数据.csv 第 6 行：H04 儿童常见疾病和恶性肿瘤等严重疾病发病率（市卫健局）：2025年：待统计',
  );
  await expect(dialog.getByLabel('报送单位的说明')).toContainText(
    '卫健局2025年数据.csv 第 8 行“备注”列：H07 5岁以下儿童贫血患病率：含流动儿童',
  );
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toHaveCount(0);
  await workbook.waitSaved();
  await shows(workbook, 'H01', '3.1‰');
  await shows(workbook, 'H06', '66%');
  await shows(workbook, 'H07', '8.5%');

  await page.getByRole('button', { name: '版本', exact: true }).click();
  const versions = page.getByRole('dialog', { name: '版本' });
  await versions.getByLabel('版本名称').fill('卫健局2025年数据导入后');
  await versions.getByRole('button', { name: '保存当前版本' }).click();
  await expect(versions.getByRole('table', { name: '已保存的版本' })).toContainText('卫健局2025年数据导入后');
  await versions.getByRole('button', { name: '关闭' }).click();

  // 市教育局: its template pasted under the header of its own sheet and filled, and a line for H01 — 市卫健局's row —
  // added under it with another figure. Saved by Excel as “CSV UTF-8”: with a BOM.
  const school = await exportTemplate(page, '市教育局');
  const schoolHeader = school[0]!;
  const y2025 = schoolHeader.indexOf('2025年');
  const filled = school.slice(1).map((row) => {
    const cells = [...row];
    if (row[0] === 'E02') cells[y2025] = '93';
    if (row[0] === 'E06') cells[y2025] = '99.2';
    return cells;
  });
  const extra = schoolHeader.map(() => '');
  extra[0] = 'H01';
  extra[schoolHeader.indexOf('指标名称')] = '新生儿死亡率';
  extra[y2025] = '3.5';
  const ownHeader = ['序号', '指标代码', '指标名称', '2025年数据'];
  const h01Line = filled.length + 3;
  dialog = await importFile(
    page,
    '教育局2025年数据.csv',
    Buffer.from(
      '\uFEFF' + Papa.unparse([ownHeader, schoolHeader, ...filled, extra], { newline: '\r\n' }) + '\r\n',
    ),
  );
  // Said, not taken silently: whose row it is, whose file, and the figure it would replace.
  await expect(summary).toContainText('其他单位负责的指标 1 项');
  await expect(summary).toContainText('将修改 3 个单元格（其中覆盖已有数值 1 个）');
  const others = dialog.getByLabel('其他单位负责的指标');
  await expect(others).toHaveText(
    `教育局2025年数据.csv 第 ${h01Line} 行：H01 新生儿死亡率（责任单位：市卫健局），本文件由市教育局报送：` +
      '2025年 3.1‰ → 3.5‰（覆盖已有数值）',
  );
  await expect(summary).toContainText('错误 0 处');
  const changes = dialog.getByRole('table', { name: '将修改的单元格' });
  await expect(changes).toContainText(
    `H01新生儿死亡率20253.1‰3.5‰教育局2025年数据.csv 第 ${h01Line} 行（市卫健局负责）`,
  );
  // The clerk leaves it for 市卫健局: 市教育局's own figures alone go in.
  await dialog.getByLabel('不导入这些行的数值（留待责任单位报送，工作簿中的数值保持不变）').check();
  await expect(summary).toContainText('将修改 2 个单元格（其中覆盖已有数值 0 个）');
  await expect(summary).toContainText('其他单位负责的指标 1 项（不导入）');
  await expect(changes).toContainText('（市卫健局负责，不导入）');
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.status-bar .cell-info')).toContainText('已导入：2 个单元格');
  // Said after 应用 too: the history will hold nothing of the line left out.
  await expect(page.locator('.status-bar .cell-info')).toContainText(
    '其他单位负责的指标未导入 1 项：H01 新生儿死亡率（留待市卫健局报送）。',
  );
  await workbook.waitSaved();
  await shows(workbook, 'E02', '93%');
  await shows(workbook, 'H01', '3.1‰');

  // 撤销 takes 市教育局's return back, and only it.
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(page.locator('.status-bar .cell-info')).toHaveText('已撤销导入。可点“重做”恢复。');
  await workbook.waitSaved();
  await shows(workbook, 'E02', '');
  await shows(workbook, 'H01', '3.1‰');
  await page.getByRole('button', { name: '重做', exact: true }).click();
  await expect(page.locator('.status-bar .cell-info')).toHaveText('已重做导入。');
  await workbook.waitSaved();
  await shows(workbook, 'E06', '99.2%');

  // Back to the version before 市教育局's return: its figures go, 市卫健局's stay, and the history says why.
  await page.getByRole('button', { name: '版本', exact: true }).click();
  await versions.getByRole('button', { name: '与当前比较' }).click();
  await expect(versions.getByRole('region', { name: '比较结果' })).toContainText('共 2 处不同');
  await versions.getByRole('button', { name: '恢复此版本' }).click();
  await versions.getByRole('group', { name: '恢复版本' }).getByRole('button', { name: '确认恢复' }).click();
  await workbook.waitForGrid();
  await expect(page.locator('.status-bar')).toContainText('已恢复版本“卫健局2025年数据导入后”。');
  await expect(page.getByRole('button', { name: '撤销', exact: true })).toBeDisabled();
  await shows(workbook, 'E02', '');
  await shows(workbook, 'E06', '');
  await shows(workbook, 'H01', '3.1‰');
  await shows(workbook, 'H02', '4.2‰');
  await page.getByRole('button', { name: '历次修改', exact: true }).click();
  const history = page.getByRole('dialog', { name: /修改记录/ });
  const rows = history.getByRole('table', { name: '修改记录' }).locator('tbody tr');
  await expect(rows.first()).toContainText('恢复版本“卫健局2025年数据导入后”');
  const lines = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
  expect(lines.filter((l) => l.includes('E02 普惠性幼儿园覆盖率'))).toEqual([
    expect.stringMatching(/2025年 93% （空） 恢复版本“卫健局2025年数据导入后”/),
    expect.stringMatching(/2025年 （空） 93% 重做导入/),
    expect.stringMatching(/2025年 93% （空） 撤销导入/),
    expect.stringMatching(/2025年 （空） 93% 导入“教育局2025年数据.csv”/),
  ]);
  // H01 was never written by 市教育局's file.
  expect(lines.filter((l) => l.includes('H01 新生儿死亡率'))).toEqual([
    expect.stringMatching(/2025年 （空） 3.1‰ 导入“卫健局2025年数据.csv”/),
  ]);
  workbook.expectNoErrors();
});

test('市卫健局’s and 市教育局’s returns chosen together, both giving H01: the conflict names the responsible department, and the other-department list says the choice is made there', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const health = await exportTemplate(page, '市卫健局');
  const healthYear = health[0]!.indexOf('2025年');
  const healthFilled = health.map((row) =>
    row[0] === 'H01' ? row.map((cell, i) => (i === healthYear ? '3.1' : cell)) : row,
  );
  const school = await exportTemplate(page, '市教育局');
  const header = school[0]!;
  const schoolYear = header.indexOf('2025年');
  const extra = header.map((_, i) => (i === 0 ? 'H01' : i === schoolYear ? '3.5' : ''));
  const schoolFilled = [
    ...school.map((row) => (row[0] === 'E02' ? row.map((cell, i) => (i === schoolYear ? '93' : cell)) : row)),
    extra,
  ];
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles([
    {
      name: '卫健局.csv',
      mimeType: 'text/csv',
      buffer: encodeGbk(Papa.unparse(healthFilled, { newline: '\r\n' }) + '\r\n'),
    },
    {
      name: '教育局.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\uFEFF' + Papa.unparse(schoolFilled, { newline: '\r\n' }) + '\r\n'),
    },
  ]);
  await expect(dialog.getByLabel('导入摘要')).toContainText('冲突 1 处');
  await expect(dialog.getByRole('table', { name: '导入冲突' })).toContainText(
    '3.1‰（卫健局.csv 第 2 行，市卫健局（责任单位）报送）',
  );
  // Not “照常导入”: the cell is the conflict's, whichever the clerk chooses there.
  await expect(dialog.getByLabel('其他单位负责的指标')).toHaveText(
    `教育局.csv 第 ${school.length + 1} 行：H01 新生儿死亡率（责任单位：市卫健局），本文件由市教育局报送：` +
      '2025年 （空） → 3.5‰（与其他文件的数值不同，请在上方“冲突”中选择）',
  );
  await dialog.getByLabel('3.1‰（卫健局.csv 第 2 行，市卫健局（责任单位）报送）').check();
  await dialog.getByLabel('不导入这些行的数值（留待责任单位报送，工作簿中的数值保持不变）').check();
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.status-bar .cell-info')).toContainText('已导入：2 个单元格');
  // H01 came from 市卫健局's own file, chosen in 冲突: nothing is left for it to send.
  await expect(page.locator('.status-bar .cell-info')).not.toContainText('未导入');
  await shows(workbook, 'H01', '3.1‰');
  await shows(workbook, 'E02', '93%');
  workbook.expectNoErrors();
});

test('a return whose only figure is for another department’s row, left out: nothing to apply, and the preview says why', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const school = await exportTemplate(page, '市教育局');
  const header = school[0]!;
  const extra = header.map((_, i) => (i === 0 ? 'H01' : i === header.indexOf('2025年') ? '3.5' : ''));
  const dialog = await importFile(
    page,
    '教育局.csv',
    Buffer.from('\uFEFF' + Papa.unparse([...school, extra], { newline: '\r\n' }) + '\r\n'),
  );
  await dialog.getByLabel('不导入这些行的数值（留待责任单位报送，工作簿中的数值保持不变）').check();
  await expect(dialog.getByLabel('导入摘要')).toContainText('将修改 0 个单元格');
  // Not “文件中的指标行都没有填写数值”: the file has a figure, the clerk chose to leave it out.
  await expect(dialog.getByRole('status')).toHaveText(
    '文件中只有其他单位负责的指标有新数值，已选择不导入，没有可以导入的数值。',
  );
  await expect(dialog.getByRole('button', { name: '应用' })).toBeDisabled();
  await dialog.getByRole('button', { name: '取消' }).click();
  await shows(workbook, 'H01', '');
  workbook.expectNoErrors();
});

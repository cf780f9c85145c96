import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { serializeIndicatorsCsv } from '../../src/io/csv-export';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { makeSampleWorkbook } from '../../src/model/sample-data';
import { workbookFromPlan, yearColumns } from '../../src/model/workbook';
import { encodeGbk } from './gbk';
import { nextFileChooser, WorkbookPage } from './workbook-page';

const plan = LANXI_2021_2025;
const row = (name: string) => plan.indicators.find((r) => r.name === name)!;
const INFANT = row('婴儿死亡率');
const NEONATAL = row('新生儿死亡率');

test('the preview lists what a department wrote in 备注 or a 填报说明 column (file, line) and the row it deleted', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const health = plan.indicators.filter((r) => r.department === INFANT.department);
  // The template as 导出CSV writes it: some rows carry the plan's own notes in 备注 (H11: 市本级。).
  expect(health.filter((r) => r.note).length).toBeGreaterThan(2);
  const lines = serializeIndicatorsCsv(health, yearColumns(plan)).slice(1).split('\r\n');
  const header = lines[0]!.split(',');
  const y2024 = header.indexOf('2024年');
  const y2025 = header.indexOf('2025年');
  const note = header.indexOf('备注');
  const anaemia = row('5岁以下儿童贫血患病率');
  const deleted = row('婴幼儿照护服务机构从业人员持证率');
  const sent = health.filter((r) => r !== deleted);
  // Edited in WPS: 2025 filled, a word in 备注 on one row, a column 填报说明 added with a word on another.
  const edited = lines
    .filter((l) => l.trim() && !l.startsWith(`${deleted.code},`))
    .map((line, i) => {
      if (i === 0) return `${line},填报说明`;
      const cells = Papa.parse<string[]>(line).data[0]!;
      if (cells[0] === INFANT.code) cells[y2025] = '4.1';
      // A figure not out yet, as departments write it: no value, and the clerk must see whom to chase.
      if (cells[0] === NEONATAL.code) {
        cells[y2024] = '—';
        cells[y2025] = '待统计';
      }
      if (cells[0] === anaemia.code) {
        cells[y2025] = '7.2';
        cells[note] = '2025年为快报数';
      }
      return Papa.unparse([[...cells, cells[0] === INFANT.code ? '2025年数据待卫健委复核' : '']]);
    });
  const lineOf = (code: string) => 2 + sent.findIndex((r) => r.code === code);

  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '卫健局回传.csv',
    mimeType: 'text/csv',
    buffer: encodeGbk(edited.join('\r\n')),
  });
  await expect(dialog.getByLabel('导入摘要')).toContainText('将修改 2 个单元格');
  await expect(dialog.getByLabel('导入摘要')).toContainText('未给数值的指标 1 项');
  await expect(dialog.getByRole('list', { name: '报送了但没有数值的指标' }).locator('li')).toHaveText([
    `卫健局回传.csv 第 ${lineOf(NEONATAL.code)} 行：${NEONATAL.code} 新生儿死亡率（${INFANT.department}）：2024年：—，2025年：待统计`,
  ]);
  await expect(dialog).toContainText(`请联系${INFANT.department}（1 项）补报这些数值`);
  const remarks = dialog.getByRole('list', { name: '报送单位的说明' });
  // Only what the department wrote: the template's own notes came back unchanged and are not listed.
  await expect(remarks.locator('li')).toHaveText([
    `卫健局回传.csv 第 ${lineOf(INFANT.code)} 行“填报说明”列：${INFANT.code} 婴儿死亡率：2025年数据待卫健委复核`,
    `卫健局回传.csv 第 ${lineOf(anaemia.code)} 行“备注”列：${anaemia.code} 5岁以下儿童贫血患病率：2025年为快报数`,
  ]);
  await expect(dialog).toContainText('报送单位在备注、说明等列中写的话列在下方“报送单位的说明”中');
  // The row deleted in WPS is said, so the clerk can ask for it.
  await expect(dialog.getByRole('list', { name: '报送文件中缺少的指标' })).toHaveText(
    `${INFANT.department}负责的指标中，卫健局回传.csv里没有 1 项：${deleted.code} ${deleted.name}。` +
      `如是漏报，请联系${INFANT.department}补报。另有 1 项报送了但没有数值，见下方。`,
  );
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(await workbook.cell(anaemia.code, '2025年')).toHaveText('7.2%');
  // 待统计 and — wrote nothing.
  await expect(await workbook.cell(NEONATAL.code, '2024年')).toHaveText('');
  await expect(await workbook.cell(NEONATAL.code, '2025年')).toHaveText('');
  // Undone and redone: the row's history says which, and what (the import), not “撤销/重做” for both.
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(await workbook.cell(anaemia.code, '2025年')).toHaveText('');
  await page.getByRole('button', { name: '重做', exact: true }).click();
  await expect(await workbook.cell(anaemia.code, '2025年')).toHaveText('7.2%');
  await workbook.waitSaved();
  await workbook.select(anaemia.code, '2025年');
  await page.getByRole('button', { name: '修改记录' }).click();
  const history = page.getByRole('dialog', { name: /修改记录/ });
  const sources = history.getByRole('table', { name: '修改记录' }).locator('tbody tr', { hasText: '2025年' });
  await expect(sources).toHaveCount(3);
  await expect(sources.nth(0)).toContainText('（空）7.2%重做导入');
  await expect(sources.nth(1)).toContainText('7.2%（空）撤销导入');
  await expect(sources.nth(2)).toContainText('（空）7.2%导入“卫健局回传.csv”');
  workbook.expectNoErrors();
});

test('a 2026 column is an error only with figures in it, saying how many and where they belong', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  const input = dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）');
  // A column added for next year and left empty: nothing to correct.
  await input.setInputFiles({
    name: '空列.csv',
    mimeType: 'text/csv',
    buffer: encodeGbk(`代码,2025年,2026年\r\n${NEONATAL.code},1.7,\r\n${INFANT.code},4.9,\r\n`),
  });
  await expect(dialog.getByLabel('导入摘要')).toContainText('将修改 2 个单元格');
  await expect(dialog.getByLabel('导入摘要')).toContainText('错误 0 处');
  // A file with no 备注 column: the hint does not send the clerk to look for notes in it.
  await expect(dialog.getByText('只导入各年份的数值')).toHaveText(
    '只导入各年份的数值。文件中的目标值、规划表述、责任单位、备注等列不会导入（已有指标的定义以工作簿为准）；' +
      '如需修改，请在表格中直接修改。',
  );
  await input.setInputFiles({
    name: '有数.csv',
    mimeType: 'text/csv',
    buffer: encodeGbk(`代码,2025年,2026年\r\n${NEONATAL.code},1.7,1.6\r\n${INFANT.code},4.9,\r\n`),
  });
  await expect(dialog.getByLabel('导入摘要')).toContainText('错误 1 处');
  await expect(dialog.getByRole('list', { name: '导入错误' })).toHaveText(
    '有数.csv 第 1 行 “2026年”列：年份 2026 不在本工作簿的年份范围内（2018—2025年），该列的 1 个数值未导入：' +
      '如是下一期规划的数据，请在下一期规划的工作簿中导入；如是填错了列，请改正后再导入。',
  );
  workbook.expectNoErrors();
});

test('a department template goes out, comes back as GBK from Excel, is previewed, applied and undone', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(INFANT.code, '2021年', '5.9');
  await workbook.waitSaved();

  // The department list opens at the selected row's 责任单位 (市教育局's row selected), not the list's first.
  const school = plan.indicators.find((r) => r.department === '市教育局')!;
  await workbook.select(school.code, '指标名称');
  await page.getByRole('button', { name: '导出CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导出 CSV' });
  await dialog.getByLabel('某个责任单位的指标，作为发给该单位的填报模板').check();
  const departmentList = dialog.getByLabel('责任单位', { exact: true });
  await expect(departmentList).toHaveValue('市教育局');
  // Download 市卫健局's template: the clerk can still choose another.
  await departmentList.selectOption(INFANT.department);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`${INFANT.department}_填报模板_\\d{4}-\\d{2}-\\d{2}\\.csv$`),
  );
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('\r\n');
  const lines = text.slice(1).split('\r\n');
  const header = lines[0]!.split(',');
  const departmentRows = plan.indicators.filter((r) => r.department === INFANT.department);
  expect(lines.filter((l) => l.trim()).length).toBe(departmentRows.length + 1);
  // The status bar says where the file went and what to do with it (it went to the downloads without a word).
  await expect(page.locator('.status-bar .cell-info')).toContainText(
    `已导出 ${departmentRows.length} 项指标到文件“${download.suggestedFilename()}”`,
  );
  await expect(page.locator('.status-bar .cell-info')).toContainText(
    `发给${INFANT.department}填写，发回后点“导入CSV”导入`,
  );

  // The department fills 2022 for 婴儿死亡率 and 2021 for 新生儿死亡率 in Excel, which saves GBK.
  const y2021 = header.indexOf('2021年');
  const y2022 = header.indexOf('2022年');
  const edited = lines.map((line) => {
    const cells = line.split(',');
    if (cells[0] === INFANT.code) cells[y2022] = '5.6';
    if (cells[0] === NEONATAL.code) cells[y2021] = '2.8‰';
    return cells.join(',');
  });
  const gbk = encodeGbk(edited.join('\r\n'));

  await page.getByRole('button', { name: '导入CSV' }).click();
  const importDialog = page.getByRole('dialog', { name: '导入 CSV' });
  await importDialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '卫健局回传.csv',
    mimeType: 'text/csv',
    buffer: gbk,
  });
  const changes = importDialog.getByRole('table', { name: '将修改的单元格' });
  await expect(changes.locator('tbody tr')).toHaveCount(2);
  await expect(changes).toContainText(`${INFANT.code}婴儿死亡率2022（空）5.6‰卫健局回传.csv`);
  await expect(changes).toContainText(`${NEONATAL.code}新生儿死亡率2021（空）2.8‰`);
  await expect(importDialog.getByLabel('导入摘要')).toContainText('将修改 2 个单元格');
  // Nothing changed yet.
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('');

  await importDialog.getByRole('button', { name: '应用' }).click();
  await expect(importDialog).toHaveCount(0);
  await expect(page.locator('.status-bar .cell-info')).toContainText('已导入：2 个单元格');
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('5.6‰');
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('5.9‰');
  // Two years now: the projection is computed at once (with one year it was 暂无预测).
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText(/^\d+(\.\d+)?‰$/);
  // Closing the dialog gave the keys back to the grid: Ctrl+Z at once undoes the import, Ctrl+Y redoes it.
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('');
  await page.keyboard.press('Control+y');
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('5.6‰');
  await workbook.revealRow(NEONATAL.code);
  await expect(await workbook.cell(NEONATAL.code, '2021年')).toHaveText('2.8‰');
  await workbook.waitSaved();

  // One undo takes back the whole import, and the status bar no longer says it is there.
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(page.locator('.status-bar .cell-info')).toHaveText('已撤销导入。可点“重做”恢复。');
  await expect(await workbook.cell(NEONATAL.code, '2021年')).toHaveText('');
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('');
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('5.9‰');
  await expect(await workbook.cell(INFANT.code, '预测2025年')).toHaveText('—');
  await expect(await workbook.cell(INFANT.code, '状态')).toHaveText('数据不足');
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(INFANT.code);
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('');
  workbook.expectNoErrors();
});

test('two departments disagree: the clerk sees the conflict and chooses', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // The cell already holds 卫健局's figure: that choice is said to keep the cell as it is.
  await workbook.typeInto(INFANT.code, '2023年', '5.1');
  await workbook.waitSaved();
  const header = '代码,指标名称,单位,2023年';
  const fileA = `${header}\r\n${INFANT.code},婴儿死亡率,‰,5.1\r\n`;
  const fileB = `${header}\r\n${INFANT.code},婴儿死亡率,‰,5.3\r\n`;
  const chooser = nextFileChooser(page);
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  // The chooser speaks Chinese whatever the browser's language: the browser's own input (which would say
  // "Choose Files / No file chosen") is not drawn; a Chinese button has the focus and Enter opens the chooser.
  const choose = dialog.getByRole('button', { name: '选择文件…' });
  await expect(choose).toBeFocused();
  await expect(dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）')).toBeHidden();
  await expect(dialog.getByText('选择各单位发回的 CSV 文件（可一次选多个）')).toBeVisible();
  await expect(dialog.getByText('未选择文件')).toBeVisible();
  // Enter pressed on the button itself (it has the focus, checked above).
  await choose.press('Enter');
  const files = await chooser();
  expect(files.isMultiple()).toBe(true);
  await files.setFiles([
    { name: '卫健局.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${fileA}`) },
    { name: '统计局.csv', mimeType: 'text/csv', buffer: encodeGbk(fileB) },
  ]);
  await expect(dialog.getByText('卫健局.csv、统计局.csv', { exact: true })).toBeVisible();
  await expect(dialog.getByText('未选择文件')).toHaveCount(0);
  const conflicts = dialog.getByRole('table', { name: '导入冲突' });
  await expect(conflicts).toContainText('5.1‰（卫健局.csv 第 2 行，与原值相同）');
  await expect(conflicts).toContainText('5.3‰（统计局.csv 第 2 行）');
  await expect(dialog.getByRole('button', { name: '应用' })).toBeDisabled();
  await conflicts.getByLabel('5.3‰（统计局.csv 第 2 行）').check();
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(await workbook.cell(INFANT.code, '2023年')).toHaveText('5.3‰');
  workbook.expectNoErrors();
});

test('a figure 48 times the year before is listed to check, with where and what, and can still be applied', async ({
  page,
}) => {
  const FUNDS = row('家庭教育工作经费投入');
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(FUNDS.code, '2022年', '25');
  await workbook.waitSaved();
  // The department sent 2023 in the wrong unit; 2021 is an ordinary figure.
  const file = `代码,指标名称,单位,2021年,2023年\r\n${FUNDS.code},${FUNDS.name},万元,22,1200\r\n`;
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '财政局.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${file}`),
  });
  await expect(dialog.getByLabel('导入摘要')).toContainText('请核实 1 处');
  const questions = dialog.getByRole('list', { name: '请核实' });
  await expect(questions.getByRole('listitem')).toHaveCount(1);
  await expect(questions).toContainText(
    `财政局.csv 第 2 行 “2023年”列：${FUNDS.code} ${FUNDS.name}：2023年为1200 万元，是2022年（25 万元）的约48倍。`,
  );
  await expect(dialog).toContainText('请向报送单位核实这些数值');
  // Not an error: both figures are still to be imported, the questioned one marked.
  await expect(dialog.getByLabel('导入错误')).toHaveCount(0);
  const changes = dialog.getByRole('table', { name: '将修改的单元格' });
  await expect(changes.locator('tbody tr')).toHaveCount(2);
  await expect(changes.locator('tbody tr', { hasText: '2023' })).toContainText('1200 万元（请核实）');
  await expect(changes.locator('tbody tr', { hasText: '2021' })).not.toContainText('请核实');
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toBeHidden();
  await expect(await workbook.cell(FUNDS.code, '2023年')).toHaveText('1200 万元');
  await expect(await workbook.cell(FUNDS.code, '2021年')).toHaveText('22 万元');
  workbook.expectNoErrors();
});

test('in a conflict, the figure from the return of the row’s own 责任单位 says so', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const homes = row('村（社区）儿童之家建成率');
  const owner = homes.department;
  const other = plan.indicators.find(
    (r) => r.department !== owner && r.department !== INFANT.department,
  )!.department;
  const template = (department: string) => plan.indicators.filter((r) => r.department === department);
  const header = '代码,指标名称,2025年';
  const lines = (rows: typeof plan.indicators, value: (code: string) => string) =>
    [header, ...rows.map((r) => `${r.code},${r.name},${value(r.code)}`)].join('\r\n');
  // Each office sends its whole template back; the other office also sends the 儿童之家 row, with another figure.
  const ownerFile = lines(template(owner), (code) => (code === homes.code ? '100' : ''));
  const otherFile = lines([...template(other), homes], (code) => (code === homes.code ? '98' : ''));
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles([
    { name: '甲.csv', mimeType: 'text/csv', buffer: encodeGbk(ownerFile) },
    { name: '乙.csv', mimeType: 'text/csv', buffer: encodeGbk(otherFile) },
  ]);
  const conflicts = dialog.getByRole('table', { name: '导入冲突' });
  const ownerLine = 2 + template(owner).indexOf(homes);
  const otherLine = 2 + template(other).length;
  await expect(conflicts.locator('label')).toHaveText([
    `100%（甲.csv 第 ${ownerLine} 行，${owner}（责任单位）报送）`,
    `98%（乙.csv 第 ${otherLine} 行）`,
    '保留原值',
  ]);
  workbook.expectNoErrors();
});

test('a bad file gets a Chinese message with file, line and column, and the workbook is unchanged', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  const input = dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）');
  await input.setInputFiles({
    name: '指标.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
  });
  // Said once, by its name (not “指标.csv：“指标.csv”不是…”).
  await expect(dialog.getByLabel('导入错误').locator('li')).toHaveText(
    '“指标.csv”不是 CSV 文件：这是 Excel 工作簿（.xlsx），请在 Excel/WPS 中“另存为 CSV”后再导入。',
  );

  await input.setInputFiles({
    name: '卫健局.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`代码,指标名称,2022年,2023年\r\n${INFANT.code},婴儿死亡率,五,4.9\r\n`),
  });
  const errors = dialog.getByLabel('导入错误');
  await expect(errors).toContainText('卫健局.csv 第 2 行 “2022年”列');
  await expect(errors).toContainText('不是数字');
  // The readable value is still offered; the unreadable one is not guessed.
  await expect(dialog.getByRole('table', { name: '将修改的单元格' }).locator('tbody tr')).toHaveCount(1);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(await workbook.cell(INFANT.code, '2022年')).toHaveText('');
  await expect(await workbook.cell(INFANT.code, '2023年')).toHaveText('');
  workbook.expectNoErrors();
});

test('a statistics office’s long table and a WPS file with a title, 二〇二四年, 待统计, #DIV/0! and 合计 go in where they belong', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const visits = row('新生儿访视率');
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  const input = dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）');
  // A file that cannot be read says so, without talking about the columns it does not have.
  await input.setInputFiles({ name: '空.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(dialog.getByLabel('导入错误')).toContainText('“空.csv”是空文件');
  await expect(dialog).not.toContainText('只导入各年份的数值');
  // A template sent back before it was filled in: nothing to import, and the preview says why.
  await input.setInputFiles({
    name: '未填.csv',
    mimeType: 'text/csv',
    buffer: encodeGbk(
      `代码,指标名称,2024年\r\n${INFANT.code},婴儿死亡率,\r\n${NEONATAL.code},新生儿死亡率,待统计\r\n`,
    ),
  });
  await expect(dialog.locator('p.hint[role="status"]')).toHaveText(
    '文件中的指标行都没有填写数值（各年份单元格为空，或写着“—”“暂无”“待统计”等）：' +
      '请确认收到的是填好的文件，或联系报送单位补填后再导入。',
  );
  await expect(dialog.getByRole('list', { name: '报送了但没有数值的指标' })).toHaveText(
    `未填.csv 第 3 行：${NEONATAL.code} 新生儿死亡率（${NEONATAL.department}）：2024年：待统计`,
  );

  await input.setInputFiles([
    {
      name: '统计局长表.csv',
      mimeType: 'text/csv',
      buffer: encodeGbk(
        `指标代码,指标名称,年份,数值\r\n${NEONATAL.code},新生儿死亡率,2022,1.61\r\n${NEONATAL.code},新生儿死亡率,2023年,1.52\r\n`,
      ),
    },
    {
      name: '卫健局.csv',
      mimeType: 'text/csv',
      buffer: encodeGbk(
        [
          '兰溪市2024年儿童发展规划监测数据,,,',
          ',,,',
          '指标代码,指标名称,2023年,二〇二四年',
          `${INFANT.code},婴儿死亡率,2.9,待统计`,
          `${visits.code},新生儿访视率,#DIV/0!,98.6 `,
          'H98,儿童口腔检查率,,85',
          ',合计,,',
          '填报人：张三  电话：0579-88123456,,,',
        ].join('\r\n'),
      ),
    },
  ]);
  await expect(dialog.getByLabel('导入摘要')).toContainText('将修改 4 个单元格');
  await expect(dialog.getByLabel('导入摘要')).toContainText('错误 1 处');
  await expect(dialog.getByRole('list', { name: '导入错误' })).toHaveText(
    `卫健局.csv 第 5 行 “2023年”列：${visits.code} 新生儿访视率：“#DIV/0!”是 Excel/WPS 公式的错误值（除数为零），` +
      '不是数值：请在 Excel/WPS 中检查该单元格的公式，改为正确的数值（单位 %）后再导入或填入；没有数据请留空。该单元格未导入。',
  );
  await expect(dialog.getByRole('list', { name: '忽略的行' })).toContainText(
    '卫健局.csv 第 7 行“合计”：是合计、小计行，不是指标，已忽略。',
  );
  // A code the workbook lacks is a new indicator only if the clerk lets it be: the preview says what 应用 does.
  await expect(dialog.getByRole('list', { name: '新增指标' })).toHaveText(
    'H98 儿童口腔检查率（卫健局.csv 第 6 行，含 1 个年份的数值）',
  );
  await expect(dialog).toContainText(
    '应用后这些行将作为新指标加入工作簿（规划原文中没有，目标等请在表格中核对补填）；如是代码填错了，请“取消”，改正代码后再导入。',
  );
  const changed = dialog.getByRole('table', { name: '将修改的单元格' }).locator('tbody tr');
  await expect(changed).toHaveText([
    `${NEONATAL.code}新生儿死亡率2022（空）1.61‰统计局长表.csv 第 2 行`,
    `${NEONATAL.code}新生儿死亡率2023（空）1.52‰统计局长表.csv 第 3 行`,
    `${INFANT.code}婴儿死亡率2023（空）2.9‰卫健局.csv 第 4 行`,
    `${visits.code}新生儿访视率2024（空）98.6%卫健局.csv 第 5 行`,
  ]);
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(await workbook.cell(NEONATAL.code, '2022年')).toHaveText('1.61‰');
  await expect(await workbook.cell(INFANT.code, '2024年')).toHaveText('');
  await expect(await workbook.cell(visits.code, '2023年')).toHaveText('');
  await expect(await workbook.cell(visits.code, '2024年')).toHaveText('98.6%');
  workbook.expectNoErrors();
});

test('a department’s return saved by Excel (GBK) with its own numbering in 代码 and headers like 2024年数 and 截至2025年底 goes in by name', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const under5 = row('5岁以下儿童死亡率');
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  // The health bureau's own table, 另存为 CSV (逗号分隔) in Excel: GBK, a title, rows numbered 1, 2, 3, the year
  // columns as its office heads them, and the plan's target beside them. (Made-up test values, not statistics.)
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '卫健局报送.csv',
    mimeType: 'text/csv',
    buffer: encodeGbk(
      [
        '兰溪市卫生健康局儿童健康指标报送表,,,,,',
        '代码,指标名称,单位,2024年数,截至2025年底,2025年目标',
        '1,婴儿死亡率,‰,2.9,2.7,5',
        '2,新生儿死亡率,‰,1.4,1.3,3',
        '3,5岁以下儿童死亡率,‰,4.1,3.9,6',
        '填报人：王五,,,,,',
      ].join('\r\n') + '\r\n',
    ),
  });
  await expect(dialog.getByRole('list', { name: '读取说明' })).toHaveText(
    '卫健局报送.csv 第 2 行 “代码”列：代码列不是本工作簿的指标代码（“代码”列写的是 1、2、3），已按指标名称对应：' +
      '请在“将修改的单元格”中核对各行对应的指标。',
  );
  await expect(dialog.getByRole('list', { name: '导入错误' })).toHaveText(
    '卫健局报送.csv 第 2 行 “2025年目标”列：列“2025年目标”不是 2025 年的实际数值（列名中写的是“目标”），该列未导入：' +
      '如确是该年的实际数值，请把列名改为“2025年”后再导入。',
  );
  const changed = dialog.getByRole('table', { name: '将修改的单元格' }).locator('tbody tr');
  await expect(changed).toHaveText([
    `${INFANT.code}婴儿死亡率2024（空）2.9‰卫健局报送.csv 第 3 行`,
    `${INFANT.code}婴儿死亡率2025（空）2.7‰卫健局报送.csv 第 3 行`,
    `${NEONATAL.code}新生儿死亡率2024（空）1.4‰卫健局报送.csv 第 4 行`,
    `${NEONATAL.code}新生儿死亡率2025（空）1.3‰卫健局报送.csv 第 4 行`,
    `${under5.code}5岁以下儿童死亡率2024（空）4.1‰卫健局报送.csv 第 5 行`,
    `${under5.code}5岁以下儿童死亡率2025（空）3.9‰卫健局报送.csv 第 5 行`,
  ]);
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(await workbook.cell(INFANT.code, '2025年')).toHaveText('2.7‰');
  await expect(await workbook.cell(NEONATAL.code, '2024年')).toHaveText('1.4‰');
  await expect(await workbook.cell(under5.code, '2025年')).toHaveText('3.9‰');
  workbook.expectNoErrors();
});

test('a file exported from the sample workbook is refused by the real workbook, and nothing of it goes in', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const sample = makeSampleWorkbook(plan, new Date('2026-11-29T00:00:00Z'));
  const csv = serializeIndicatorsCsv(sample.indicators, yearColumns(sample));
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  // An innocent-looking name: the rows themselves say they are sample data.
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '卫健局回传.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await expect(dialog.getByLabel('导入错误')).toContainText(
    '“卫健局回传.csv”是示例数据（模拟，非真实统计）导出的文件，不能导入正式工作簿',
  );
  await expect(dialog.getByLabel('导入摘要')).toContainText('将修改 0 个单元格');
  await expect(dialog.getByRole('button', { name: '应用', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(await workbook.cell(INFANT.code, '2021年')).toHaveText('');
  workbook.expectNoErrors();
});

test('a large file is read off the page with progress shown; one over 50 MB is refused without reading it', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  const input = dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）');

  // About 2.5 MB: 60,000 rows of another office's wide table, none of which match.
  const lines = ['指标名称,2021年,2022年'];
  for (let i = 0; i < 60_000; i += 1) lines.push(`外县指标${i},${i % 100},${(i * 7) % 100}`);
  await input.setInputFiles({
    name: '外县汇总.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\r\n')),
  });
  await expect(dialog.getByRole('status')).toContainText('正在读取第 1/1 个文件：外县汇总.csv');
  // While it is read, the page still answers.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plan.title);
  await expect(dialog.getByLabel('导入摘要')).toContainText('忽略 60000 行', { timeout: 30_000 });
  // The first frame draws the top of the list; the whole first page follows, and the rest is counted.
  await expect(dialog.getByRole('list', { name: '忽略的行' }).getByRole('listitem')).toHaveCount(200);
  await expect(dialog.locator('p.more')).toContainText('另有 59,800 行未列出（应用时一并处理）');

  // Playwright takes files over 50 MB only from disk.
  const folder = mkdtempSync(join(tmpdir(), 'big-csv-'));
  const big = join(folder, '误选的大文件.csv');
  writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 0x41));
  try {
    await input.setInputFiles(big);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  await expect(dialog.getByLabel('导入错误')).toContainText('“误选的大文件.csv”文件过大（51.0 MB）');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(workbook.counts()).toContainText(`共 ${plan.indicators.length} 项指标`);
  workbook.expectNoErrors();
});

test('an import that adds a row, undone while the filter hides that row, leaves no trace of it', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const total = plan.indicators.length;
  const education = plan.indicators.filter((r) => r.department === '市教育局');
  const shown = education[0]!;
  await page.getByLabel('按责任单位筛选').selectOption('市教育局');
  await expect(workbook.counts()).toContainText(`共 ${total} 项指标，当前显示 ${education.length} 项`);

  // A department's return with one value for a row on screen and one new indicator of another department.
  const csv = [
    '代码,指标名称,单位,责任单位,2023年',
    `${shown.code},${shown.name},${shown.unit},${shown.department},${shown.unit === '%' ? '96' : '3'}`,
    'X01,新增的卫健指标（测试）,%,市卫健委,55',
  ].join('\r\n');
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '回传.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv}`, 'utf-8'),
  });
  await expect(dialog.getByLabel('导入摘要')).toContainText('新增指标 1 项');
  await dialog.getByRole('button', { name: '应用' }).click();
  // The new row is shown at first, under the filter; filtering again hides it (it is 市卫健委's).
  await expect(workbook.counts()).toContainText(
    `共 ${total + 1} 项指标，当前显示 ${education.length + 1} 项`,
  );
  await page.getByLabel('按责任单位筛选').selectOption('');
  await page.getByLabel('按责任单位筛选').selectOption('市教育局');
  await expect(workbook.counts()).toContainText(`共 ${total + 1} 项指标，当前显示 ${education.length} 项`);
  await workbook.waitSaved();

  // 撤销 takes back the filter changes (as in Excel), then the import: its new row goes, hidden or not.
  for (let press = 0; press < 8; press += 1) {
    const before = (await workbook.counts().textContent()) ?? '';
    if (before.startsWith(`共 ${total} 项`)) break;
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    // Each step taken back changes the count line: waited for, as the clerk looks before pressing again (after a
    // fixed 100 ms a slow step was pressed for twice, and the extra press took back a step too many).
    await expect(workbook.counts()).not.toHaveText(before);
  }
  await expect(workbook.counts()).toContainText(`共 ${total} 项指标`);
  await workbook.revealRow(shown.code);
  await expect(await workbook.cell(shown.code, '2023年')).toHaveText('');
  await workbook.waitSaved();
  // Without the filter, and after a reload, there is no X01.
  await page.getByLabel('按责任单位筛选').selectOption('市教育局');
  await page.getByLabel('按责任单位筛选').selectOption('');
  await expect(workbook.counts()).toHaveText(`共 ${total} 项指标`);
  await page.reload();
  await workbook.waitForGrid();
  await expect(workbook.counts()).toHaveText(`共 ${total} 项指标`);
  await page.getByRole('searchbox').fill('X01');
  await expect(page.locator('.hits')).toHaveText('找到 0 处');
  workbook.expectNoErrors();
});

test('a department’s return numbered 1, 2, 3 whose name fits several rows: that line says which rows and what to write, the others go in on 应用', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const INFANT = row('婴儿死亡率');
  const NEONATAL = row('新生儿死亡率');
  const HOMES = row('儿童之家服务覆盖率');
  // The same indicator kept in a second area by the office (a row of its own, 新增指标).
  await workbook.more('新增指标');
  await workbook.typeInto('X01', '指标名称', '婴儿死亡率');
  await workbook.typeInto('X01', '领域', '儿童与安全');
  await workbook.typeInto('X01', '单位', '‰');
  await workbook.waitSaved();

  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  // Made-up test values, not statistics.
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '报送.csv',
    mimeType: 'text/csv',
    buffer: encodeGbk(
      [
        '代码,指标名称,2024年',
        '1,新生儿死亡率,1.4',
        '2,婴儿死亡率,2.9',
        '3,示范型儿童之家,30',
        '4,儿童之家服务覆盖率,95',
      ].join('\r\n') + '\r\n',
    ),
  });
  await expect(dialog.getByRole('list', { name: '忽略的行' }).locator('li')).toHaveText([
    '报送.csv 第 3 行“婴儿死亡率”：名称“婴儿死亡率”在工作簿中对应 2 个指标：' +
      `${INFANT.code}（儿童与健康）、X01（儿童与安全），无法确定是哪一个，本行未导入：` +
      `“代码”列写的是本单位的编号（2），请把该列的编号清空，本行填上 ${INFANT.code} 或 X01 后再导入。`,
    '报送.csv 第 4 行“示范型儿童之家”：工作簿中没有名为“示范型儿童之家”的指标，它是 2 个指标名称的一部分：' +
      'P02 示范型儿童之家占儿童之家总数比例、P03 乡镇（街道）示范型儿童之家数量，无法确定是哪一个，本行未导入：' +
      '请把名称改为其中一个的完整名称后再导入。',
  ]);
  const changed = dialog.getByRole('table', { name: '将修改的单元格' }).locator('tbody tr');
  await expect(changed).toHaveText([
    `${NEONATAL.code}新生儿死亡率2024（空）1.4‰报送.csv 第 2 行`,
    `${HOMES.code}儿童之家服务覆盖率2024（空）95%报送.csv 第 5 行`,
  ]);
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toHaveCount(0);
  for (const [code, shown] of [
    [NEONATAL.code, '1.4‰'],
    [HOMES.code, '95%'],
    [INFANT.code, ''],
    ['X01', ''],
  ]) {
    await workbook.revealRow(code!);
    await expect(await workbook.cell(code!, '2024年')).toHaveText(shown!);
  }
  workbook.expectNoErrors();
});

test('new rows with a 领域 not in the list and an odd 每年变化: said in the preview where they stand; applied, nothing left to correct', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // Made-up test rows, not the plan's.
  const csv = [
    '代码,领域,指标名称,单位,目标类型,每年变化,基期年,目标年,2023年',
    'X01,儿童与卫生,乡镇测试指标甲,%,下限,,2020,2025,55',
    'X02,教育,乡镇测试指标乙,%,逐年变化,-30,2018,2025,40',
  ].join('\r\n');
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '乡镇.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv}`, 'utf-8'),
  });
  await expect(dialog.getByLabel('导入摘要')).toContainText('新增指标 2 项');
  await expect(dialog.getByLabel('导入错误')).toContainText(
    '乡镇.csv 第 2 行 “领域”列：新增指标 X01 乡镇测试指标甲：领域“儿童与卫生”不在领域列表中，已留空：' +
      '可填 儿童与家庭、儿童与健康、儿童与安全、儿童与教育、儿童与福利、儿童与法律保护、儿童与社会环境、重点实事项目，导入后请在表格中选择。',
  );
  await expect(dialog.getByRole('list', { name: '请核实' })).toContainText(
    '乡镇.csv 第 3 行 “每年变化”列：新增指标 X02 乡镇测试指标乙：每年变化为每年降低30个百分点，2018—2025年共7年累计降低210个百分点',
  );
  await expect(dialog).toContainText('或新增指标的每年变化超出单位的范围');
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toBeHidden();
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow('X01');
  // The unknown area was not kept (the row was marked red and counted as needing correction); 教育 is the plan's.
  const area = await workbook.cell('X01', '领域');
  await expect(area).not.toContainText('儿童与');
  await expect(area).not.toHaveClass(/cell-invalid/);
  await expect(await workbook.cell('X01', '2023年')).toHaveText('55%');
  await workbook.revealRow('X02');
  await expect(await workbook.cell('X02', '领域')).toContainText('儿童与教育');
  await expect(workbook.counts()).not.toContainText('需更正');
  workbook.expectNoErrors();
});

test('a new row’s 目标值 far off its figures is listed to check, and a 基期年 before the first year column is said and not kept', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const first = yearColumns(workbookFromPlan(plan, 'e2e', new Date()))[0]!;
  // Made-up test rows, not the plan's.
  const csv = [
    `代码,领域,指标名称,单位,目标类型,比较,目标值,基期年,目标年,${first}年,${first + 1}年`,
    `X01,儿童与教育,乡镇测试指标甲,%,下限,≥,0.65,${first},2025,60,70`,
    `X02,儿童与教育,乡镇测试指标乙,%,下限,≥,65,${first - 1},2025,60,62`,
  ].join('\r\n');
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '乡镇.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv}`, 'utf-8'),
  });
  await expect(dialog.getByLabel('导入摘要')).toContainText('新增指标 2 项');
  await expect(dialog.getByRole('list', { name: '请核实' })).toContainText(
    '乡镇.csv 第 2 行 “目标值”列：新增指标 X01 乡镇测试指标甲：目标值',
  );
  await expect(dialog.getByLabel('导入错误')).toContainText(
    `乡镇.csv 第 3 行 “基期年”列：新增指标 X02 乡镇测试指标乙：基期年${first - 1}年未采用，已按${first}年导入：` +
      `本工作簿的年份从${first}年起，基期年不能早于${first}年`,
  );
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toBeHidden();
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow('X02');
  await expect(await workbook.cell('X02', '基期年')).toHaveText(String(first));
  await expect(await workbook.cell('X02', `${first}年`)).toHaveText('60%');
  await workbook.revealRow('X01');
  await expect(await workbook.cell('X01', '目标值')).toContainText('0.65');
  workbook.expectNoErrors();
});

test('a new row’s 责任单位 written in part (卫健局) comes in as the one office holding it, said in 读取说明; a new office is said as new', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '新增.csv',
    mimeType: 'text/csv',
    buffer: encodeGbk(
      [
        '代码,指标名称,单位,责任单位,2024年',
        'X01,测试新增甲（虚构）,%,卫健局,50',
        'X02,测试新增乙（虚构）,%,市妇幼保健院,60',
      ].join('\r\n'),
    ),
  });
  // It came in as the office “卫健局”, which no filter, template or notice of 市卫健局 finds.
  await expect(dialog.getByRole('list', { name: '新增指标' }).getByRole('listitem')).toHaveText([
    'X01 测试新增甲（虚构）（新增.csv 第 2 行，责任单位 市卫健局，含 1 个年份的数值）',
    'X02 测试新增乙（虚构）（新增.csv 第 3 行，责任单位 市妇幼保健院，含 1 个年份的数值）',
  ]);
  const notes = dialog.getByRole('list', { name: '读取说明' });
  await expect(notes).toContainText(
    '新增.csv 第 2 行 “责任单位”列：新增指标 X01 测试新增甲（虚构）：责任单位“卫健局”已填为“市卫健局”（列表中唯一含“卫健局”的单位）',
  );
  await expect(notes).toContainText('责任单位“市妇幼保健院”不在列表中，已作为新的责任单位填入');
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toBeHidden();
  await workbook.revealRow('X01');
  await expect(await workbook.cell('X01', '责任单位')).toHaveText('▼市卫健局');
  workbook.expectNoErrors();
});

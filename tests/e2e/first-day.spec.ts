/**
 * A new clerk's first day, with only what the screen says: where she was led astray or could not find her way,
 * walked in Chromium as she would (toolbar, dialogs, status bar, tooltips).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { encodeGbk } from './gbk';
import { WorkbookPage } from './workbook-page';

const plan = LANXI_2021_2025;

test('with the grid filtered to 市教育局, 导出CSV offers 市教育局’s template, and that is the file that goes out', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // She finds all rows of 市教育局 with the toolbar, then exports: what is on screen is the department she means.
  const education = plan.indicators.filter((r) => r.department === '市教育局');
  await page.getByLabel('按责任单位筛选').selectOption('市教育局');
  await expect(workbook.counts()).toContainText(`当前显示 ${education.length} 项`);
  await page.getByRole('button', { name: '导出CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导出 CSV' });
  // The template choice is the one made, at 市教育局 (it opened at 全部指标, and its list at 市卫健局, the first).
  await expect(dialog.getByLabel('某个责任单位的指标，作为发给该单位的填报模板')).toBeChecked();
  await expect(dialog.getByLabel('责任单位', { exact: true })).toHaveValue('市教育局');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/_市教育局_填报模板_\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8')
    .split('\r\n')
    .filter((l) => l.trim());
  expect(lines.length).toBe(education.length + 1);
  await expect(page.locator('.status-bar .cell-info')).toContainText('发给市教育局填写');
  workbook.expectNoErrors();
});

test('婴儿死亡率 with 2024’s 3.2: the panel says the projection, its method and the years it used', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const infant = plan.indicators.find((r) => r.name === '婴儿死亡率')!;
  // Made-up figures, typed as she would, 2022 left empty.
  for (const [year, value] of [
    ['2021年', '4.6'],
    ['2023年', '3.9'],
    ['2024年', '3.2'],
  ] as const)
    await workbook.typeInto(infant.code, year, value);
  await workbook.select(infant.code, '2024年');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel).toContainText('状态：已达标');
  await expect(panel).toContainText(/预测2025年：\d/);
  // Why: which method and which years' figures (she had only a formula, =IFERROR(GROWTH(G5:N5, …), to read).
  await expect(panel).toContainText(
    '预测依据：按对数线性趋势（年均降低率），用 2021、2023、2024年共 3 个数值推算 2025年。',
  );
  // Its chart, opened as the panel's button says, tells the same under the dashed line's figures.
  await page.keyboard.press('Alt+C');
  const chart = page.getByRole('dialog', { name: `图表：${infant.code} ${infant.name}` });
  await expect(chart).toContainText(
    '预测依据：按对数线性趋势（年均降低率），用 2021、2023、2024年共 3 个数值推算 2025年。',
  );
  workbook.expectNoErrors();
});

test('looking for where to back up, the header’s 工作簿 says on hover that backup and restore are there', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // The header's words are all she has: 工作簿 版本 历次修改 打印报告 设置. Only the tooltip can say where 备份 is.
  const books = page.getByRole('banner').getByRole('button', { name: '工作簿', exact: true });
  await expect(books).toHaveAttribute('title', /备份全部到文件/);
  await expect(books).toHaveAttribute('title', /从备份文件恢复/);
  await books.click();
  const dialog = page.getByRole('dialog', { name: '工作簿' });
  await expect(dialog.getByRole('button', { name: '备份全部到文件' })).toBeVisible();
  workbook.expectNoErrors();
});

test('the covering letter picked instead of the return: the import says it is a Word document, not a workbook', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  // A .docx is a zip, as an .xlsx is: it was called 这是 Excel 工作簿（.xlsx）, and she looked for a table in it.
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '市教育局填报说明.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, ...Buffer.from('word/document.xml')]),
  });
  await expect(dialog).toContainText(
    '“市教育局填报说明.docx”不是 CSV 文件：这是 Word 文档（.docx），不是填报的表格：请确认选对了文件',
  );
  await expect(dialog).not.toContainText('Excel 工作簿');
  await expect(dialog.getByRole('button', { name: '应用' })).toBeDisabled();
  workbook.expectNoErrors();
});

test('a file of another plan, none of whose lines is a row of this workbook, is said to be so before 应用', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  // Made-up lines of the women's plan, saved by Excel as GBK: their codes are none of this workbook's.
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '妇女发展规划_2024.csv',
    mimeType: 'text/csv',
    buffer: encodeGbk(
      '代码,指标名称,单位,2024年\r\nA01,妇女参加生育保险比例,%,95\r\nA02,女性就业人员比例,%,45\r\n',
    ),
  });
  await expect(dialog.getByLabel('导入摘要')).toContainText('新增指标 2 项');
  // Only 新增指标 2 项 was said, with a hint about a mistyped code: 应用 put the other plan's rows in this one.
  await expect(dialog).toContainText(
    '“妇女发展规划_2024.csv”中没有一行是本工作簿已有的指标：应用后其 2 行都将作为新指标加入。',
  );
  await expect(dialog).toContainText('如是别的规划或工作簿的文件，请点“取消”');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(workbook.counts()).toHaveText(`共 ${plan.indicators.length} 项指标`);
  workbook.expectNoErrors();
});

test('the ▾ of each column heading says on hover what it is for', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // An icon without a word: hovered, it said nothing (Handsontable labels it with a blank).
  const menuButton = page
    .locator('.ht_clone_top_inline_start_corner th', { hasText: '状态' })
    .locator('button.changeType');
  await expect(menuButton).toHaveAttribute('title', '按此列筛选（也可按 Shift+Alt+↓）');
  await menuButton.click();
  await expect(page.locator('.htDropdownMenu')).toContainText('按值过滤');
  workbook.expectNoErrors();
});

test('opened by double-click (file://), a 责任单位 changed and the page opened again: nothing says the data is gone', async () => {
  // The file as mailed, alone in a folder, opened in a browser of its own at 1366×768.
  const folder = mkdtempSync(join(tmpdir(), 'first-day-'));
  const file = join(folder, '儿童发展规划监测工作簿.html');
  copyFileSync(fileURLToPath(new URL('../../dist/index.html', import.meta.url)), file);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1366, height: 768 },
    });
    const workbook = new WorkbookPage(page);
    await workbook.open(pathToFileURL(file).href);
    const under5 = plan.indicators.find((r) => r.name === '5岁以下儿童死亡率')!;
    expect(under5.department).not.toBe('市教育局');
    await workbook.typeInto(under5.code, '责任单位', '市教育局');
    await expect(await workbook.cell(under5.code, '责任单位')).toContainText('市教育局');
    await workbook.waitSaved();
    await page.reload();
    await workbook.waitForGrid();
    // It said 本浏览器中还没有数据 — read as her change lost — where no figure was typed yet.
    const bar = page.locator('.status-bar');
    await expect(bar).toContainText('还没有填写任何年份的数值');
    await expect(bar).not.toContainText('还没有数据');
    await workbook.revealRow(under5.code);
    await expect(await workbook.cell(under5.code, '责任单位')).toContainText('市教育局');
    workbook.expectNoErrors();
  } finally {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

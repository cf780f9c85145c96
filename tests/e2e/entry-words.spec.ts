/**
 * Figures as departments and clerks really write them, typed into the grid: an estimate (约4.1, 4.1左右), a 快报,
 * the full-width forms of a Chinese input method and what Excel pastes; and the 责任单位 typed in part. Made-up
 * figures throughout.
 */
import { expect, test } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { WorkbookPage } from './workbook-page';

const codeOf = (name: string) => LANXI_2021_2025.indicators.find((r) => r.name === name)!.code;
const INFANT = codeOf('婴儿死亡率');

test('约4.1 and 4.5（快报） typed in a year cell: the figure is read, the words go into the row’s 备注; one 撤销 takes both back; a reload keeps them', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');
  await workbook.typeInto(INFANT, '2024年', '约4.1');
  // It was kept as text, red: “约4.1”不是数字.
  await expect(await workbook.cell(INFANT, '2024年')).toHaveText('4.1‰');
  await expect(await workbook.cell(INFANT, '2024年')).not.toHaveClass(/cell-invalid/);
  await expect(bar).toContainText('2024年填报为“约4.1”，按 4.1‰ 填入；“约”已记入本行备注');
  await expect(await workbook.cell(INFANT, '备注')).toContainText('2024年数值为“约4.1”（按 4.1‰ 计）');

  // One 撤销 takes the figure and the words back together.
  await workbook.select(INFANT, '2024年');
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(INFANT, '2024年')).toHaveText('');
  await expect(await workbook.cell(INFANT, '备注')).not.toContainText('约4.1');

  await workbook.typeInto(INFANT, '2023年', '4.5（快报）');
  await workbook.typeInto(INFANT, '2024年', '4.1左右');
  await expect(await workbook.cell(INFANT, '2023年')).toHaveText('4.5‰');
  await expect(await workbook.cell(INFANT, '2024年')).toHaveText('4.1‰');
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await expect(await workbook.cell(INFANT, '2023年')).toHaveText('4.5‰');
  await expect(await workbook.cell(INFANT, '2024年')).toHaveText('4.1‰');
  const note = await workbook.cell(INFANT, '备注');
  await expect(note).toContainText('2023年数值为“4.5（快报）”（按 4.5‰ 计）');
  await expect(note).toContainText('2024年数值为“4.1左右”（按 4.1‰ 计）');
  workbook.expectNoErrors();
});

test('3.1* typed in a year cell is 3.1 marked 待核 as 3.2（待核） is, the mark in 备注; 待核实 alone stays marked, no figure', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');
  // It was kept red, “3.1*”不是数字, while 3.1（待核） was read.
  await workbook.typeInto(INFANT, '2024年', '3.1*');
  await expect(await workbook.cell(INFANT, '2024年')).toHaveText('3.1‰');
  await expect(await workbook.cell(INFANT, '2024年')).not.toHaveClass(/cell-invalid/);
  await expect(bar).toContainText('2024年填报为“3.1*”，按 3.1‰ 填入；“*（待核）”已记入本行备注');
  await workbook.typeInto(INFANT, '2023年', '3.2（待核）');
  await expect(await workbook.cell(INFANT, '2023年')).toHaveText('3.2‰');
  await workbook.typeInto(INFANT, '2025年', '待核实');
  const pending = await workbook.cell(INFANT, '2025年');
  await expect(pending).toHaveText(/待核实/);
  await expect(pending).toHaveClass(/cell-invalid/);
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await expect(await workbook.cell(INFANT, '2024年')).toHaveText('3.1‰');
  const note = await workbook.cell(INFANT, '备注');
  await expect(note).toContainText('2024年数值为“3.1*”（按 3.1‰ 计）');
  await expect(note).toContainText('2023年数值为“3.2（待核）”（按 3.2‰ 计）');
  workbook.expectNoErrors();
});

test('1.1（估计） typed in a year cell is the year’s figure as 约1.1 is; 1.1（预计） is refused, saying a forecast is no year’s figure', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');
  // It was kept red, “1.1（估计）”不是数字, while 约1.1 was read.
  await workbook.typeInto(INFANT, '2023年', '1.1（估计）');
  await expect(await workbook.cell(INFANT, '2023年')).toHaveText('1.1‰');
  await expect(await workbook.cell(INFANT, '2023年')).not.toHaveClass(/cell-invalid/);
  await expect(await workbook.cell(INFANT, '备注')).toContainText('2023年数值为“1.1（估计）”（按 1.1‰ 计）');
  await workbook.typeInto(INFANT, '2022年', '1.1（估算）');
  await expect(await workbook.cell(INFANT, '2022年')).toHaveText('1.1‰');
  // A forecast is kept as typed, marked, with the reason and what to write instead.
  await workbook.typeInto(INFANT, '2024年', '1.1（预计）');
  const forecast = await workbook.cell(INFANT, '2024年');
  await expect(forecast).toHaveClass(/cell-invalid/);
  await expect(forecast).toHaveAttribute(
    'title',
    '“1.1（预计）”括号中写的是“预计”：预计数、预测数和目标都不是本年的实际数值，请填写本年的实际数值（单位 ‰）；' +
      '本年数值尚为估计数或快报数的，可写作“1.1（估计）”“约1.1”“1.1（快报）”。',
  );
  await expect(bar).not.toContainText('不是数字');
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await expect(await workbook.cell(INFANT, '2023年')).toHaveText('1.1‰');
  await expect(await workbook.cell(INFANT, '2024年')).toContainText('1.1（预计）');
  await expect(await workbook.cell(INFANT, '2024年')).toHaveClass(/cell-invalid/);
  workbook.expectNoErrors();
});

test('责任单位 typed in part and left (Tab, Enter, a click elsewhere) is the one office it names; several are asked; a new office typed in full is kept', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');
  const HIGH_SCHOOL = codeOf('高中阶段毛入学率');
  const openAndType = async (code: string, text: string) => {
    await workbook.select(code, '责任单位');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text);
  };
  // Tab: 教育 was kept as the office “教育”, which no filter or template of 市教育局 finds.
  await openAndType(INFANT, '教育');
  await page.keyboard.press('Tab');
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市教育局');
  await expect(bar).toContainText('责任单位“教育”已填为“市教育局”');
  // Enter.
  await openAndType(INFANT, '卫健');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市卫健局');
  // A click elsewhere.
  await openAndType(INFANT, '民政');
  await (await workbook.cell(INFANT, '指标名称')).click();
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市民政局');

  // Text several offices hold is asked about, the editor left open with what was typed; Escape keeps the office.
  await openAndType(INFANT, '市');
  await page.keyboard.press('Enter');
  await expect(bar).toContainText('责任单位“市”与列表中多个单位相符');
  await expect(bar).toContainText('请从列表中选择一个，或输入完整名称');
  await expect(page.locator('textarea.handsontableInput:focus')).toHaveValue('市');
  await page.keyboard.press('Escape');
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市民政局');

  // A new office typed in full is kept, and said to be new (a slip such as 卫健委 would show here).
  await openAndType(INFANT, '市妇幼保健院');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市妇幼保健院');
  await expect(bar).toContainText('“市妇幼保健院”不在列表中，已作为新的责任单位填入');
  // Once in the workbook, part of its name names it too.
  await openAndType(HIGH_SCHOOL, '妇幼');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(HIGH_SCHOOL, '责任单位')).toHaveText('▼市妇幼保健院');

  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市妇幼保健院');
  await workbook.revealRow(HIGH_SCHOOL);
  await expect(await workbook.cell(HIGH_SCHOOL, '责任单位')).toHaveText('▼市妇幼保健院');
  workbook.expectNoErrors();
});

test('责任单位 市委 typed is 市委, not 团市委 that holds it; 团市委 is 团市委; 教育局 is 市教育局', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');
  const NEONATAL = codeOf('新生儿死亡率');
  const typeOffice = async (code: string, text: string) => {
    await workbook.select(code, '责任单位');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  // It was filled as 团市委 (the Youth League's), “the one office of the list holding 市委”.
  await typeOffice(INFANT, '市委');
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市委');
  await expect(bar).toContainText('责任单位“市委”不在列表中，已作为新的责任单位填入');
  await typeOffice(NEONATAL, '团市委');
  await expect(await workbook.cell(NEONATAL, '责任单位')).toHaveText('▼团市委');
  // Once 市委 is in the workbook, typed again it is 市委 still.
  await typeOffice(NEONATAL, '市委');
  await expect(await workbook.cell(NEONATAL, '责任单位')).toHaveText('▼市委');
  await typeOffice(NEONATAL, '教育局');
  await expect(await workbook.cell(NEONATAL, '责任单位')).toHaveText('▼市教育局');
  await expect(bar).toContainText('责任单位“教育局”已填为“市教育局”');
  workbook.expectNoErrors();
});

test('full-width forms of an input method and Excel’s pasted forms: read, or refused saying what they are', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const HIGH_SCHOOL = codeOf('高中阶段毛入学率');
  // What a Chinese input method gives is read as the figure.
  await workbook.typeInto(HIGH_SCHOOL, '2021年', '９６．５％');
  await expect(await workbook.cell(HIGH_SCHOOL, '2021年')).toHaveText('96.5%');
  await workbook.typeInto(HIGH_SCHOOL, '2021年', '－');
  await expect(await workbook.cell(HIGH_SCHOOL, '2021年')).toHaveText('');
  // 、 (the input method's \ key) where a point was meant: it was only 不是数字.
  await workbook.typeInto(HIGH_SCHOOL, '2022年', '９７、５');
  await expect(await workbook.cell(HIGH_SCHOOL, '2022年')).toHaveAttribute(
    'title',
    '“９７、５”中的“、”是顿号，不是小数点：如是小数，请写作 97.5（单位 %）；一格只填一个数值。',
  );
  // Word's and WPS's minus sign: a negative figure, said as one (it was 不是数字).
  await workbook.typeInto(INFANT, '2021年', '−3');
  await expect(await workbook.cell(INFANT, '2021年')).toHaveAttribute(
    'title',
    '千分率应在 0 到 1000 之间，“−3”超出范围：请核对后重填。',
  );

  // Excel's cells pasted: a figure with a spaced %, a negative in brackets, a formula's error value.
  await workbook.select(HIGH_SCHOOL, '2023年');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    (document.activeElement ?? document.body).dispatchEvent(event);
  }, '96.8 %\t(3.2)\t#DIV/0!\r\n');
  await expect(await workbook.cell(HIGH_SCHOOL, '2023年')).toHaveText('96.8%');
  await expect(await workbook.cell(HIGH_SCHOOL, '2024年')).toHaveAttribute(
    'title',
    // (A gross rate passes 100 %: only its lower limit is said.)
    '“(3.2)”在 Excel 中表示负数 -3.2：毛入学率不会是负数，请核对后重填。',
  );
  // In the grid, not only after an import: it said 后再导入 to a clerk who had pasted it.
  await expect(await workbook.cell(HIGH_SCHOOL, '2025年')).toHaveAttribute(
    'title',
    /公式的错误值（除数为零）.*改为正确的数值（单位 %）后再导入或填入/,
  );
  workbook.expectNoErrors();
});

test('约5 saved as text by an earlier version says that typing it again reads it; typed again, it is 5‰ with its word in 备注', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(INFANT, '2021年', '4.6');
  await workbook.waitSaved();
  // As the workbook saved it before such figures were read: the text as typed.
  await page.evaluate(async (code) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('lanxi-children-plan-workbook');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('rows', 'readwrite').objectStore('rows');
    const rows = await new Promise<{ code: string; values: Record<number, unknown> }[]>((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const row = rows.find((r) => r.code === code)!;
    await new Promise(
      (resolve) => (store.put({ ...row, values: { ...row.values, 2022: '约5' } }).onsuccess = resolve),
    );
    db.close();
  }, INFANT);
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(INFANT);
  await expect(await workbook.cell(INFANT, '2022年')).toHaveText('⚠ 约5');
  await workbook.select(INFANT, '2022年');
  // It said “约5”不是数字：请填写数字 — and a clerk who typed 5 dropped the 约 unsaid.
  await expect(page.locator('.status-bar .problem')).toContainText(
    '“约5”是带有文字“约”的数值，保存时尚不能读取：请在此格重新输入“约5”，数值即按 5‰ 填入，“约”记入本行备注。',
  );
  await workbook.typeInto(INFANT, '2022年', '约5');
  await expect(await workbook.cell(INFANT, '2022年')).toHaveText('5‰');
  await expect(await workbook.cell(INFANT, '备注')).toContainText('2022年数值为“约5”（按 5‰ 计）');
  workbook.expectNoErrors();
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { AREAS } from '../../src/model/indicator';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';
import { WorkbookPage } from './workbook-page';

const plan = LANXI_2021_2025;
const codeOf = (name: string) => {
  const row = plan.indicators.find((r) => r.name === name);
  if (!row) throw new Error(`plan has no row named ${name}`);
  return row.code;
};
const INFANT = codeOf('婴儿死亡率');
const PRESCHOOL = codeOf('学前教育毛入园率');
/** A share that cannot pass 100 % (学前教育毛入园率, a gross rate, can). */
const COVERAGE = codeOf('普惠性幼儿园覆盖率');

test('the first open shows every row of the plan, area by area', async ({ page }) => {
  // Tall enough that the largest area's rows are all rendered at once (the grid renders only rows in view).
  await page.setViewportSize({ width: 1400, height: 1500 });
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await expect(workbook.counts()).toContainText(`共 ${plan.indicators.length} 项指标`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plan.title);
  // What a screen reader reads out is Chinese too: no English name on any element (the grid's corner said
  // "Select whole grid").
  const english = await page
    .locator('[aria-label], [title], [placeholder]')
    .evaluateAll((elements) =>
      elements
        .flatMap((e) => ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? ''))
        .filter((text) =>
          /[A-Za-z]{3,}/.test(text.replace(/Ctrl|Alt|Shift|CSV|PDF|Excel|WPS|Handsontable/g, '')),
        ),
    );
  expect(english).toEqual([]);

  for (const area of AREAS) {
    const expected = plan.indicators.filter((r) => r.area === area);
    await page.getByLabel('按领域筛选').selectOption(area);
    await expect(workbook.counts()).toContainText(`当前显示 ${expected.length} 项`);
    const names = await workbook.renderedNames();
    expect(names.sort(), area).toEqual(expected.map((r) => r.name).sort());
  }
  workbook.expectNoErrors();
});

test('the grid says what the plan says: its word for the measure, both clauses, and a unit the plan did not give', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // Plan line 90, 二（五）3: “提高儿童参加城乡居民基本医疗保险覆盖率”.
  await workbook.revealRow('W03');
  await expect(await workbook.cell('W03', '指标名称')).toHaveText('儿童城乡居民基本医疗保险覆盖率');
  // Plan line 78, 二（四）4: “有效预防和控制学生近视” — the same target as 二（二）9's 近视率 row.
  await workbook.revealRow('H21');
  await expect(await workbook.cell('H21', '条款')).toHaveText('二（二）9；二（四）4');
  // Plan line 53: “严重多发致残的出生缺陷发生率控制在较低水平” — no unit: ‰ is the workbook's, and the row says so.
  await workbook.revealRow('H05');
  await expect(await workbook.cell('H05', '单位')).toHaveText('‰');
  await expect(await workbook.cell('H05', '备注')).toContainText('单位为默认口径，规划未给出');
  workbook.expectNoErrors();
});

test('a typed value shows with its unit and is still there after a reload', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(INFANT, '2021年', '4.6');
  await expect(await workbook.cell(INFANT, '2021年')).toHaveText('4.6‰');
  await workbook.typeInto(PRESCHOOL, '2022年', '98.5%');
  await expect(await workbook.cell(PRESCHOOL, '2022年')).toHaveText('98.5%');
  await workbook.waitSaved();

  await page.reload();
  await workbook.waitForGrid();
  // Reopened, nothing is selected: the first arrow key starts at the top-left cell (it did nothing until a click).
  const [first, second] = plan.indicators;
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.status-bar .cell-info')).toContainText(`${first!.code} ${first!.name} · 代码`);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.status-bar .cell-info')).toContainText(
    `${second!.code} ${second!.name} · 代码`,
  );
  await workbook.revealRow(INFANT);
  await expect(await workbook.cell(INFANT, '2021年')).toHaveText('4.6‰');
  await workbook.revealRow(PRESCHOOL);
  await expect(await workbook.cell(PRESCHOOL, '2022年')).toHaveText('98.5%');
  workbook.expectNoErrors();
});

/** What a Pinyin input method sends over a focused element: a Process key (keyCode 229), a composition, its text. */
async function typeWithInputMethod(page: Page, composing: string, text: string) {
  const cdp = await page.context().newCDPSession(page);
  const processKey = { key: 'Process', code: 'Digit4', windowsVirtualKeyCode: 229 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...processKey });
  await cdp.send('Input.imeSetComposition', { text: composing, selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.insertText', { text });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...processKey });
  await cdp.detach();
}

test('typing with a Chinese input method over a selected cell writes it, without Enter or F2 first', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.select(INFANT, '2021年');
  // Full-width digits, as typed with the input method on.
  await typeWithInputMethod(page, '４', '４．６');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(INFANT, '2021年')).toHaveText('4.6‰');
  // Chinese text into a text cell: another row's 备注.
  await workbook.select(PRESCHOOL, '备注');
  await typeWithInputMethod(page, 'shuju', '数据待核实');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(PRESCHOOL, '备注')).toHaveText(/^数据待核实/);
  await workbook.waitSaved();
  workbook.expectNoErrors();
});

test('figures typed straight after Tab keep their first digit, as a quick typist enters a row', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.select(PRESCHOOL, '2020年（基期）');
  // Tab and the next figure's first key come close together in a clerk's fast typing (key held 30 ms). The
  // grid selected the new cell's editor text a moment after the Tab, over the first digit already typed there,
  // and the second digit replaced it: 91 was saved as 1.
  for (const figure of ['90', '91', '92']) {
    await page.keyboard.type(figure, { delay: 30 });
    await page.keyboard.press('Tab');
  }
  await expect(await workbook.cell(PRESCHOOL, '2020年（基期）')).toHaveText('90%');
  await expect(await workbook.cell(PRESCHOOL, '2021年')).toHaveText('91%');
  await expect(await workbook.cell(PRESCHOOL, '2022年')).toHaveText('92%');
  await workbook.waitSaved();
  workbook.expectNoErrors();
});

test('a dialog opened from the keyboard right after moving keeps the keys; closed, the grid has them again', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.select(INFANT, '指标名称');
  // The grid moves its focus to its input a moment after each move: Alt+C pressed in that moment once sent
  // Escape to the grid under the open chart (about one time in three).
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Alt+c');
    const chart = page.getByRole('dialog');
    await expect(chart).toBeVisible();
    await page.waitForTimeout(50);
    await expect(chart.getByRole('button', { name: '关闭' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(chart).toHaveCount(0);
  }
  // Back in the grid: typing with the input method over the selected name renames the row.
  const moved = plan.indicators[plan.indicators.findIndex((r) => r.code === INFANT) + 6]!;
  await expect(page.locator('.status-bar .cell-info')).toContainText(`${moved.code} ${moved.name}`);
  await typeWithInputMethod(page, 'ce', '测试改名');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(moved.code, '指标名称')).toHaveText('测试改名');
  workbook.expectNoErrors();
});

test('a grey year cell before the row’s base year says why it takes no value', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const base = Math.min(plan.indicators.find((r) => r.code === INFANT)!.baseYear, plan.baseYear);
  await workbook.select(INFANT, '2018年');
  await expect(page.locator('.status-bar .cell-info')).toContainText(
    `2018年早于基期（${base}年），本指标不需填写。`,
  );
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(INFANT, '2018年')).toHaveText('');
  workbook.expectNoErrors();
});

test('an invalid entry is marked and explained, and not stored as a number', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(INFANT, '2023年', '五');
  const cell = await workbook.cell(INFANT, '2023年');
  await expect(cell).toHaveClass(/cell-invalid/);
  await expect(cell).toHaveText('⚠ 五');
  // Back up to it with the keyboard (Enter moved the selection down): a click on the cell typed into a moment
  // ago is taken by Handsontable as the second click of a double click, which opens the editor, and the Delete
  // below would then go into the editor's text instead of emptying the cell.
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('.status-bar .problem')).toContainText('不是数字');
  await expect(workbook.counts()).toContainText('1 处需更正');
  // Emptied with Delete, the cell stays selected and the status bar no longer explains the text that was there.
  await page.keyboard.press('Delete');
  await expect(cell).toHaveText('');
  await expect(page.locator('.status-bar .cell-info')).toContainText(`${INFANT} 婴儿死亡率 · 2023年`);
  await expect(page.locator('.status-bar .problem')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(cell).toHaveText('⚠ 五');

  await workbook.typeInto(COVERAGE, '2021年', '101');
  await (await workbook.cell(COVERAGE, '2021年')).click();
  await expect(page.locator('.status-bar .problem')).toContainText('0 到 100');
  await workbook.waitSaved();

  // What is stored: the text as typed, not a number.
  const stored = await page.evaluate(async (code) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('lanxi-children-plan-workbook');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<{ code: string; values: Record<string, unknown> }[]>((resolve) => {
      const request = db.transaction('rows').objectStore('rows').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return rows.find((r) => r.code === code)?.values;
  }, INFANT);
  expect(stored).toEqual({ 2023: '五' });

  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(INFANT);
  await expect(await workbook.cell(INFANT, '2023年')).toHaveClass(/cell-invalid/);
  await expect(workbook.counts()).toContainText('2 处需更正');

  // Correcting it clears the mark.
  await workbook.typeInto(INFANT, '2023年', '4.9');
  await expect(await workbook.cell(INFANT, '2023年')).toHaveText('4.9‰');
  await expect(workbook.counts()).toContainText('1 处需更正');
  workbook.expectNoErrors();
});

test('add a row with a Chinese name, delete it with confirmation, undo the delete', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const total = plan.indicators.length;
  await workbook.more('新增指标');
  await expect(workbook.counts()).toContainText(`共 ${total + 1} 项指标`);
  await expect(workbook.row('X01')).toHaveCount(1);
  await workbook.typeInto('X01', '指标名称', '乡镇儿童友好公园数');
  await workbook.typeInto('X01', '单位', '个');
  await workbook.typeInto('X01', '2021年', '3');
  await expect(await workbook.cell('X01', '2021年')).toHaveText('3 个');
  await workbook.waitSaved();

  await page.reload();
  await workbook.waitForGrid();
  await expect(workbook.counts()).toContainText(`共 ${total + 1} 项指标`);
  await workbook.revealRow('X01');
  await expect(await workbook.cell('X01', '指标名称')).toHaveText('乡镇儿童友好公园数');

  // Delete asks first; cancel keeps the row.
  await (await workbook.cell('X01', '指标名称')).click();
  await workbook.more('删除所选指标');
  const dialog = page.getByRole('dialog', { name: '确认删除指标' });
  await expect(dialog).toContainText('X01 乡镇儿童友好公园数');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(workbook.counts()).toContainText(`共 ${total + 1} 项指标`);

  await (await workbook.cell('X01', '指标名称')).click();
  await workbook.more('删除所选指标');
  await page.getByRole('dialog').getByRole('button', { name: /删除/ }).click();
  await expect(workbook.counts()).toContainText(`共 ${total} 项指标`);
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await expect(workbook.counts()).toContainText(`共 ${total} 项指标`);

  // Undo within a session brings a deleted plan row back with its values.
  await workbook.typeInto(INFANT, '2022年', '4.4');
  await (await workbook.cell(INFANT, '指标名称')).click();
  await workbook.more('删除所选指标');
  await page.getByRole('dialog').getByRole('button', { name: /删除/ }).click();
  await expect(workbook.row(INFANT)).toHaveCount(0);
  await workbook.waitSaved();
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(workbook.counts()).toContainText(`共 ${total} 项指标`);
  await workbook.revealRow(INFANT);
  await expect(await workbook.cell(INFANT, '2022年')).toHaveText('4.4‰');
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(INFANT);
  await expect(await workbook.cell(INFANT, '2022年')).toHaveText('4.4‰');
  // The row's history says the row came back by 撤销 of the deletion, not 新增此行 录入 as if typed.
  await workbook.select(INFANT, '2022年');
  await page.getByRole('button', { name: '修改记录' }).click();
  const lines = page
    .getByRole('dialog', { name: /修改记录/ })
    .getByRole('table', { name: '修改记录' })
    .locator('tbody tr');
  await expect(lines.nth(0)).toContainText('整行（无此行）新增此行撤销删除指标');
  await expect(lines.nth(1)).toContainText('整行（原有此行）已删除此行删除指标');
  workbook.expectNoErrors();
});

test('a new row stays in full view after its name is typed and Tab pressed, on a 1366×768 screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.more('新增指标');
  await expect(workbook.row('X01')).toHaveCount(1);
  await typeWithInputMethod(page, 'gongyuan', '乡镇儿童友好公园数');
  await page.keyboard.press('Tab');
  await expect(page.locator('.status-bar .cell-info')).toContainText(/^X01 乡镇儿童友好公园数 · /);
  // Let the grid finish what it does after the edit (a scroll, the row panel's new text) before looking.
  await page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(done), 300)));
  // What the clerk sees: the selected cell lies inside the grid's visible area, above the row panel, and at each
  // of its corners it is the cell that shows (the selection's own frame drawn over it aside).
  const hidden = await page.evaluate(() => {
    const cell = document.querySelector('.ht_master td.current');
    if (!cell) return ['no selected cell'];
    const box = cell.getBoundingClientRect();
    const panel = document.querySelector('.row-panel')?.getBoundingClientRect();
    const holder = document.querySelector('.ht_master .wtHolder') as HTMLElement | null;
    const problems: string[] = [];
    if (!panel || !holder) return ['no row panel or grid'];
    const gridTop = holder.getBoundingClientRect().top;
    const gridBottom = gridTop + holder.clientHeight;
    if (box.bottom > panel.top + 0.5)
      problems.push(`cell bottom ${box.bottom} below the panel's top ${panel.top}`);
    if (box.bottom > gridBottom + 0.5)
      problems.push(`cell bottom ${box.bottom} below the grid's ${gridBottom}`);
    if (box.top < gridTop - 0.5) problems.push(`cell top ${box.top} above the grid's ${gridTop}`);
    for (const [x, y] of [
      [box.left + 4, box.top + 4],
      [box.right - 4, box.top + 4],
      [box.left + 4, box.bottom - 4],
      [box.right - 4, box.bottom - 4],
    ] as const) {
      const shown = document
        .elementsFromPoint(x, y)
        .find((element) => !element.classList.contains('wtBorder'));
      const td = shown?.closest('td');
      const same =
        td?.parentElement?.getAttribute('aria-rowindex') ===
          cell.parentElement?.getAttribute('aria-rowindex') &&
        td?.getAttribute('aria-colindex') === cell.getAttribute('aria-colindex');
      if (!same) problems.push(`(${x}, ${y}) shows ${shown?.tagName}.${shown?.className}`);
    }
    return problems;
  });
  expect(hidden).toEqual([]);
  await workbook.waitSaved();
  workbook.expectNoErrors();
});

test('undo and redo a value edit from the keyboard; the buttons are greyed out when there is nothing to do', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const undo = page.getByRole('button', { name: '撤销', exact: true });
  const redo = page.getByRole('button', { name: '重做', exact: true });
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();
  await workbook.typeInto(INFANT, '2024年', '4.2');
  await expect(await workbook.cell(INFANT, '2024年')).toHaveText('4.2‰');
  await expect(undo).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(INFANT, '2024年')).toHaveText('');
  await expect(undo).toBeDisabled();
  await expect(redo).toBeEnabled();
  await page.keyboard.press('Control+y');
  await expect(await workbook.cell(INFANT, '2024年')).toHaveText('4.2‰');
  await expect(redo).toBeDisabled();
  // The grid's own menu (right click) names them as the toolbar and the status bar do: 重做, not 恢复.
  await page.keyboard.press('Control+z');
  await (await workbook.cell(INFANT, '2024年')).click({ button: 'right' });
  const menu = page.locator('.htContextMenu:visible');
  await expect(menu.locator('td:not(.htSeparator)')).toHaveText(['复制', '剪切', '撤销', '重做']);
  await menu.locator('td', { hasText: '重做' }).click();
  await expect(await workbook.cell(INFANT, '2024年')).toHaveText('4.2‰');
  workbook.expectNoErrors();
});

test('paste from Excel (tab-separated) fills several cells and reads units', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.revealRow(INFANT);
  await (await workbook.cell(INFANT, '2020年（基期）')).click();
  await page.evaluate(() => navigator.clipboard.writeText('5.1\t4.9‰\t４.７\n'));
  await page.keyboard.press('Control+v');
  await expect(await workbook.cell(INFANT, '2020年（基期）')).toHaveText('5.1‰');
  await expect(await workbook.cell(INFANT, '2021年')).toHaveText('4.9‰');
  await expect(await workbook.cell(INFANT, '2022年')).toHaveText('4.7‰');
  workbook.expectNoErrors();
});

test('a pasted block one column wider than the years leaves the projection formula alone, and says so', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.select(INFANT, '预测2025年');
  const formula = await page.getByRole('complementary', { name: '指标说明' }).locator('code').textContent();
  expect(formula).toMatch(/^=/);
  // 2022–2025 are four year columns; the clerk's Excel row has five figures.
  await workbook.select(INFANT, '2022年');
  await page.evaluate(() => navigator.clipboard.writeText('5.1\t4.9\t4.7\t4.6\t4.5\n'));
  await page.keyboard.press('Control+v');
  await expect(await workbook.cell(INFANT, '2025年')).toHaveText('4.6‰');
  await expect(page.locator('.status-bar')).toContainText('超出部分没有写入“预测2025年”列');
  await workbook.select(INFANT, '预测2025年');
  await expect(page.getByRole('complementary', { name: '指标说明' }).locator('code')).toHaveText(formula!);
  await expect(page.getByRole('complementary', { name: '指标说明' })).not.toContainText('（已修改）');
  workbook.expectNoErrors();
});

test('a block pasted from a grey year on says the figures it could not write and where to start', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // 2019 is before the row's base year 2020: grey, read-only.
  await workbook.select(INFANT, '2019年');
  await page.evaluate(() => navigator.clipboard.writeText('7.5\t7.1\t6.8\n'));
  await page.keyboard.press('Control+v');
  await expect(await workbook.cell(INFANT, '2020年（基期）')).toHaveText('7.1‰');
  await expect(page.locator('.status-bar')).toContainText(
    `粘贴的数据中有 1 个数值落在灰色的年份（如 ${INFANT} 的2019年，早于2020年，不需填写），没有写入。`,
  );
  await expect(page.locator('.status-bar')).toContainText('请撤销后选中2020年的单元格重新粘贴');
  workbook.expectNoErrors();
});

test('a figure typed in the wrong unit is kept, and the status bar asks to check it with the likely cause', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // Three ordinary years pasted from Excel: nothing to check.
  await workbook.select(PRESCHOOL, '2021年');
  await page.evaluate(() => navigator.clipboard.writeText('95.2\t96\t96.5\n'));
  await page.keyboard.press('Control+v');
  await expect(await workbook.cell(PRESCHOOL, '2023年')).toHaveText('96.5%');
  await expect(page.locator('.status-bar')).not.toContainText('请核实');
  // The share as Excel's ratio: kept as typed (a real jump happens), questioned.
  await workbook.typeInto(PRESCHOOL, '2024年', '0.97');
  const status = page.locator('.status-bar .cell-info');
  await expect(status).toContainText(
    `请核实 ${PRESCHOOL} 学前教育毛入园率：2024年为0.97%，是2023年（96.5%）的约1/100`,
  );
  await expect(status).toContainText(
    '单位可能有误：2023年约为96.5%，本次为0.97，像是把百分数写成了比例（97%应填97）',
  );
  await expect(status).toContainText('如有误，请直接改正或点“撤销”');
  await expect(await workbook.cell(PRESCHOOL, '2024年')).toHaveText('0.97%');
  // Moving on clears the notice; the corrected figure is not questioned.
  await workbook.typeInto(PRESCHOOL, '2024年', '97');
  await expect(await workbook.cell(PRESCHOOL, '2024年')).toHaveText('97%');
  await expect(page.locator('.status-bar')).not.toContainText('请核实');

  // Pasted from Excel, a ‰ figure written per 10,000: questioned the same way.
  await workbook.typeInto(INFANT, '2021年', '4.8');
  await workbook.select(INFANT, '2022年');
  await page.evaluate(() => navigator.clipboard.writeText('5.1\t46\n'));
  await page.keyboard.press('Control+v');
  await expect(await workbook.cell(INFANT, '2023年')).toHaveText('46‰');
  // Compared with the row as it was before the paste (2021), not with the figure pasted beside it.
  await expect(status).toContainText(`请核实 ${INFANT} 婴儿死亡率：2023年为46‰，是2021年（4.8‰）的约10倍`);
  await expect(status).toContainText('可能按万分率（每万人）填写了');

  // A row's first figure has no other year to go by: compared with the row's target (新生儿死亡率: 3‰).
  const NEONATAL = codeOf('新生儿死亡率');
  await workbook.typeInto(NEONATAL, '2025年', '150');
  await expect(await workbook.cell(NEONATAL, '2025年')).toHaveText('150‰');
  await expect(status).toContainText(`请核实 ${NEONATAL} 新生儿死亡率：2025年为150‰，是目标（3‰）的约50倍`);
  workbook.expectNoErrors();
});

test('search finds a row and the department filter narrows the grid', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('龋患率');
  await expect(page.locator('.hits')).toContainText('找到');
  // Every key went into the box (the grid selects the first hit without taking the keys).
  await expect(page.getByRole('searchbox')).toHaveValue('龋患率');
  await expect(page.getByRole('searchbox')).toBeFocused();
  // The row is brought into view, its name cell marked as found and selected.
  const caries = plan.indicators.find((r) => r.name.includes('龋患率'))!;
  const name = await workbook.cell(caries.code, '指标名称');
  await expect(name).toHaveClass(/htSearchResult/);
  await expect(page.locator('.status-bar')).toContainText(caries.code);
  // Found in the name (a frozen column), the grid keeps its years in view: typing “婴” found 规划原文 far right
  // first, and the grid stayed there for the name found at the last keystroke.
  await page.getByRole('searchbox').fill('');
  await page.keyboard.type('婴儿死亡率');
  await expect(page.locator('.status-bar')).toContainText(`${INFANT} 婴儿死亡率 · 指标名称`);
  await expect(page.locator('.ht_clone_top th', { hasText: '2020年（基期）' })).toBeInViewport();
  // Emptying the box removes the marks.
  await page.getByRole('searchbox').fill('');
  await expect(page.locator('.hits')).toHaveCount(0);
  await expect(page.locator('td.htSearchResult')).toHaveCount(0);
  const byDepartment = plan.indicators.filter((r) => r.department === '市教育局').length;
  await page.getByLabel('按责任单位筛选').selectOption('市教育局');
  await expect(workbook.counts()).toContainText(`当前显示 ${byDepartment} 项`);
  workbook.expectNoErrors();
});

test('撤销 of a filter puts the toolbar back with the grid, and the next 撤销 takes back the edit', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(INFANT, '2024年', '4.4');
  const undo = page.getByRole('button', { name: '撤销' });
  const health = plan.indicators.filter((r) => r.area === '儿童与健康').length;
  const byArea = page.getByLabel('按领域筛选');
  await byArea.selectOption('儿童与健康');
  await expect(workbook.counts()).toContainText(`当前显示 ${health} 项`);
  // (A filter is an undo step: Handsontable undoes an edit by its row on screen, so the view comes back first.)
  await undo.click();
  await expect(page.locator('.status-bar')).toContainText('已撤销筛选');
  // The 领域 box and the count show what the grid shows (they kept 儿童与健康 and 当前显示 27 项).
  await expect(byArea).toHaveValue('');
  await expect(workbook.counts()).not.toContainText('当前显示');
  await undo.click();
  await expect(await workbook.cell(INFANT, '2024年')).toHaveText('');
  // Redo brings the filter back, and the box with it.
  await page.getByRole('button', { name: '重做' }).click();
  await page.getByRole('button', { name: '重做' }).click();
  await expect(byArea).toHaveValue('儿童与健康');
  await expect(workbook.counts()).toContainText(`当前显示 ${health} 项`);
  workbook.expectNoErrors();
});

test('a 责任单位 not in the list is typed in and kept, as one of the list is', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.select(INFANT, '责任单位');
  await page.keyboard.press('Enter');
  const editor = page.locator('textarea.handsontableInput:focus');
  await expect(editor).toBeVisible();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('市妇幼保健院');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市妇幼保健院');
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await workbook.revealRow(INFANT);
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市妇幼保健院');
  // An office of the list typed whole is taken as it is, too.
  await workbook.select(INFANT, '责任单位');
  await page.keyboard.press('Enter');
  await expect(editor).toBeVisible();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('市教育局');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(INFANT, '责任单位')).toHaveText('▼市教育局');
  workbook.expectNoErrors();
});

test('the licence key is entered in the settings and kept', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '设置' }).click();
  const dialog = page.getByRole('dialog', { name: '设置' });
  // Named as what it is for a clerk who never heard of Handsontable: the key of the table component.
  const field = dialog.getByLabel('表格组件（Handsontable）许可证密钥');
  await expect(field).toHaveValue('non-commercial-and-evaluation');
  await field.fill('office-key-0000');
  await dialog.getByRole('button', { name: '保存' }).click();
  await workbook.waitForGrid();
  await page.getByRole('button', { name: '设置' }).click();
  await expect(
    page.getByRole('dialog', { name: '设置' }).getByLabel('表格组件（Handsontable）许可证密钥'),
  ).toHaveValue('office-key-0000');
  // An invalid key makes Handsontable print a licence notice; that is expected here, not a page error.
  workbook.expectNoErrors([/license|licence/i]);
});

test('thresholds typed as １％ or 0.4 % are saved as the shares they are; one that cannot be read is refused by name', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // 家庭教育工作经费投入 (to 提高): 100 → 101.5 万元 is 1.5 % a year — 需加快 while 预计达标 starts at 2 %.
  const funding = codeOf('家庭教育工作经费投入');
  await workbook.typeInto(funding, '2020年（基期）', '100');
  await workbook.typeInto(funding, '2021年', '101.5');
  await expect(await workbook.cell(funding, '状态')).toHaveText('需加快');
  await workbook.waitSaved();

  const open = async () => {
    await page.getByRole('button', { name: '设置', exact: true }).click();
    return page.getByRole('dialog', { name: '设置' });
  };
  let dialog = await open();
  const fast = () => dialog.getByLabel('方向性指标预计达标：年均变化不低于');
  const slow = () => dialog.getByLabel('方向性指标需加快：年均变化不低于');
  await fast().fill('1个点');
  await slow().fill('0.4%');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    '“方向性指标预计达标：年均变化不低于”填的“1个点”无法识别：请填写小数或百分数，如 0.02 或 2%。',
  );
  await expect(fast()).toHaveAttribute('aria-invalid', 'true');
  await expect(fast()).toBeFocused();
  // Refused: nothing saved, the other field typed alongside included.
  await dialog.getByRole('button', { name: '取消' }).click();
  dialog = await open();
  await expect(fast()).toHaveValue('0.02');
  await expect(slow()).toHaveValue('0.005');

  // Full-width, and with a space before the sign: read as 1 % and 0.4 %.
  await fast().fill('１％');
  await slow().fill('0.4 %');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.status-bar')).toContainText('设置已保存');
  await workbook.waitForGrid();
  await expect(await workbook.cell(funding, '状态')).toHaveText('预计达标');
  dialog = await open();
  await expect(fast()).toHaveValue('0.01');
  await expect(slow()).toHaveValue('0.004');
  workbook.expectNoErrors();
});

test('without IndexedDB the clerk is told and can still export what is on screen', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('无法使用浏览器的本地存储');
  await expect(workbook.saveState).toContainText('未保存');
  await workbook.typeInto(INFANT, '2021年', '4.6');
  const downloading = page.waitForEvent('download');
  await alert.getByRole('button', { name: '导出CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/全部指标_\d{4}-\d{2}-\d{2}\.csv$/);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('婴儿死亡率');
  expect(text).toMatch(new RegExp(`${INFANT},.*,4\\.6,`));
  workbook.expectNoErrors([/IndexedDB|blocked|SecurityError|MissingAPI/i]);
});

test('a value is still there after closing and reopening the browser with the same profile', async ({
  baseURL,
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'workbook-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: chromiumArgs,
      baseURL,
      viewport: { width: 1400, height: 900 },
    });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    let workbook = new WorkbookPage(page);
    await workbook.open();
    await workbook.typeInto(INFANT, '2025年', '3.8');
    await workbook.waitSaved();
    await context.close();

    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    workbook = new WorkbookPage(page);
    await workbook.open();
    await workbook.revealRow(INFANT);
    await expect(await workbook.cell(INFANT, '2025年')).toHaveText('3.8‰');
    workbook.expectNoErrors();
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

import { expect, test } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { WorkbookPage } from './workbook-page';

const plan = LANXI_2021_2025;
const codeOf = (name: string) => plan.indicators.find((r) => r.name === name)!.code;
const INFANT = codeOf('婴儿死亡率');
const VISITS = codeOf('新生儿访视率');
const NEONATAL = codeOf('新生儿死亡率');

/**
 * Pick from a dropdown cell's list, as a clerk does: open it with Enter and click the choice, scrolling the list
 * with the mouse wheel first when the choice is below its end (with 预警汇总 open the grid has a few rows, and 比较's
 * list of nine shows seven).
 */
async function choose(workbook: WorkbookPage, code: string, column: string, choice: string) {
  await workbook.select(code, column);
  await workbook.page.keyboard.press('Enter');
  const options = workbook.page.locator('.autocompleteEditor .htCore td');
  await expect(options.first()).toBeVisible();
  const option = options.filter({ hasText: new RegExp(`^${choice}$`) });
  if ((await option.count()) === 0) {
    await options.first().hover();
    await workbook.page.mouse.wheel(0, 400);
  }
  await option.click();
}

test('目标值 takes “4‰” on a ‰ row and shows its unit; a wrong unit is refused, and 目标 says it still uses the old target', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await expect(await workbook.cell(INFANT, '目标值')).toHaveText('5‰');

  await workbook.typeInto(INFANT, '目标值', '4‰');
  const value = await workbook.cell(INFANT, '目标值');
  await expect(value).toHaveText('4‰');
  await expect(value).not.toHaveClass(/cell-invalid/);
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('<4‰（以下）');
  // The editor opens on the plain number.
  await workbook.select(INFANT, '目标值');
  await page.keyboard.press('Enter');
  await expect(page.locator('textarea.handsontableInput:focus')).toHaveValue('4');
  await page.keyboard.press('Escape');

  // A percentage on a ‰ row: refused with the year cells' own message.
  await workbook.typeInto(INFANT, '2023年', '4%');
  const yearMessage = await (await workbook.cell(INFANT, '2023年')).getAttribute('title');
  expect(yearMessage).toContain('本行的单位是 ‰');
  await workbook.typeInto(INFANT, '目标值', '4%');
  await expect(await workbook.cell(INFANT, '目标值')).toHaveClass(/cell-invalid/);
  await expect(await workbook.cell(INFANT, '目标值')).toHaveAttribute('title', yearMessage!);
  // The target still in use is the last good one, and the 目标 cell says so.
  const target = await workbook.cell(INFANT, '目标');
  await expect(target).toHaveText('⚠ 目标值有误，仍按 <4‰（以下） 计算');
  await expect(target).toHaveClass(/cell-stale/);
  await expect(target).toHaveAttribute('title', /状态和与目标差距也仍按此计算/);
  // A definition slip is not saved (the row keeps its last good target): the status bar says so, since after a
  // reload the cell shows the old value again and the red mark is gone.
  await workbook.select(INFANT, '目标值');
  await expect(page.locator('.status-bar .cell-info')).toContainText('此格未保存');

  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(INFANT, '目标值')).toHaveText('4‰');
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('<4‰（以下）');
  await expect(await workbook.cell(INFANT, '目标')).not.toHaveClass(/cell-stale/);
  workbook.expectNoErrors();
});

test('a 目标类型 not in its list, typed or pasted, is said at once, marked and not saved; 撤销 never undoes an edit that changed nothing', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');
  const undo = page.getByRole('button', { name: '撤销', exact: true });

  // The list opened and closed on the kind it holds changes nothing: no step for 撤销.
  await workbook.select(INFANT, '目标类型');
  await page.keyboard.press('Enter');
  await expect(page.locator('.autocompleteEditor .htCore td').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(INFANT, '目标类型')).toHaveText('▼上限');
  await expect(undo).toBeDisabled();

  // A kind not in the list, typed as an input method gives it (the whole word at once): kept in view and
  // marked, said at once with what to choose, not saved; the target still in use is the last good one.
  await workbook.typeInto(INFANT, '目标类型', '上线');
  await expect(bar).toContainText(`${INFANT} 婴儿死亡率 目标类型：“上线”不是可用的目标类型`);
  await expect(bar).toContainText('上限、下限、左右');
  await expect(bar).toContainText('此格未保存');
  await expect(await workbook.cell(INFANT, '目标类型')).toHaveClass(/cell-invalid/);
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('⚠ 目标类型有误，仍按 <5‰（以下） 计算');
  // 撤销 takes back what was shown.
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(INFANT, '目标类型')).toHaveText('▼上限');
  await expect(await workbook.cell(INFANT, '目标类型')).not.toHaveClass(/cell-invalid/);
  await expect(undo).toBeDisabled();
  // A kind typed so is taken (the list's highlighted old kind was taken instead, and the word dropped unsaid).
  await workbook.typeInto(NEONATAL, '目标类型', '左右');
  await expect(await workbook.cell(NEONATAL, '目标类型')).toHaveText('▼左右');
  await expect(await workbook.cell(NEONATAL, '目标')).toHaveText('≈3‰（以下）');
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(NEONATAL, '目标类型')).toHaveText('▼上限');

  // Pasted from Excel: the same.
  await workbook.select(VISITS, '目标类型');
  await page.evaluate(() => navigator.clipboard.writeText('下线\n'));
  await page.keyboard.press('Control+v');
  await expect(await workbook.cell(VISITS, '目标类型')).toHaveClass(/cell-invalid/);
  await expect(bar).toContainText(`${VISITS} 新生儿访视率 目标类型：“下线”不是可用的目标类型`);
  await expect(bar).toContainText('此格未保存');

  workbook.expectNoErrors();
});

test('a base year after the target year and a share over 100 % are refused as the other definition slips, a far-off 目标值 is questioned; a reload shows what is saved', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');

  // A base year after the target year: refused as the other slips, naming both years and what to do; the
  // target year, which was not changed, is not said to be unsaved.
  await workbook.typeInto(INFANT, '基期年', '2026');
  await expect(bar).toContainText(
    `${INFANT} 婴儿死亡率 基期年、目标年：基期年（2026年）不早于目标年（2025年）：目标年应晚于基期年，请改正其中一个年份。刚填的基期年未保存`,
  );
  await expect(await workbook.cell(INFANT, '基期年')).toHaveClass(/cell-invalid/);
  await workbook.select(INFANT, '目标年');
  await expect(bar).not.toContainText('此格未保存');

  // A share over 100 %: refused, naming the field.
  await workbook.typeInto(VISITS, '目标值', '500');
  await expect(bar).toContainText(`${VISITS} 新生儿访视率 目标值：百分比应在 0 到 100 之间`);
  await expect(bar).toContainText('此格未保存');
  // 150‰ for an infant mortality whose target is 5‰: taken, and questioned as a figure is.
  await workbook.typeInto(NEONATAL, '目标值', '150');
  await expect(bar).toContainText(`请核实 ${NEONATAL} 新生儿死亡率：目标值为150‰，是原目标（3‰）的约50倍。`);
  await expect(await workbook.cell(NEONATAL, '目标')).toHaveText('<150‰（以下）');
  await page.keyboard.press('Control+z');
  await workbook.revealRow(NEONATAL);
  await expect(await workbook.cell(NEONATAL, '目标')).toHaveText('<3‰（以下）');

  // After a reload the slips are gone and the saved definition is shown, unmarked.
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await expect(await workbook.cell(INFANT, '基期年')).toHaveText('2020');
  await expect(await workbook.cell(INFANT, '基期年')).not.toHaveClass(/cell-invalid/);
  await expect(await workbook.cell(VISITS, '目标值')).toHaveText('90%');
  await expect(page.locator('.status-bar .counts')).not.toContainText('需更正');
  workbook.expectNoErrors();
});

test('choosing 全覆盖 makes the row “= 100%” as it is judged, in one undo step; 方向性 drops the value', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await expect(await workbook.cell(VISITS, '目标')).toHaveText('≥90%（保持在…以上）');

  await choose(workbook, VISITS, '目标类型', '全覆盖');
  await expect(await workbook.cell(VISITS, '目标类型')).toHaveText('▼全覆盖');
  await expect(await workbook.cell(VISITS, '比较')).toHaveText('▼=');
  await expect(await workbook.cell(VISITS, '目标值')).toHaveText('100%');
  await expect(await workbook.cell(VISITS, '目标')).toHaveText('=100%（保持在…以上）');

  // One undo takes back the kind and what came with it.
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(VISITS, '目标类型')).toHaveText('▼下限');
  await expect(await workbook.cell(VISITS, '比较')).toHaveText('▼≥');
  await expect(await workbook.cell(VISITS, '目标值')).toHaveText('90%');
  await expect(await workbook.cell(VISITS, '目标')).toHaveText('≥90%（保持在…以上）');

  await choose(workbook, VISITS, '目标类型', '方向性');
  await expect(await workbook.cell(VISITS, '比较')).toHaveText('▼↑');
  await expect(await workbook.cell(VISITS, '目标值')).toHaveText('');
  await expect(await workbook.cell(VISITS, '目标')).toHaveText('↑ 提高（保持在…以上）');
  await workbook.waitSaved();
  workbook.expectNoErrors();
});

test('the projection column’s header shows its year whole', async ({ page }) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.cell(INFANT, '预测2025年');
  const header = page.locator('.ht_clone_top thead th .colHeader', { hasText: '预测2025年' }).first();
  await expect(header).toBeVisible();
  const { scroll, client } = await header.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
  workbook.expectNoErrors();
});

test('a target typed into 目标 as the plan writes it fills the definition cells, in one undo step; an unreadable one changes nothing', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.typeInto(INFANT, '目标', '控制在4‰以下');
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('<4‰（控制在…以下）');
  await expect(await workbook.cell(INFANT, '目标值')).toHaveText('4‰');
  await expect(await workbook.cell(INFANT, '规划表述')).toHaveText('控制在…以下');
  await page.keyboard.press('Control+z');
  // Said as for a figure (the undo's return to the target's cell cleared it, as a move to another cell would).
  await expect(page.locator('.status-bar .cell-info')).toHaveText('已撤销修改。可点“重做”恢复。');
  // The history says so too (it read 撤销 alone: the target's cells are written after the undo has ended).
  await workbook.waitSaved();
  await page.getByRole('button', { name: '修改记录' }).click();
  const history = page.getByRole('dialog', { name: /修改记录/ });
  const undone = history
    .getByRole('table', { name: '修改记录' })
    .locator('tbody tr', { hasText: '控制在…以下' });
  await expect(undone.first()).toBeVisible();
  const sources = await undone.evaluateAll((rows) =>
    rows.map((row) => (row as HTMLTableRowElement).cells[4]?.textContent),
  );
  expect(new Set(sources)).toEqual(new Set(['录入', '撤销修改']));
  await page.keyboard.press('Escape');
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('<5‰（以下）');
  await expect(await workbook.cell(INFANT, '规划表述')).toHaveText('以下');

  // A rate in %: a band target with its kind.
  await workbook.typeInto(VISITS, '目标', '保持在95%左右');
  await expect(await workbook.cell(VISITS, '目标')).toHaveText('≈95%（保持在…左右）');
  await expect(await workbook.cell(VISITS, '目标类型')).toHaveText('▼左右');

  // Words the workbook cannot read as a target: the editor stays open on them, the status bar says why and
  // how, and Escape leaves the target as it was.
  await workbook.typeInto(INFANT, '目标', '越低越好');
  await expect(page.locator('textarea.handsontableInput:focus')).toHaveValue('越低越好');
  await expect(page.locator('.status-bar')).toContainText(`${INFANT} 目标未改`);
  await expect(page.locator('.status-bar')).toContainText('控制在');
  await page.keyboard.press('Escape');
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('<5‰（以下）');
  // The refused text left no step behind: the next 撤销 undoes the band target typed before it.
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(VISITS, '目标')).toHaveText('≥90%（保持在…以上）');
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('<5‰（以下）');
  // A yearly change counted from a year the plan names: that year becomes the row's base year, in the same step.
  const HEALTH = codeOf('0-6岁儿童健康管理率');
  await workbook.typeInto(HEALTH, '目标', '在2019年基础上每年提高1个百分点');
  await expect(await workbook.cell(HEALTH, '目标')).toHaveText('每年提高1个百分点');
  await expect(await workbook.cell(HEALTH, '基期年')).toHaveText('2019');
  workbook.expectNoErrors();
});

test('不升: a flat 儿童超重（肥胖）率 is 预计达标, not 停滞, and not in 预警汇总; 比较 switches a ↓ row to 不升', async ({
  page,
}) => {
  const OBESITY = codeOf('儿童超重（肥胖）率');
  const JUVENILE = codeOf('未成年人罪犯占同期犯罪人数的比例');
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await expect(await workbook.cell(OBESITY, '目标')).toHaveText('不升（上升趋势得到有效控制）');
  // Shown whole at the column's default width (its closing bracket was cut off), as is every 目标 in view.
  const targetColumn = workbook.columnIndex('目标') + 2;
  const clipped = await page
    .locator(`.ht_master tbody td[aria-colindex="${targetColumn}"]`)
    .evaluateAll((cells) =>
      cells
        .filter((td) => td.scrollWidth > td.clientWidth || td.scrollHeight > td.clientHeight)
        .map((td) => td.textContent),
    );
  expect(clipped).toEqual([]);
  expect(await page.locator(`.ht_master tbody td[aria-colindex="${targetColumn}"]`).count()).toBeGreaterThan(
    10,
  );
  await expect(await workbook.cell(OBESITY, '比较')).toHaveText('▼不升');

  // The same flat figures on the 不升 row and on a ↓ row (得到有效控制, which asks for a fall).
  const flat: [string, string][] = [
    ['2020年（基期）', '15'],
    ['2021年', '15.1'],
    ['2022年', '15'],
    ['2023年', '15'],
  ];
  for (const code of [OBESITY, JUVENILE])
    for (const [column, value] of flat) await workbook.typeInto(code, column, value);
  await workbook.revealRow(OBESITY);
  await expect(await workbook.cell(OBESITY, '状态')).toHaveText('预计达标');
  await workbook.revealRow(JUVENILE);
  await expect(await workbook.cell(JUVENILE, '状态')).toHaveText('停滞');

  // The row panel says what was judged.
  await workbook.select(OBESITY, '指标名称');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel.locator('.explanation')).toHaveText(
    '按趋势，年均变化 −0.07%，未呈上升趋势（不升：年均上升不超过 0.5% 为预计达标）：预计达标。',
  );

  // 预警汇总 lists the stagnant ↓ row, not the flat 不升 one.
  await page.getByRole('button', { name: '预警汇总' }).click();
  const warnings = page.getByRole('table', { name: '需关注的指标' });
  await expect(warnings).toContainText(JUVENILE);
  await expect(warnings).not.toContainText(OBESITY);

  // A clerk switches the ↓ row to 不升 in 比较: judged as not rising at once, its target reads so; 撤销 undoes it.
  await choose(workbook, JUVENILE, '比较', '不升');
  await expect(await workbook.cell(JUVENILE, '比较')).toHaveText('▼不升');
  await expect(await workbook.cell(JUVENILE, '目标')).toHaveText('不升（得到有效控制）');
  await expect(await workbook.cell(JUVENILE, '状态')).toHaveText('预计达标');
  await expect(page.getByRole('region', { name: '预警汇总' })).toContainText('没有需要关注的指标。');
  await page.keyboard.press('Control+z');
  await expect(await workbook.cell(JUVENILE, '比较')).toHaveText('▼↓');
  await expect(await workbook.cell(JUVENILE, '状态')).toHaveText('停滞');
  await workbook.waitSaved();
  workbook.expectNoErrors();
});

test('不升 chosen in 比较 on a 上限 row: 目标 shows the bound it is judged by, reads back, and the panel says why', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await choose(workbook, INFANT, '比较', '不升');
  await expect(await workbook.cell(INFANT, '比较')).toHaveText('▼不升');
  // It read 不升5‰（以下）, which typed into 目标 was refused.
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('<5‰（以下）');
  await workbook.select(INFANT, '指标名称');
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel.locator('.mismatch')).toHaveText(
    '⚠ 比较方式“不升”与目标类型“上限”不一致，按目标值判断：<5‰（以下）。可在“比较”中改选“<”，或在“目标”中重填。',
  );
  // What 目标 shows reads back when typed: copied to another ‰ row it is that row's target now, and typed on the
  // row itself it sets 比较 to the sign shown; the note is gone.
  await workbook.typeInto(NEONATAL, '目标', '<5‰（以下）');
  await expect(await workbook.cell(NEONATAL, '目标')).toHaveText('<5‰（以下）');
  await expect(await workbook.cell(NEONATAL, '目标值')).toHaveText('5‰');
  await workbook.typeInto(INFANT, '目标', '<5‰（以下）');
  await expect(await workbook.cell(INFANT, '比较')).toHaveText('▼<');
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('<5‰（以下）');
  await workbook.select(INFANT, '指标名称');
  await expect(panel.locator('.explanation')).toBeVisible();
  await expect(panel.locator('.mismatch')).toHaveCount(0);
  await workbook.waitSaved();
  workbook.expectNoErrors();
});

test('比较 lists every comparator as it reads, “<” too; “<” is chosen with the keyboard, the mouse, or typed', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // 5‰ in the target year: under “<5‰” it misses, under “≤5‰” it meets — the status shows which one is stored.
  await workbook.typeInto(INFANT, '2020年（基期）', '6');
  await workbook.typeInto(INFANT, '2025年', '5');
  await expect(await workbook.cell(INFANT, '状态')).toHaveText('未达标');

  await choose(workbook, INFANT, '比较', '≤');
  await expect(await workbook.cell(INFANT, '比较')).toHaveText('▼≤');
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('≤5‰（以下）');
  await expect(await workbook.cell(INFANT, '状态')).toHaveText('达标');

  // The list shows each choice as its text; “<” was an empty entry (taken for the start of an HTML tag).
  await workbook.select(INFANT, '比较');
  await page.keyboard.press('Enter');
  const list = page.locator('.autocompleteEditor .htCore td');
  await expect(list).toHaveText(['<', '≤', '≥', '>', '≈', '=', '↓', '↑', '不升']);
  // Keyboard: the list opens on the cell's “≤”; “<” is the entry above it.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(INFANT, '比较')).toHaveText('▼<');
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('<5‰（以下）');
  await expect(await workbook.cell(INFANT, '状态')).toHaveText('未达标');

  // Mouse.
  await choose(workbook, INFANT, '比较', '≤');
  await expect(await workbook.cell(INFANT, '状态')).toHaveText('达标');
  await choose(workbook, INFANT, '比较', '<');
  await expect(await workbook.cell(INFANT, '比较')).toHaveText('▼<');
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('<5‰（以下）');
  await expect(await workbook.cell(INFANT, '状态')).toHaveText('未达标');

  // Typed.
  await choose(workbook, INFANT, '比较', '≤');
  await expect(await workbook.cell(INFANT, '状态')).toHaveText('达标');
  // Typed over the selected cell, key by key as a clerk types (Enter took the list's highlighted “≤”).
  await workbook.select(INFANT, '比较');
  await page.keyboard.type('<');
  await page.keyboard.press('Enter');
  await expect(await workbook.cell(INFANT, '比较')).toHaveText('▼<');
  await expect(await workbook.cell(INFANT, '比较')).not.toHaveClass(/cell-invalid/);
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('<5‰（以下）');
  await expect(await workbook.cell(INFANT, '状态')).toHaveText('未达标');
  await workbook.waitSaved();
  workbook.expectNoErrors();
});

test('比较 chosen with the mouse, its cell clicked again at once: Enter opens the list on the same row, and a comparator typed over it is all the cell holds', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const cell = await workbook.cell(INFANT, '比较');
  const where = page.locator('.status-bar .cell-info');
  const onInfant = new RegExp(`^${INFANT} .* · 比较`);
  const entry = (choice: string) =>
    page.locator('.autocompleteEditor .htCore td').filter({ hasText: new RegExp(`^${choice}$`) });
  const box = (await cell.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // Click the cell, Enter, click “≤” in its list, click the cell again: as quickly as a clerk who knows the list.
  // Two single clicks on one cell half a second apart are not a double click when another click came between.
  const chooseLessOrEqualAndClickBack = async () => {
    await page.mouse.click(x, y);
    await page.keyboard.press('Enter');
    const choice = (await entry('≤').boundingBox())!;
    await page.mouse.click(choice.x + choice.width / 2, choice.y + choice.height / 2);
    await page.mouse.click(x, y);
  };

  await chooseLessOrEqualAndClickBack();
  await expect(cell).toHaveText('▼≤');
  await expect(where).toContainText(onInfant);
  await page.keyboard.press('Enter');
  await expect(entry('<')).toBeVisible();
  await expect(where).toContainText(onInfant);
  await entry('<').click();
  await expect(cell).toHaveText('▼<');

  await chooseLessOrEqualAndClickBack();
  await expect(cell).toHaveText('▼≤');
  await page.keyboard.type('<');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveText('▼<');
  await expect(await workbook.cell(INFANT, '目标')).toHaveText('<5‰（以下）');

  // A double click still opens the list.
  await (await workbook.cell(INFANT, '比较')).dblclick();
  await expect(entry('≤')).toBeVisible();
  await expect(where).toContainText(onInfant);
  await page.keyboard.press('Escape');
  await expect(cell).toHaveText('▼<');
  await workbook.waitSaved();
  workbook.expectNoErrors();
});

test('a 领域 not in its list is said at once, counted among the cells to correct, and not saved', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');

  await workbook.typeInto(INFANT, '领域', '儿童与健壮');
  await expect(bar).toContainText(
    `${INFANT} 婴儿死亡率 领域：“儿童与健壮”不是可用的领域：请从下拉列表中选择`,
  );
  await expect(bar).toContainText('此格未保存');
  await expect(await workbook.cell(INFANT, '领域')).toHaveClass(/cell-invalid/);
  await expect(workbook.counts()).toContainText('1 处需更正');

  // Nothing of it was saved: after a reload the row is in its area again, unmarked.
  await workbook.waitSaved();
  await page.reload();
  await workbook.waitForGrid();
  await expect(await workbook.cell(INFANT, '领域')).toHaveText(/儿童与健康/);
  await expect(await workbook.cell(INFANT, '领域')).not.toHaveClass(/cell-invalid/);
  await expect(workbook.counts()).not.toContainText('需更正');
  workbook.expectNoErrors();
});

test('a period back to front is one slip: said once naming both years, counted once', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');

  await workbook.typeInto(INFANT, '基期年', '2026');
  await expect(bar).toContainText(
    `${INFANT} 婴儿死亡率 基期年、目标年：基期年（2026年）不早于目标年（2025年）：目标年应晚于基期年，请改正其中一个年份。` +
      '刚填的基期年未保存，目标年不变',
  );
  // Both years are marked, as the slip is between them; it is one thing to correct.
  await expect(await workbook.cell(INFANT, '基期年')).toHaveClass(/cell-invalid/);
  await expect(await workbook.cell(INFANT, '目标年')).toHaveClass(/cell-invalid/);
  await expect(workbook.counts()).toContainText('1 处需更正');

  // Both years pasted back to front from Excel: still one slip of that row, said once, both years unsaved.
  await workbook.select(VISITS, '基期年');
  await page.evaluate(() => navigator.clipboard.writeText('2027\t2026\n'));
  await page.keyboard.press('Control+v');
  await expect(bar).toContainText(
    `${VISITS} 新生儿访视率 基期年、目标年：基期年（2027年）不早于目标年（2026年）：目标年应晚于基期年，请改正其中一个年份。` +
      '刚填的基期年、目标年未保存',
  );
  await expect(bar).not.toContainText('本次共有');
  await expect(workbook.counts()).toContainText('2 处需更正');
  workbook.expectNoErrors();
});

test('a 每年变化 beyond the range of its unit is taken and questioned (请核实), as a far-off 目标值 is', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');
  const MYOPIA = codeOf('儿童青少年总体近视率');

  await workbook.typeInto(MYOPIA, '每年变化', '-30');
  await expect(bar).toContainText(
    `请核实 ${MYOPIA} 儿童青少年总体近视率：每年变化为每年降低30个百分点，2018—2025年共7年累计降低210个百分点，` +
      '超过百分比的全部范围（0—100%）。',
  );
  await expect(bar).toContainText('每年变化已填入');
  await expect(await workbook.cell(MYOPIA, '每年变化')).not.toHaveClass(/cell-invalid/);

  // A rate per 100,000 above 100,000 is more than every child: refused, as a share over 100 % is.
  const INJURY = codeOf('儿童意外伤害死亡率');
  await workbook.typeInto(INJURY, '2023年', '120000');
  await expect(await workbook.cell(INJURY, '2023年')).toHaveClass(/cell-invalid/);
  await workbook.select(INJURY, '2023年');
  await expect(bar).toContainText('应在 0 到 100000 之间（多于 100000 即超过 100%）');
  workbook.expectNoErrors();
});

test('a 每年变化 typed into 目标 with its base year (在2018年基础上…) is checked against that base year, not the old one', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');
  await expect(await workbook.cell(VISITS, '基期年')).toHaveText('2020');

  // 15 points a year: 75 over the old 2020—2025, within 0—100%; 105 over 2018—2025, the period the text sets.
  await workbook.typeInto(VISITS, '目标', '在2018年基础上每年降低15个百分点');
  await expect(await workbook.cell(VISITS, '基期年')).toHaveText('2018');
  await expect(bar).toContainText(
    `请核实 ${VISITS} 新生儿访视率：每年变化为每年降低15个百分点，2018—2025年共7年累计降低105个百分点，` +
      '超过百分比的全部范围（0—100%）。',
  );
  await expect(bar).toContainText('每年变化已填入');
  workbook.expectNoErrors();
});

test('a question (请核实) is said after Enter however long the grid takes to move on (a busy machine)', async ({
  page,
}) => {
  // Over a second between any two looks at the clock, once asked: the question was said again after the move that
  // ends the edit only within a second of the edit, and a busy machine's move (after the 目标 cell's check, a later
  // task) came too late, clearing the status bar with nothing said.
  await page.addInitScript(() => {
    const now = Date.now.bind(Date);
    let slow = 0;
    Date.now = () => now() + ((window as { busyMachine?: boolean }).busyMachine ? (slow += 1100) : slow);
  });
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const bar = page.locator('.status-bar');
  await workbook.select(VISITS, '目标');
  await page.evaluate(() => ((window as { busyMachine?: boolean }).busyMachine = true));
  await workbook.typeInto(VISITS, '目标', '在2018年基础上每年降低15个百分点');
  await expect(await workbook.cell(VISITS, '基期年')).toHaveText('2018');
  await expect(bar).toContainText(`请核实 ${VISITS} 新生儿访视率：每年变化为每年降低15个百分点`);
  await expect(bar).toContainText('每年变化已填入');
  // A later move of the clerk's own says it no more.
  await workbook.select(INFANT, '2021年');
  await expect(bar).not.toContainText('请核实');
  await workbook.select(VISITS, '目标');
  await expect(bar).not.toContainText('请核实');
  workbook.expectNoErrors();
});

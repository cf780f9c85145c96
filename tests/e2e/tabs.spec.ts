import { expect, test, type BrowserContext } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { WorkbookPage } from './workbook-page';

const INFANT = LANXI_2021_2025.indicators.find((r) => r.name === '婴儿死亡率')!;
const NEONATAL = LANXI_2021_2025.indicators.find((r) => r.name === '新生儿死亡率')!;

/** An init script: the page hears other tabs' saves only when the test calls releaseMessages() (a tab asleep). */
const holdMessages = () => {
  const held: (() => void)[] = [];
  const w = window as unknown as { releaseMessages: () => void; holding: boolean };
  w.holding = true;
  w.releaseMessages = () => {
    w.holding = false;
    held.splice(0).forEach((deliver) => deliver());
  };
  const Real = window.BroadcastChannel;
  window.BroadcastChannel = class extends Real {
    set onmessage(handler: ((event: MessageEvent) => void) | null) {
      super.onmessage = (event: MessageEvent) => {
        if (w.holding) held.push(() => handler?.(event));
        else handler?.(event);
      };
    }
  };
};

test('two tabs on one workbook: an edit in one shows in the other, and no write is lost', async ({
  context,
}) => {
  const first = new WorkbookPage(await context.newPage());
  const second = new WorkbookPage(await context.newPage());
  await first.open();
  await second.open();

  // The second tab shows what the first saved, without a reload.
  await first.typeInto(INFANT.code, '2021年', '4.6');
  await first.waitSaved();
  await expect(second.page.locator('.status-bar .cell-info')).toContainText('已同步到本页');
  await second.revealRow(INFANT.code);
  await expect(await second.cell(INFANT.code, '2021年')).toHaveText('4.6‰');

  // Both tabs edit other cells of the same row and of another row: every value survives in both tabs.
  await second.typeInto(INFANT.code, '2022年', '4.5');
  await first.typeInto(NEONATAL.code, '2021年', '2.1');
  await first.typeInto(INFANT.code, '2023年', '4.3');
  await first.waitSaved();
  await second.waitSaved();
  for (const tab of [first, second]) {
    await tab.revealRow(INFANT.code);
    await expect(await tab.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
    await expect(await tab.cell(INFANT.code, '2022年')).toHaveText('4.5‰');
    await expect(await tab.cell(INFANT.code, '2023年')).toHaveText('4.3‰');
    await tab.revealRow(NEONATAL.code);
    await expect(await tab.cell(NEONATAL.code, '2021年')).toHaveText('2.1‰');
  }

  // The first tab types over a figure the second shows: the second shows the new figure, not the old one.
  await first.typeInto(INFANT.code, '2021年', '4.4');
  await first.waitSaved();
  await expect(second.page.locator('.status-bar .cell-info')).toContainText('已同步到本页（1 项指标）');
  await second.revealRow(INFANT.code);
  await expect(await second.cell(INFANT.code, '2021年')).toHaveText('4.4‰');

  // After a reload (what is stored), nothing is lost either.
  await second.page.reload();
  await second.waitForGrid();
  await second.revealRow(INFANT.code);
  await expect(await second.cell(INFANT.code, '2021年')).toHaveText('4.4‰');
  await expect(await second.cell(INFANT.code, '2022年')).toHaveText('4.5‰');
  await expect(await second.cell(INFANT.code, '2023年')).toHaveText('4.3‰');

  // A row added in one tab appears in the other.
  await first.more('新增指标');
  await first.waitSaved();
  await expect(second.counts()).toContainText(`共 ${LANXI_2021_2025.indicators.length + 1} 项指标`);
  first.expectNoErrors();
  second.expectNoErrors();
});

test('two tabs change the same cell: the later save wins, the clerk is told, both values are in the history', async ({
  context,
}) => {
  const first = new WorkbookPage(await context.newPage());
  const secondPage = await context.newPage();
  // The second tab never hears of the first tab's saves (a browser without BroadcastChannel, or a tab that
  // was asleep): it edits a cell the first tab changed, unawares.
  await secondPage.addInitScript(() => {
    delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
  });
  const second = new WorkbookPage(secondPage);
  await first.open();
  await second.open();
  await first.typeInto(INFANT.code, '2021年', '4.6');
  await first.waitSaved();
  await second.typeInto(INFANT.code, '2021年', '4.7');
  await second.waitSaved();
  const warning = second.page.getByRole('alert');
  await expect(warning).toContainText('两个窗口改了同一单元格');
  await expect(warning).toContainText(
    `${INFANT.code} ${INFANT.name} 2021年：另一窗口的“4.6‰”被本窗口的“4.7‰”替换`,
  );
  await warning.getByRole('button', { name: '知道了' }).click();
  await expect(warning).toHaveCount(0);
  // The second tab cannot announce its save either: the first sees it after a reload.
  await first.page.reload();
  await first.waitForGrid();
  await first.revealRow(INFANT.code);
  await expect(await first.cell(INFANT.code, '2021年')).toHaveText('4.7‰');

  await (await second.cell(INFANT.code, '指标名称')).click();
  await second.page.getByRole('button', { name: '修改记录' }).click();
  const history = second.page.getByRole('table', { name: '修改记录' });
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expect(history.locator('tbody tr').nth(0)).toContainText('4.6‰');
  await expect(history.locator('tbody tr').nth(0)).toContainText('4.7‰');
  await expect(history.locator('tbody tr').nth(1)).toContainText('（空）');
  first.expectNoErrors();
  second.expectNoErrors();
});

test('what a clerk is typing is kept when the other tab saves meanwhile', async ({ context }) => {
  // The second tab has an editor open with text typed, not yet entered.
  const { first, second, editor } = await typingInSecondTab(context);

  // The first tab saves a value in another row; the second tab takes it in (and says so) while the editor is open.
  await first.typeInto(INFANT.code, '2023年', '4.3');
  await first.waitSaved();
  await expect(second.page.locator('.status-bar .cell-info')).toContainText('已同步到本页');
  await expect(editor).toHaveValue('2.65');

  await editor.press('Enter');
  await expect(await second.cell(NEONATAL.code, '2023年')).toHaveText('2.65‰');
  await second.waitSaved();
  await second.revealRow(INFANT.code);
  await expect(await second.cell(INFANT.code, '2023年')).toHaveText('4.3‰');
  first.expectNoErrors();
  second.expectNoErrors();
});

test('a value the other tab saved into the very cell being typed in is not replaced unseen', async ({
  context,
}) => {
  const { first, second, editor } = await typingInSecondTab(context);

  // Meanwhile the first tab saves 2.5 into that same cell.
  await first.typeInto(NEONATAL.code, '2023年', '2.5');
  await first.waitSaved();
  await expect(second.page.locator('.status-bar .cell-info')).toContainText('已同步到本页');
  await expect(editor).toHaveValue('2.65');

  // Entered: the clerk's value stands, and the clerk is told what it replaced; 撤销 brings the other back.
  await editor.press('Enter');
  await expect(second.page.getByRole('alert')).toContainText(
    `另一个窗口（标签页）把 ${NEONATAL.code} ${NEONATAL.name} 2023年 改为了“2.5”；您输入的“2.65”已替换它`,
  );
  await expect(await second.cell(NEONATAL.code, '2023年')).toHaveText('2.65‰');
  await second.page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(await second.cell(NEONATAL.code, '2023年')).toHaveText('2.5‰');
  await second.waitSaved();
  first.expectNoErrors();
  second.expectNoErrors();
});

/** Two tabs on the workbook; in the second, 2.65 typed into NEONATAL 2023 with the editor still open. */
async function typingInSecondTab(context: BrowserContext) {
  const first = new WorkbookPage(await context.newPage());
  const second = new WorkbookPage(await context.newPage());
  await first.open();
  await second.open();
  await second.select(NEONATAL.code, '2023年');
  await second.page.keyboard.press('Enter');
  const editor = second.page.locator('textarea.handsontableInput:focus');
  await editor.fill('2.65');
  return { first, second, editor };
}

/** The base year's column, as the grid titles it. */
const BASE_YEAR = '2020年（基期）';
const PNEUMONIA = LANXI_2021_2025.indicators.find((r) => r.code === 'H09')!;
const STUNTING = LANXI_2021_2025.indicators.find((r) => r.code === 'H08')!;
const CARIES = LANXI_2021_2025.indicators.find((r) => r.code === 'H13')!;

test('an undo never takes back a figure the other tab saved since', async ({ context }) => {
  const first = new WorkbookPage(await context.newPage());
  const second = new WorkbookPage(await context.newPage());
  await first.open();
  await second.open();
  const undoButton = first.page.getByRole('button', { name: '撤销', exact: true });

  await first.typeInto(PNEUMONIA.code, BASE_YEAR, '5');
  await first.waitSaved();
  await expect(undoButton).toBeEnabled();
  await second.revealRow(PNEUMONIA.code);
  await expect(await second.cell(PNEUMONIA.code, BASE_YEAR)).toHaveText('5%');
  await second.typeInto(PNEUMONIA.code, BASE_YEAR, '6');
  await second.waitSaved();

  // The first tab takes the 6 in; its undo of the 5 would now wipe it: the undo record goes, and it says so.
  const info = first.page.locator('.status-bar .cell-info');
  await expect(info).toContainText('已同步到本页');
  await expect(info).toContainText(`另一窗口修改了 ${PNEUMONIA.code}`);
  await expect(info).toContainText('本页的撤销记录已清空，以免撤销覆盖另一窗口的修改');
  await expect(undoButton).toBeDisabled();
  await expect(await first.cell(PNEUMONIA.code, BASE_YEAR)).toHaveText('6%');
  // Ctrl+Z in the grid changes nothing either.
  await first.select(PNEUMONIA.code, BASE_YEAR);
  await first.page.keyboard.press('Control+z');
  await expect(await first.cell(PNEUMONIA.code, BASE_YEAR)).toHaveText('6%');
  await first.waitSaved();
  await second.page.reload();
  await second.waitForGrid();
  await second.revealRow(PNEUMONIA.code);
  await expect(await second.cell(PNEUMONIA.code, BASE_YEAR)).toHaveText('6%');

  // The other tab changing another row leaves this tab's undo as it was.
  await first.typeInto(PNEUMONIA.code, '2021年', '7');
  await first.waitSaved();
  await second.typeInto(CARIES.code, '2021年', '20');
  await second.waitSaved();
  await expect(info).toContainText('已同步到本页');
  await expect(info).not.toContainText('撤销记录已清空');
  await expect(undoButton).toBeEnabled();
  await undoButton.click();
  await first.revealRow(PNEUMONIA.code);
  await expect(await first.cell(PNEUMONIA.code, '2021年')).toHaveText('');
  await expect(await first.cell(PNEUMONIA.code, BASE_YEAR)).toHaveText('6%');
  await first.revealRow(CARIES.code);
  await expect(await first.cell(CARIES.code, '2021年')).toHaveText('20%');
  first.expectNoErrors();
  second.expectNoErrors();
});

test('a figure being typed in a row the other tab deletes is not lost unsaid', async ({ context }) => {
  const first = new WorkbookPage(await context.newPage());
  const second = new WorkbookPage(await context.newPage());
  await first.open();
  await second.open();
  await second.select(CARIES.code, BASE_YEAR);
  await second.page.keyboard.press('Enter');
  const editor = second.page.locator('textarea.handsontableInput:focus');
  await editor.fill('24');

  await (await first.cell(CARIES.code, '指标名称')).click();
  await first.more('删除所选指标');
  await first.page.getByRole('dialog').getByRole('button', { name: /删除/ }).click();
  await first.waitSaved();
  await expect(second.counts()).toContainText(`共 ${LANXI_2021_2025.indicators.length - 1} 项指标`);

  // The clerk is told what was typed, that it was not saved, and what to do.
  const warning = second.page.getByRole('alert');
  await expect(warning).toContainText(`另一个窗口（标签页）删除了指标 ${CARIES.code} ${CARIES.name}`);
  await expect(warning).toContainText(`您在 ${BASE_YEAR} 输入的“24”没有保存`);
  await expect(warning).toContainText('如需保留，请在另一窗口撤销删除，或新增指标后重新填写');
  // Enter (or typing on) writes nothing into the row that took the deleted one's place.
  await second.page.keyboard.press('Enter');
  const next = LANXI_2021_2025.indicators[LANXI_2021_2025.indicators.indexOf(CARIES) + 1]!;
  await second.revealRow(next.code);
  await expect(await second.cell(next.code, BASE_YEAR)).toHaveText('');
  await expect(second.row(CARIES.code)).toHaveCount(0);
  await second.waitSaved();
  first.expectNoErrors();
  second.expectNoErrors();
});

test('the tab whose figure lost a same-cell race is told too', async ({ context }) => {
  // The first tab hears of the second's save only when the test lets it: both save the cell "at once".
  const firstPage = await context.newPage();
  await firstPage.addInitScript(holdMessages);
  const first = new WorkbookPage(firstPage);
  const second = new WorkbookPage(await context.newPage());
  await first.open();
  await second.open();

  await second.typeInto(STUNTING.code, '2022年', '3.4');
  await second.waitSaved();
  await first.typeInto(STUNTING.code, '2022年', '3.5');
  await first.waitSaved();
  await expect(first.page.getByRole('alert')).toContainText(
    `${STUNTING.code} ${STUNTING.name} 2022年：另一窗口的“3.4%”被本窗口的“3.5%”替换`,
  );

  // The second tab shows 3.5, and is told its 3.4 was replaced, so the clerk can check which is right.
  await expect(await second.cell(STUNTING.code, '2022年')).toHaveText('3.5%');
  const warning = second.page.getByRole('alert');
  await expect(warning).toContainText('两个窗口改了同一单元格');
  await expect(warning).toContainText(
    `${STUNTING.code} ${STUNTING.name} 2022年：本窗口的“3.4%”被另一窗口的“3.5%”替换`,
  );
  await firstPage.evaluate(() => (window as unknown as { releaseMessages: () => void }).releaseMessages());
  await expect(await first.cell(STUNTING.code, '2022年')).toHaveText('3.5%');
  first.expectNoErrors();
  second.expectNoErrors();
});

test('a workbook deleted for good in another tab: the clerk is told, and what the page holds is kept as a new workbook', async ({
  context,
}) => {
  const first = new WorkbookPage(await context.newPage());
  const second = new WorkbookPage(await context.newPage());
  const prompts: string[] = [];
  for (const tab of [first, second])
    tab.page.on('dialog', (dialog) => {
      prompts.push(`${dialog.type()}: ${dialog.message()}`);
      // Leaving a page whose edits could not be saved: the clerk stays.
      void (dialog.type() === 'beforeunload' ? dialog.dismiss() : dialog.accept());
    });
  await first.open();
  await second.open();
  // The second tab makes a copy of the plan and works in it.
  await second.page.getByRole('button', { name: '工作簿', exact: true }).click();
  const list = second.page.getByRole('dialog', { name: '工作簿' }).getByRole('table', { name: '工作簿列表' });
  await list.getByRole('button', { name: '复制' }).click();
  await list
    .getByRole('row', { name: /（副本）/ })
    .getByRole('button', { name: '打开' })
    .click();
  await expect(second.page).toHaveURL(/\?workbook=wb-/);
  await second.waitForGrid();
  const title = `${LANXI_2021_2025.title}（副本）`;
  await expect(second.page.getByRole('heading', { level: 1 })).toHaveText(title);
  await second.typeInto(INFANT.code, '2021年', '4.6');
  await second.waitSaved();

  // The first tab deletes the copy, then deletes it for good.
  await first.page.getByRole('button', { name: '工作簿' }).click();
  const dialog = first.page.getByRole('dialog', { name: '工作簿' });
  await dialog
    .getByRole('row', { name: /（副本）/ })
    .getByRole('button', { name: '删除' })
    .click();
  await first.page
    .getByRole('dialog', { name: '删除工作簿' })
    .getByRole('button', { name: '删除', exact: true })
    .click();
  // Moved to 已删除: the second tab, still saving into it, is told it is no longer listed and how to bring it back.
  await expect(second.page.locator('.status-bar')).toContainText(
    '此工作簿已在另一个窗口（标签页）中被删除（移到了“已删除”）',
  );
  await expect(second.page.locator('.status-bar')).toContainText('“工作簿”→“已删除”中恢复');
  await dialog
    .getByRole('list', { name: '已删除的工作簿' })
    .getByRole('listitem')
    .filter({ hasText: '（副本）' })
    .getByRole('button', { name: '永久删除' })
    .click();
  await first.page
    .getByRole('dialog', { name: '永久删除工作簿' })
    .getByRole('button', { name: '永久删除', exact: true })
    .click();
  await expect(dialog.getByRole('list', { name: '已删除的工作簿' })).toHaveCount(0);

  // The second tab is told at once, in Chinese, with what it can do.
  const banner = second.page.locator('.banner.error');
  await expect(banner).toContainText('此工作簿已在另一个窗口（标签页）中被永久删除');
  await expect(banner.getByRole('button', { name: '另存为新工作簿' })).toBeVisible();
  await expect(banner.getByRole('button', { name: '导出CSV' })).toBeVisible();
  // A figure typed now cannot be saved into it: said, and kept on screen.
  await second.typeInto(INFANT.code, '2022年', '4.5');
  await expect(second.saveState).toHaveAttribute('data-state', 'error');
  await expect(banner).toContainText('永久删除');
  await expect(await second.cell(INFANT.code, '2022年')).toHaveText('4.5‰');

  // Opening another workbook now is asked about (the figure would be lost); the clerk stays, and the dialog
  // still works: asked again on a second try.
  await second.page.getByRole('button', { name: '工作簿', exact: true }).click();
  const openPlan = second.page
    .getByRole('dialog', { name: '工作簿' })
    .getByRole('row', { name: new RegExp(LANXI_2021_2025.title) })
    .first()
    .getByRole('button', { name: '打开' });
  await openPlan.click();
  await expect.poll(() => prompts.filter((p) => p.startsWith('beforeunload')).length).toBe(1);
  await openPlan.click();
  await expect.poll(() => prompts.filter((p) => p.startsWith('beforeunload')).length).toBe(2);
  await second.page.keyboard.press('Escape');
  await expect(second.page.getByRole('dialog', { name: '工作簿' })).toHaveCount(0);
  prompts.splice(0, prompts.length, ...prompts.filter((p) => !p.startsWith('beforeunload')));

  // 另存为新工作簿: everything the page held, the unsaved figure included, is stored again and opened. A double
  // click (a clerk's habit) makes one new workbook, not two of one name.
  await banner.getByRole('button', { name: '另存为新工作簿' }).dblclick();
  await expect(second.page.getByRole('heading', { level: 1 })).toHaveText(`${title}（另存）`);
  await second.waitForGrid();
  // (The plan's “十四五” nests inside the message's quotes as ‘十四五’.)
  await expect(second.page.locator('.status-bar')).toContainText(
    '另存为新工作簿“兰溪市儿童发展‘十四五’规划（2021—2025年）（副本）（另存）”',
  );
  await second.page.getByRole('button', { name: '工作簿', exact: true }).click();
  await expect(
    second.page
      .getByRole('dialog', { name: '工作簿' })
      .getByRole('table', { name: '工作簿列表' })
      .getByRole('row', { name: /（另存）/ }),
  ).toHaveCount(1);
  await second.page.keyboard.press('Escape');
  await second.page.reload();
  await second.waitForGrid();
  await second.revealRow(INFANT.code);
  await expect(await second.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
  await expect(await second.cell(INFANT.code, '2022年')).toHaveText('4.5‰');
  await expect(second.counts()).toContainText(`共 ${LANXI_2021_2025.indicators.length} 项指标`);
  // The two confirmations of the deletion were asked in the page; leaving for the new workbook asked nothing.
  expect(prompts).toEqual([]);
  first.expectNoErrors();
  second.expectNoErrors();
});

test('rows both tabs add at once get one code (X01): each tab keeps its own row, told, and both show both', async ({
  context,
}) => {
  const firstPage = await context.newPage();
  await firstPage.addInitScript(holdMessages);
  const first = new WorkbookPage(firstPage);
  const second = new WorkbookPage(await context.newPage());
  await first.open();
  await second.open();
  const total = LANXI_2021_2025.indicators.length;

  await second.more('新增指标');
  await second.waitSaved();
  await second.typeInto('X01', '指标名称', '乡镇新增：儿童友好公园数');
  await second.typeInto('X01', '2024年', '3');
  await second.waitSaved();
  // The first tab has not heard of it: its new row is X01 too. Saved second, it takes X02, and says so.
  await first.more('新增指标');
  await first.waitSaved();
  await expect(first.page.getByRole('alert')).toContainText(
    '另一窗口也新增了代码为 X01 的一行“乡镇新增：儿童友好公园数”并先保存；本窗口新增的“新增指标（请填写名称）”已改用代码 X02',
  );
  await expect(first.counts()).toContainText(`共 ${total + 2} 项指标`);
  await first.typeInto('X02', '指标名称', '乡镇新增：儿童之家覆盖数');
  await first.typeInto('X02', '2024年', '12');
  await first.waitSaved();
  await firstPage.evaluate(() => (window as unknown as { releaseMessages: () => void }).releaseMessages());

  for (const tab of [first, second]) {
    await expect(tab.counts()).toContainText(`共 ${total + 2} 项指标`);
    await tab.revealRow('X02');
    await expect(await tab.cell('X01', '指标名称')).toHaveText('乡镇新增：儿童友好公园数');
    await expect(await tab.cell('X01', '2024年')).toHaveText('3%');
    await expect(await tab.cell('X02', '指标名称')).toHaveText('乡镇新增：儿童之家覆盖数');
    await expect(await tab.cell('X02', '2024年')).toHaveText('12%');
  }
  await second.page.reload();
  await second.waitForGrid();
  await second.revealRow('X02');
  await expect(await second.cell('X01', '2024年')).toHaveText('3%');
  await expect(await second.cell('X02', '2024年')).toHaveText('12%');
  first.expectNoErrors();
  second.expectNoErrors();
});

test('two tabs opening a fresh browser at the same moment: one plan workbook, a figure typed at once is in both', async ({
  context,
}) => {
  const first = new WorkbookPage(await context.newPage());
  const second = new WorkbookPage(await context.newPage());
  // Both open the bare address together: each finds no workbook stored, and the plan's is made once.
  await Promise.all([first.open(), second.open()]);
  await first.typeInto(INFANT.code, '2021年', '4.6');
  await first.waitSaved();
  await expect(second.page.locator('.status-bar .cell-info')).toContainText('已同步到本页');
  for (const tab of [first, second]) {
    await tab.page.reload();
    await tab.waitForGrid();
    await tab.revealRow(INFANT.code);
    await expect(await tab.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
  }
  await second.page.getByRole('button', { name: '工作簿' }).click();
  const list = second.page.getByRole('dialog', { name: '工作簿' }).getByRole('table', { name: '工作簿列表' });
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.locator('tbody tr')).toContainText(LANXI_2021_2025.title);
  first.expectNoErrors();
  second.expectNoErrors();
});

/**
 * What a clerk sees of the statuses in the grid: each in its own colour (the words say it first, the colour
 * helps to scan a column), and readable against its background (WCAG AA, 4.5:1).
 */
import { expect, test, type Locator } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import {
  contrastRatio,
  poorlyContrastedTexts,
  shownColours,
  WorkbookPage,
  type ShownColours,
} from './workbook-page';

const plan = LANXI_2021_2025;
const INFANT = plan.indicators.find((r) => r.name === '婴儿死亡率')!;

/** Each status's text and background colour, as the README lists them. */
const INTENDED: Record<string, { text: string; background: string }> = {
  已达标: { text: 'rgb(31, 111, 53)', background: 'rgb(227, 244, 232)' },
  预计达标: { text: 'rgb(36, 92, 158)', background: 'rgb(230, 239, 255)' },
  需加快: { text: 'rgb(138, 90, 0)', background: 'rgb(255, 243, 214)' },
  进展缓慢: { text: 'rgb(163, 63, 0)', background: 'rgb(255, 228, 209)' },
  停滞: { text: 'rgb(107, 74, 46)', background: 'rgb(241, 230, 218)' },
  倒退: { text: 'rgb(161, 29, 29)', background: 'rgb(253, 226, 226)' },
  数据不足: { text: 'rgb(100, 106, 115)', background: 'rgb(247, 247, 249)' },
  '⚠ 公式有误': { text: 'rgb(161, 29, 29)', background: 'rgb(253, 226, 226)' },
  '⚠ 波动较大': { text: 'rgb(122, 61, 168)', background: 'rgb(242, 230, 251)' },
};

/** Every status cell the grid draws, scrolled through top to bottom: its words → the colours it is shown in. */
async function statusCells(workbook: WorkbookPage): Promise<Map<string, ShownColours[]>> {
  const { page } = workbook;
  const found = new Map<string, ShownColours[]>();
  const holder = page.locator('.ht_master .wtHolder').first();
  await holder.evaluate((el) => el.scrollTo(0, 0));
  for (let step = 0; step < 60; step += 1) {
    // 状态 is among the frozen columns (drawn in the left overlay, over the master table's own copy).
    const cells = page.locator('.ht_clone_inline_start tbody td.status, .ht_master tbody td.status');
    for (let i = 0, n = await cells.count(); i < n; i += 1) {
      const cell = cells.nth(i);
      const words = (await cell.textContent()) ?? '';
      if (!words) continue;
      found.set(words, [...(found.get(words) ?? []), await shownColours(cell)]);
    }
    const atEnd = await holder.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1);
    if (atEnd) break;
    await holder.evaluate((el) => el.scrollBy(0, el.clientHeight - 40));
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
  }
  return found;
}

test('each status in the grid shows in its own colour, not the read-only grey, readable against its background', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // The plan's own workbook: rows without figures (数据不足), and one formula with a mistake (公式有误).
  await workbook.typeInto(INFANT.code, '2020年（基期）', '6');
  await workbook.typeInto(INFANT.code, '2021年', '5.7');
  // (The grid's row of 婴儿死亡率 in formulas, as the plan lists it.)
  const r = plan.indicators.indexOf(INFANT) + 1;
  await workbook.typeInto(
    INFANT.code,
    '预测2025年',
    `=FORECST.LINEAR(2025, G${r}:N${r}, {2018,2019,2020,2021,2022,2023,2024,2025})`,
  );
  await expect(await workbook.cell(INFANT.code, '状态')).toHaveText('⚠ 公式有误');
  const seen = await statusCells(workbook);
  // The sample (made-up figures) has the other statuses and a fluctuating row.
  await workbook.more('看示例数据');
  await workbook.waitForGrid();
  for (const [words, shown] of await statusCells(workbook))
    seen.set(words, [...(seen.get(words) ?? []), ...shown]);

  expect([...seen.keys()].sort()).toEqual(expect.arrayContaining(Object.keys(INTENDED).sort()));
  const wrong: string[] = [];
  for (const [words, shownList] of seen) {
    const intended = INTENDED[words];
    for (const shown of shownList) {
      if (intended && (shown.text !== intended.text || shown.background !== intended.background))
        wrong.push(
          `${words}: ${shown.text} on ${shown.background}, not ${intended.text} on ${intended.background}`,
        );
      if (shown.contrast < 4.5) wrong.push(`${words}: contrast ${shown.contrast.toFixed(2)} < 4.5`);
    }
  }
  expect([...new Set(wrong)]).toEqual([]);
  workbook.expectNoErrors();
});

test('at 1366×768, every text in view is readable (4.5:1): the grid, its row panel, 设置, the report on screen and printed', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await workbook.more('看示例数据');
  await workbook.waitForGrid();
  const poor: string[] = [];
  const look = async (where: string) => {
    for (const text of await poorlyContrastedTexts(page)) poor.push(`${where}: ${text}`);
  };
  // The row panel's hint while no row is selected, the toolbar, the header's links.
  await look('表格');
  await workbook.select(INFANT.code, '状态');
  await look('表格（选中一行）');
  await page.getByRole('button', { name: '预警汇总' }).click();
  await expect(page.getByRole('region', { name: '预警汇总' })).toBeVisible();
  await look('预警汇总');
  await page.getByRole('button', { name: '预警汇总' }).click();
  await page.getByRole('button', { name: '设置' }).click();
  await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
  await look('设置');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '打印报告' }).click();
  await expect(page.getByRole('dialog', { name: '监测报告' })).toBeVisible();
  await look('报告');
  await page.emulateMedia({ media: 'print' });
  await look('报告（打印）');
  await page.emulateMedia({ media: null });
  expect(poor).toEqual([]);
  workbook.expectNoErrors();
});

/** Every colour an element's background is painted in: its fill and each colour of a pattern laid over it. */
async function backgroundColours(element: Locator): Promise<string[]> {
  const { fill, image } = await element.evaluate((el) => {
    const style = getComputedStyle(el);
    return { fill: style.backgroundColor, image: style.backgroundImage };
  });
  return [fill, ...(image.match(/rgba?\([^)]*\)/g) ?? [])].filter((c) => !/^rgba\(.*,\s*0\)$/.test(c));
}

test('a grey year (before the row’s base year) reads as not in use, and its text stands 4.5:1 from every colour behind it, selected or not', async ({
  page,
}) => {
  const workbook = new WorkbookPage(page);
  await workbook.open();
  const open = await workbook.cell(INFANT.code, '2021年');
  await expect(open).not.toHaveClass(/cell-na/);
  const openLook = await backgroundColours(open);
  for (const selected of [false, true]) {
    if (selected) await workbook.select(INFANT.code, '2018年');
    const grey = await workbook.cell(INFANT.code, '2018年');
    await expect(grey).toHaveClass(/cell-na/);
    // Not in use: painted apart from a year that takes a figure.
    const greyLook = await backgroundColours(grey);
    expect(greyLook).not.toEqual(openLook);
    const { text } = await shownColours(grey);
    const poor = greyLook
      .map((behind) => ({ behind, ratio: contrastRatio(text, behind) }))
      .filter(({ ratio }) => ratio < 4.5)
      .map(({ behind, ratio }) => `${text} on ${behind}: ${ratio.toFixed(2)}`);
    expect(poor, selected ? 'selected' : 'not selected').toEqual([]);
  }
  workbook.expectNoErrors();
});

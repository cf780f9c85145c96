/**
 * Office laptops: 1366×768 at Windows' 125 % scaling leaves the page about 1093×520 CSS pixels, and a clerk who
 * zooms the browser to 125 % on top has about 874×416. The grid, the dialogs' buttons and the chart must stay
 * usable there (the title wrapped over four lines and left no grid; 预警汇总 took all of it; the chart dialog lost
 * its title and 关闭 off the top and bottom of the window).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { SAMPLE_LABEL } from '../../src/model/sample-data';
import { WorkbookPage } from './workbook-page';

const INFANT = LANXI_2021_2025.indicators.find((r) => r.name === '婴儿死亡率')!.code;

/** The element lies wholly inside the window (nothing cut off at any edge). */
async function expectInWindow(page: Page, element: Locator): Promise<void> {
  const box = await element.boundingBox();
  const size = page.viewportSize();
  expect(box).not.toBeNull();
  if (!box || !size) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height + 0.5);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width + 0.5);
}

/** How many data rows of the grid can be seen. */
async function visibleGridRows(page: Page): Promise<number> {
  const host = await page.locator('.grid-host').boundingBox();
  return host ? Math.floor((host.height - 30) / 23) : 0;
}

for (const [width, height] of [
  [1093, 520],
  [874, 416],
] as const) {
  test(`a ${width}×${height} page: the grid keeps rows, dialogs keep their buttons in view`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const workbook = new WorkbookPage(page);
    await workbook.open('/?workbook=sample');
    // The title stays on one line (cut with …, whole in its tooltip).
    const title = page.getByRole('heading', { level: 1 });
    expect((await title.boundingBox())?.height ?? 99).toBeLessThan(32);
    await expect(title).toHaveAttribute('title', /示例数据/);
    expect(await visibleGridRows(page)).toBeGreaterThanOrEqual(4);

    // Typing the target year's figure far to the right, the row's code, name and 状态 stay beside it.
    await workbook.select(INFANT, '指标名称');
    for (let column = 0; column < 12; column += 1) {
      if ((await page.locator('.status-bar .cell-info').textContent())?.includes('· 2025年')) break;
      await page.keyboard.press('ArrowRight');
    }
    await expect(page.locator('.status-bar .cell-info')).toContainText(`${INFANT} 婴儿死亡率 · 2025年`);
    const rowIndex = await workbook.row(INFANT).getAttribute('aria-rowindex');
    for (const column of ['代码', '指标名称', '状态', '2025年']) {
      const colIndex = workbook.columnIndex(column) + 2;
      // Seen, not only drawn: the cell on top at its own centre, inside the window, without scrolling back.
      const seen = await page.evaluate(
        ([row, col]) =>
          [...document.querySelectorAll(`tr[aria-rowindex="${row}"] td[aria-colindex="${col}"]`)].some(
            (td) => {
              const box = td.getBoundingClientRect();
              const x = box.left + box.width / 2;
              const y = box.top + box.height / 2;
              return (
                x > 0 &&
                x < innerWidth &&
                y > 0 &&
                y < innerHeight &&
                td.contains(document.elementFromPoint(x, y))
              );
            },
          ),
        [rowIndex, colIndex] as const,
      );
      expect(seen, `${column} of ${INFANT} in view beside 2025年`).toBe(true);
    }

    // 预警汇总 open: the grid still shows rows.
    await page.getByRole('button', { name: '预警汇总' }).click();
    await expect(page.getByRole('region', { name: '预警汇总' })).toBeVisible();
    expect(await visibleGridRows(page)).toBeGreaterThanOrEqual(4);
    await page.getByRole('region', { name: '预警汇总' }).getByRole('button', { name: '收起' }).click();

    // The chart (Alt+C): its title and 关闭 inside the window; the body scrolls.
    await workbook.select(INFANT, '状态');
    await page.keyboard.press('Alt+c');
    const chart = page.getByRole('dialog', { name: /^图表：/ });
    await expect(chart).toBeVisible();
    await expectInWindow(page, chart);
    await expectInWindow(page, chart.getByRole('button', { name: '关闭' }));
    await chart.getByRole('button', { name: '关闭' }).click();

    // 设置: 保存 and 取消 in view without scrolling the dialog.
    await page.getByRole('button', { name: '设置' }).click();
    const settings = page.getByRole('dialog', { name: '设置' });
    await expectInWindow(page, settings.getByRole('button', { name: '保存' }));
    await settings.getByRole('button', { name: '取消' }).click();

    // 工作簿: 关闭 in view.
    await page.getByRole('button', { name: '工作簿' }).click();
    const workbooks = page.getByRole('dialog', { name: '工作簿' });
    await expectInWindow(page, workbooks.getByRole('button', { name: '关闭' }).last());
    await page.keyboard.press('Escape');
    workbook.expectNoErrors();
  });
}

// The office laptops' own resolutions, unscaled and at Windows' 125 % (1093 wide): the toolbar keeps to one line —
// searching (找到 8 处) and with both filters chosen — so the grid is not a row shorter (导出CSV wrapped alone onto
// a second line at 1280, the search's count pushed more after it at 1366, and at 1093 新增指标 to 导出CSV took a
// second line). Every control stays in view; the seldom used ones, under 更多, are reached from the keyboard.
for (const [width, height] of [
  // 1280×720 with the browser zoomed to 125 %.
  [1024, 576],
  [1093, 614],
  [1280, 720],
  [1366, 768],
] as const) {
  test(`a ${width}×${height} screen: the toolbar is one line, searching and filtered`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const workbook = new WorkbookPage(page);
    await workbook.open();
    const toolbar = page.getByRole('toolbar', { name: '表格工具' });
    await page.getByRole('searchbox').fill('死亡率');
    await expect(toolbar.locator('.hits')).toHaveText(/^找到 \d+ 处$/);
    await page.getByLabel('按领域筛选').selectOption('儿童与法律保护');
    await page.getByLabel('按责任单位筛选').selectOption('市民政局');
    const rows = await toolbar.evaluate((bar) => {
      const top = bar.getBoundingClientRect().top;
      return [
        ...new Set(
          [...bar.children]
            .filter((child) => !child.classList.contains('spacer'))
            .map((child) => Math.floor((child.getBoundingClientRect().top - top) / 30)),
        ),
      ];
    });
    expect(rows).toEqual([0]);
    for (const control of await toolbar.locator('button, a, input, select').all())
      await expectInWindow(page, control);
    // The count sits in the search box, not over what is typed: the text ends left of it.
    const search = page.getByRole('searchbox');
    const typedEnd = await search.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      return input.getBoundingClientRect().right - parseFloat(style.paddingRight);
    });
    const hits = await toolbar.locator('.hits').boundingBox();
    expect(hits!.x).toBeGreaterThanOrEqual(typedEnd - 0.5);

    // 更多 from the keyboard: Enter opens it at 新增指标, ↓ goes on, Escape closes it back to its button; Enter
    // on 删除所选指标 asks about the selected row. The open menu lies inside the window.
    await page.getByLabel('按领域筛选').selectOption('');
    await page.getByLabel('按责任单位筛选').selectOption('');
    await workbook.select(INFANT, '指标名称');
    const more = toolbar.getByRole('button', { name: '更多' });
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: '更多' });
    await expect(menu).toBeVisible();
    await expectInWindow(page, menu);
    await expect(menu.getByRole('menuitem', { name: '新增指标' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: '删除所选指标' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(more).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: '确认删除指标' });
    await expect(confirm).toContainText(`${INFANT} 婴儿死亡率`);
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect(workbook.row(INFANT)).toHaveCount(1);
    workbook.expectNoErrors();
  });
}

/** The element is seen: on top at its own centre, inside the window (not under a panel, a sticky head or the edge). */
function seen(element: Locator): Promise<boolean> {
  return element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    return y > 0 && y < innerHeight && el.contains(document.elementFromPoint(x, y));
  });
}

/** The selected cell is seen, inside the grid (not under the row panel below it). */
async function selectionSeen(page: Page): Promise<boolean> {
  for (const td of await page.locator('.ht_master td.current, .ht_clone_inline_start td.current').all())
    if (await seen(td)) return true;
  return false;
}

test('1366×768: a row selected at the foot of the grid stays in view as the row panel grows, after 应用, 撤销 and 重做 of an import', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const workbook = new WorkbookPage(page);
  await workbook.open();
  // The last row wholly drawn above the row panel, before anything is selected (the panel is then one line).
  const code = await page.evaluate(() => {
    const bottom = document.querySelector('.grid-host')!.getBoundingClientRect().bottom;
    let last = '';
    for (const tr of document.querySelectorAll('.ht_clone_inline_start tbody tr'))
      if (tr.getBoundingClientRect().bottom <= bottom)
        last = tr.querySelector('td[aria-colindex="2"]')?.textContent ?? '';
    return last;
  });
  expect(code).toMatch(/^[A-Z]\d+$/);
  await (await workbook.cell(code, '代码')).click();
  await expect(page.locator('.status-bar .cell-info')).toContainText(`${code} `);
  const panel = page.getByRole('complementary', { name: '指标说明' });
  await expect(panel).toContainText(code);
  await expect.poll(() => selectionSeen(page), { message: `${code} in view once selected` }).toBe(true);

  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '回传.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`代码,2021年,2022年,2023年\r\n${code},81,83,86\r\n`),
  });
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => selectionSeen(page), { message: `${code} in view after 应用` }).toBe(true);
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(page.locator('.status-bar .cell-info')).toContainText('已撤销导入');
  await expect.poll(() => selectionSeen(page), { message: `${code} in view after 撤销` }).toBe(true);
  await page.getByRole('button', { name: '重做', exact: true }).click();
  await expect(page.locator('.status-bar .cell-info')).toContainText('已重做导入');
  await expect.poll(() => selectionSeen(page), { message: `${code} in view after 重做` }).toBe(true);
  workbook.expectNoErrors();
});

/** Each of the row's cells is seen. */
async function cellsSeen(row: Locator): Promise<boolean> {
  for (const cell of await row.locator(':scope > *').all()) if (!(await seen(cell))) return false;
  return true;
}

test('1366×768, 预警汇总 of the sample: the list has the room the grid gives, and each of its rows is read whole under its column heads', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const workbook = new WorkbookPage(page);
  await workbook.open('/?workbook=sample');
  await page.getByRole('button', { name: '预警汇总' }).click();
  const panel = page.getByRole('region', { name: '预警汇总' });
  const list = panel.getByRole('table', { name: '需关注的指标' });
  const rows = list.locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(10);

  // The panel scrolls, not the page: the toolbar stays whole in view above it.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
  for (const control of await page
    .getByRole('toolbar', { name: '表格工具' })
    .locator('button, input, select')
    .all())
    await expectInWindow(page, control);
  // The grid gives way down to its few rows (it kept seven, and the list began below the panel's fold).
  const gridRows = await visibleGridRows(page);
  expect(gridRows).toBeGreaterThanOrEqual(4);
  expect(gridRows).toBeLessThanOrEqual(5);
  // Opened, the list's heading and first row are in view.
  await expectInWindow(page, panel.getByRole('heading', { name: /^需关注的指标/ }));
  expect(await cellsSeen(rows.first()), 'the first row of 需关注的指标 in view as the panel opens').toBe(
    true,
  );

  // The clerk goes down the list with Tab: each row is read whole (not under the column heads, the grid or the
  // window's edge), with the list's column heads and 收起 in view beside it.
  const heads = list.locator('thead tr');
  const close = panel.getByRole('button', { name: '收起' });
  await close.focus();
  for (let index = 0; index < count; index += 1) {
    await page.keyboard.press('Tab');
    const row = rows.nth(index);
    await expect(row.getByRole('button')).toBeFocused();
    expect(await cellsSeen(row), `row ${index + 1} of ${count} whole`).toBe(true);
    expect(await cellsSeen(heads), `column heads in view at row ${index + 1}`).toBe(true);
    await expectInWindow(page, close);
    expect(
      await close.evaluate((button) => {
        const box = button.getBoundingClientRect();
        return button.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
      }),
      `收起 on top at row ${index + 1}`,
    ).toBe(true);
  }
  workbook.expectNoErrors();
});

/**
 * Whether these words, somewhere in the element's text, are all shown: not cut off by any box that hides what
 * overflows it (an ellipsis), between the element and the page, nor by the window's edge.
 */
function wordsShown(element: Locator, words: string): Promise<boolean> {
  return element.evaluate((el, words) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const whole = nodes.map((n) => n.data).join('');
    let start = whole.indexOf(words);
    if (start < 0) return false;
    let end = start + words.length;
    const range = document.createRange();
    for (const node of nodes) {
      if (start >= 0 && start <= node.length) {
        range.setStart(node, start);
        start = -1;
      } else if (start >= 0) start -= node.length;
      if (end <= node.length) {
        range.setEnd(node, end);
        break;
      }
      end -= node.length;
    }
    const box = range.getBoundingClientRect();
    if (box.left < 0 || box.right > innerWidth + 0.5) return false;
    for (let at: Element | null = range.commonAncestorContainer.parentElement; at; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (style.overflowX === 'visible') continue;
      const clip = at.getBoundingClientRect();
      if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) return false;
    }
    return true;
  }, words);
}

// The sample's title says it is made up: at 1366 its title whole, down to 1280×720 zoomed to 125 % (1024 wide)
// at least 示例数据（模拟，非真实统计） whole beside it (cut to …示例数据（模拟，… at 1366, and at 1024 to
// 兰溪市儿童发展“十四五”…). The links beside it stay whole and in view.
for (const [width, height] of [
  [1366, 768],
  [1280, 720],
  [1093, 614],
  [1024, 576],
] as const) {
  test(`a ${width}×${height} screen: the sample's title says 示例数据 whole, the header's links in view`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const workbook = new WorkbookPage(page);
    await workbook.open('/?workbook=sample');
    const title = page.getByRole('heading', { level: 1 });
    const full = (await title.getAttribute('title')) ?? '';
    expect(full).toContain(SAMPLE_LABEL);
    expect(await wordsShown(title, SAMPLE_LABEL), `${SAMPLE_LABEL} whole in the title`).toBe(true);
    const name = full.replace(`·${SAMPLE_LABEL}`, '');
    if (width >= 1366) expect(await wordsShown(title, name), `${name} whole`).toBe(true);
    // One line still (a wrapped title left the grid no room).
    expect((await title.boundingBox())?.height ?? 99).toBeLessThan(32);
    const header = page.locator('.app-header');
    for (const words of ['基期 2020 年', '目标年 2025 年', '工作簿', '版本', '历次修改', '打印报告', '设置'])
      expect(await wordsShown(header, words), `${words} whole in the header`).toBe(true);
    workbook.expectNoErrors();
  });
}

/** The focused element's whole focus ring is drawn: not clipped by a box that hides what overflows it. */
function focusRingShown(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing focused';
    const style = getComputedStyle(el);
    if (style.outlineStyle === 'none') return 'no focus ring';
    const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    const box = el.getBoundingClientRect();
    const ring = {
      left: box.left - reach,
      top: box.top - reach,
      right: box.right + reach,
      bottom: box.bottom + reach,
    };
    for (let at = el.parentElement; at; at = at.parentElement) {
      const clip = getComputedStyle(at);
      if (clip.overflowX === 'visible' && clip.overflowY === 'visible') continue;
      const inner = at.getBoundingClientRect();
      const left = inner.left + at.clientLeft;
      const top = inner.top + at.clientTop;
      if (
        ring.left < left - 0.5 ||
        ring.right > left + at.clientWidth + 0.5 ||
        ring.top < top - 0.5 ||
        ring.bottom > top + at.clientHeight + 0.5
      )
        return `${el.tagName} ${el.getAttribute('aria-label') ?? ''}: ring clipped by ${at.className}`;
    }
    return 'whole';
  });
}

test('1280×720 zoomed to 125 % (1024×576): dialogs keep their buttons in view, and a focused field its whole focus ring', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1024, height: 576 });
  const workbook = new WorkbookPage(page);
  await workbook.open('/?workbook=sample');

  // 设置 opens on 填报人, a field as wide as the dialog's body: its ring was cut at both sides.
  await page.getByRole('button', { name: '设置' }).click();
  const settings = page.getByRole('dialog', { name: '设置' });
  await expect(settings.getByLabel('填报人（经办人）姓名')).toBeFocused();
  expect(await focusRingShown(page)).toBe('whole');
  await expectInWindow(page, settings.getByRole('button', { name: '保存' }));
  await settings.getByRole('button', { name: '取消' }).click();

  // 版本: saved, a figure changed, 与当前比较 — the result and 关闭 in view.
  await page.getByRole('button', { name: '版本' }).click();
  const versions = page.getByRole('dialog', { name: '版本' });
  await versions.getByLabel('版本名称').fill('测试版本（模拟）');
  expect(await focusRingShown(page)).toBe('whole');
  await versions.getByRole('button', { name: '保存当前版本' }).click();
  await expect(versions.getByRole('table', { name: '已保存的版本' })).toBeVisible();
  await versions.getByRole('button', { name: '关闭' }).click();
  await workbook.typeInto(INFANT, '2021年', '3.3');
  await page.getByRole('button', { name: '版本' }).click();
  await versions.getByRole('button', { name: '与当前比较' }).click();
  const differences = versions.getByRole('region', { name: '不同的单元格' });
  await differences.scrollIntoViewIfNeeded();
  await expectInWindow(page, differences);
  await expect(differences).toContainText('3.3‰');
  await expectInWindow(page, versions.getByRole('button', { name: '关闭' }));
  await versions.getByRole('button', { name: '关闭' }).click();

  // The import preview: 应用 and 取消 in view, its list of changes reached by scrolling its body.
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles({
    name: '市卫健局回传（模拟）.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`代码,2021年,2022年,2023年\r\n${INFANT},5.1,5,4.9\r\nH03,abc,5,5\r\nH99,1,2,3\r\n`),
  });
  await expectInWindow(page, dialog.getByRole('button', { name: '应用' }));
  await expectInWindow(page, dialog.getByRole('button', { name: '取消' }));
  // Reached with Tab (a tab stop of its own, to scroll it by the keys): scrolled into view with its ring whole.
  const changes = dialog.getByRole('region', { name: '将修改的单元格' });
  for (let presses = 0; presses < 30; presses += 1) {
    if (await changes.evaluate((region) => region === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(changes).toBeFocused();
  await expect(changes).toBeInViewport();
  expect(await focusRingShown(page)).toBe('whole');
  await dialog.getByRole('button', { name: '取消' }).click();
  workbook.expectNoErrors();
});

/**
 * Several workbooks in one browser: a figure typed just before switching workbooks, and the workbooks kept apart.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { WorkbookPage } from './workbook-page';

const plan = LANXI_2021_2025;
const INFANT = plan.indicators.find((r) => r.name === '婴儿死亡率')!;

test('a figure typed but not entered when another workbook is opened from 工作簿 is saved into its own workbook only', async ({
  page,
}) => {
  page.on('dialog', (dialog) => void dialog.accept());
  const workbook = new WorkbookPage(page);
  await workbook.open();
  await page.getByRole('button', { name: '工作簿' }).click();
  const dialog = page.getByRole('dialog', { name: '工作簿' });
  const list = dialog.getByRole('table', { name: '工作簿列表' });
  await list.getByRole('button', { name: '复制' }).click();
  await expect(list.getByRole('row', { name: /（副本）/ })).toHaveCount(1);
  await dialog.getByRole('button', { name: '关闭' }).click();

  // Typed in the editor, no Enter: the clerk goes straight to the other workbook.
  await workbook.select(INFANT.code, '2022年');
  await page.keyboard.type('5.5');
  await page.getByRole('button', { name: '工作簿' }).click();
  await list
    .getByRole('row', { name: /（副本）/ })
    .getByRole('button', { name: '打开' })
    .click();
  await expect(page).toHaveURL(/workbook=/);
  await workbook.waitForGrid();
  await expect(page.locator('body')).toContainText('（副本）');
  await expect(await workbook.cell(INFANT.code, '2022年')).not.toContainText('5.5');

  await page.getByRole('button', { name: '工作簿' }).click();
  await list
    .getByRole('row', { name: /十四五/ })
    .first()
    .getByRole('button', { name: '打开' })
    .click();
  await workbook.waitForGrid();
  await expect(await workbook.cell(INFANT.code, '2022年')).toContainText('5.5');
  await page.reload();
  await workbook.waitForGrid();
  await expect(await workbook.cell(INFANT.code, '2022年')).toContainText('5.5');
  workbook.expectNoErrors();
});

test('figures copied in the sample (another tab) are refused when pasted into the plan, said in Chinese', async ({
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const samplePage = await context.newPage();
  const sample = new WorkbookPage(samplePage);
  await sample.open('/?workbook=sample');
  await expect(samplePage.locator('body')).toContainText('示例数据（模拟，非真实统计）');
  const sampleCell = await sample.cell(INFANT.code, '2021年');
  const sampleFigure = (await sampleCell.textContent()) ?? '';
  expect(sampleFigure).toMatch(/\d/);
  await sample.select(INFANT.code, '2021年');
  await samplePage.keyboard.press('Control+c');
  // What the copy put on the clipboard is the sample's figure (so the paste below would bring it in).
  await expect
    .poll(() => samplePage.evaluate(() => navigator.clipboard.readText()))
    .toContain(sampleFigure.replace(/[^\d.]/g, ''));

  const planPage = await context.newPage();
  const real = new WorkbookPage(planPage);
  await real.open('/');
  await real.select(INFANT.code, '2021年');
  await planPage.keyboard.press('Control+v');
  await expect(planPage.getByRole('alert').or(planPage.locator('.status-bar'))).toContainText(
    '示例数据不能粘贴到正式工作簿',
  );
  await expect(await real.cell(INFANT.code, '2021年')).toHaveText('');
  await planPage.reload();
  await real.waitForGrid();
  await expect(await real.cell(INFANT.code, '2021年')).toHaveText('');
  // A figure copied from elsewhere (Excel) still pastes.
  await planPage.evaluate(() => navigator.clipboard.writeText('5.1\n'));
  await real.select(INFANT.code, '2021年');
  await planPage.keyboard.press('Control+v');
  await expect(await real.cell(INFANT.code, '2021年')).toHaveText('5.1‰');
  // Within the sample the copy still pastes as it did.
  await sample.select(INFANT.code, '2023年');
  await samplePage.evaluate(() => navigator.clipboard.writeText(''));
  await sample.select(INFANT.code, '2021年');
  await samplePage.keyboard.press('Control+c');
  await sample.select(INFANT.code, '2023年');
  await samplePage.keyboard.press('Control+v');
  await expect(await sample.cell(INFANT.code, '2023年')).toHaveText(sampleFigure);
  sample.expectNoErrors();
  real.expectNoErrors();
});

test('a copy of the sample renamed by the clerk is still listed as 示例数据 in 工作簿', async ({ page }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  const sample = new WorkbookPage(page);
  await sample.open('/?workbook=sample');
  await page.getByRole('button', { name: '工作簿' }).click();
  const dialog = page.getByRole('dialog', { name: '工作簿' });
  const list = dialog.getByRole('table', { name: '工作簿列表' });
  const sampleRow = list.getByRole('row', { name: /示例数据/ }).first();
  await sampleRow.getByRole('button', { name: '复制' }).click();
  const copy = list.getByRole('row', { name: /（副本）/ });
  await expect(copy).toHaveCount(1);
  await copy.getByRole('button', { name: '重命名' }).click();
  // (Once the name is typed over, the row's own name no longer says （副本）.)
  const newName = list.getByLabel('新名称');
  await newName.fill('城区试点工作簿');
  await newName.press('Enter');
  const renamed = list.getByRole('row', { name: /城区试点工作簿/ });
  await expect(renamed).toHaveCount(1);
  // Its name no longer says so: the list does, as the open workbook's banner does.
  await expect(renamed).toContainText('示例数据（模拟，非真实统计）');
  // The sample and its copy, nothing else, and the sample's own name says it once.
  await expect(list.locator('tbody tr').filter({ hasText: '模拟' })).toHaveCount(2);
  await expect(sampleRow).not.toContainText('（模拟，非真实统计）·示例数据');
  // Backed up and read back for restoring: the list of what the file holds says so too.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '备份全部到文件' }).click();
  const backup = readFileSync(await (await downloading).path());
  await page
    .getByLabel('从备份文件恢复')
    .setInputFiles({ name: '备份.json', mimeType: 'application/json', buffer: backup });
  const inFile = page.getByRole('table', { name: '恢复内容' });
  await expect(inFile.locator('tbody tr').filter({ hasText: '城区试点工作簿' })).toContainText(
    '示例数据（模拟，非真实统计）',
  );
  sample.expectNoErrors();
});

test('two tabs on two workbooks: a figure saved in one never shows in the other, before or after a reload', async ({
  context,
}) => {
  const first = await context.newPage();
  first.on('dialog', (dialog) => void dialog.accept());
  const plan = new WorkbookPage(first);
  await plan.open('/');
  await first.getByRole('button', { name: '工作簿' }).click();
  const list = first.getByRole('dialog', { name: '工作簿' }).getByRole('table', { name: '工作簿列表' });
  await list.getByRole('button', { name: '复制' }).click();
  const copyRow = list.getByRole('row', { name: /（副本）/ });
  await expect(copyRow).toHaveCount(1);
  await first.getByRole('dialog', { name: '工作簿' }).getByRole('button', { name: '关闭' }).click();

  const second = await context.newPage();
  const copy = new WorkbookPage(second);
  await copy.open('/');
  await second.getByRole('button', { name: '工作簿' }).click();
  await second
    .getByRole('dialog', { name: '工作簿' })
    .getByRole('row', { name: /（副本）/ })
    .getByRole('button', { name: '打开' })
    .click();
  await expect(second).toHaveURL(/workbook=/);
  await copy.waitForGrid();

  await plan.typeInto(INFANT.code, '2021年', '4.6');
  await copy.typeInto(INFANT.code, '2022年', '5.3');
  await plan.waitSaved();
  await copy.waitSaved();
  await expect(await copy.cell(INFANT.code, '2021年')).toHaveText('');
  await expect(await plan.cell(INFANT.code, '2022年')).toHaveText('');
  await first.reload();
  await plan.waitForGrid();
  await second.reload();
  await copy.waitForGrid();
  await expect(await plan.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
  await expect(await plan.cell(INFANT.code, '2022年')).toHaveText('');
  await expect(await copy.cell(INFANT.code, '2022年')).toHaveText('5.3‰');
  await expect(await copy.cell(INFANT.code, '2021年')).toHaveText('');
  plan.expectNoErrors();
  copy.expectNoErrors();
});

import { expect, test } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { WorkbookPage } from './workbook-page';

const INFANT = LANXI_2021_2025.indicators.find((r) => r.name === '婴儿死亡率')!;

test('two tabs on one workbook: the other tab is warned and reloads to the saved value', async ({
  context,
}) => {
  const first = new WorkbookPage(await context.newPage());
  const second = new WorkbookPage(await context.newPage());
  await first.open();
  await second.open();
  await first.typeInto(INFANT.code, '2021年', '4.6');
  await first.waitSaved();

  const warning = second.page.getByRole('alert');
  await expect(warning).toContainText('另一个窗口（标签页）刚刚修改并保存了这个工作簿');
  await warning.getByRole('button', { name: '刷新' }).click();
  await second.waitForGrid();
  await second.revealRow(INFANT.code);
  await expect(await second.cell(INFANT.code, '2021年')).toHaveText('4.6‰');
  // The tab that saved is not warned about its own save.
  await expect(first.page.getByRole('alert')).toHaveCount(0);
  first.expectNoErrors();
  second.expectNoErrors();
});

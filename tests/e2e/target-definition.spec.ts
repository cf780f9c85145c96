import { expect, test } from '@playwright/test';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';
import { WorkbookPage } from './workbook-page';

const plan = LANXI_2021_2025;
const codeOf = (name: string) => plan.indicators.find((r) => r.name === name)!.code;
const INFANT = codeOf('婴儿死亡率');

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

/**
 * The committee clerk receives the 2024 returns of five departments, each as its office sends it, checks every
 * projection and status of the rows touched by hand, and sends the whole workbook through Excel and back. Every
 * figure here is made up for the test (no statistic); the arithmetic each expectation rests on is in its comment
 * (linear trend = OLS over the years with figures; 80 % interval ŷ ± t(0.2, n−2)·STEYX·√(1 + 1/n + (T − x̄)²/DEVSQ);
 * CR = (ŷ − v_b)/(v* − v_b), DOMAIN.md).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { encodeGbk } from './gbk';
import { WorkbookPage } from './workbook-page';

const UTF8_BOM = '\uFEFF';
const utf8WithBom = (lines: string[]) => Buffer.from(UTF8_BOM + lines.join('\r\n') + '\r\n');
const gbk = (lines: string[]) => encodeGbk(lines.join('\r\n') + '\r\n');

/** The office's figures up to 2023 (its 2023 monitoring file, the workbook's own columns). */
const HISTORY = utf8WithBom([
  '代码,指标名称,2018年,2020年,2021年,2022年,2023年',
  'H03,5岁以下儿童死亡率,,7.2,7.0,6.8,6.5',
  'H06,0-6个月婴儿纯母乳喂养率,,60.1,61,62.4,63.0',
  'H21,儿童青少年总体近视率,55.5,54.6,53.8,53.0,52.3',
  'E02,普惠性幼儿园覆盖率,,86.5,88.0,89.6,91.2',
  'E06,高中阶段毛入学率,,95.0,96.2,97.0,',
  'W01,城乡居民最低生活保障标准,,800,880,950,1020',
  'W08,流浪儿童数量,,5,2,4,1',
  'S03,儿童道路交通事故发生数,,18,15,16,12',
  'P04,儿童之家服务覆盖率,,,80,90.5,95',
]);

/** The five returns of 2024, as each office saves them. */
const RETURNS = [
  {
    // Excel "CSV (逗号分隔)": GBK without BOM, a merged title, 序号 before the names, % typed with the figures, an
    // empty trailing column, and the footer spread over the columns (联系电话 under 2024年).
    name: '教育局2024年监测数据.csv',
    mimeType: 'text/csv',
    buffer: gbk([
      '2024年兰溪市儿童发展规划监测数据表（教育局）,,,,,,',
      '序号,指标名称,单位,2023年,2024年,备注,',
      // 小时 for 小时/天: the name says 每天 (the line was refused: 请换算为“小时/天”).
      '1,学生每天校内体育活动时间,小时,1,1.2,,',
      '2,儿童青少年总体近视率,%,52.3%,51.0%,,',
      '3,普惠性幼儿园覆盖率,%,91.2%,92.5%,,',
      '4,高中阶段毛入学率,%,—,99.1,,',
      '5,残疾儿童义务教育入学率,%,/,未统计,,',
      ',,,,,,',
      '填报单位：兰溪市教育局,,填报人：李四,,联系电话：0579-88888888,,',
    ]),
  },
  {
    // "CSV UTF-8" (with BOM): 代码, a unit column, 2024年 merged over its 目标值 and 完成值 (the target went in as the
    // year's figure), 3‰-style figures and a dash.
    name: '卫健局2024.csv',
    mimeType: 'text/csv',
    buffer: utf8WithBom([
      '2024年兰溪市儿童发展规划监测数据表（卫健局）,,,',
      '指标代码,指标名称,单位,2024年,',
      ',,,目标值,完成值',
      'H03,5岁以下儿童死亡率,‰,6,6.3‰',
      'H06,0-6个月婴儿纯母乳喂养率,%,65%,63.9%',
      'H10,新生儿访视率,%,90,—',
      '填报人：王五,联系电话：0579-88666666,,',
    ]),
  },
  {
    // WPS, saved as GBK: every cell quoted, the rows under their area's heading, 2023 and 2024 side by side (2023
    // as the office already has it), a thousands separator, a footnote mark after a name and a 合计 line.
    name: '民政局.csv',
    mimeType: 'text/csv',
    buffer: gbk([
      '"序号","指标名称","计量单位","2023年","2024年"',
      '"一","儿童与福利","","",""',
      '"1","城乡居民最低生活保障标准","元/月","1,020","1,100"',
      '"2","流浪儿童数量*","人","1","3"',
      '"","合计","","",""',
      '"注：*为初步统计数","","","",""',
    ]),
  },
  {
    name: '公安局儿童规划数据.csv',
    mimeType: 'text/csv',
    buffer: gbk([
      '2024年兰溪市儿童发展规划监测数据表（公安局）,,,',
      '指标名称,单位,2023年,2024年',
      // A word about the figure in brackets (it was refused: “9（快报）”不是数字).
      '儿童道路交通事故发生数,起,12,9（快报）',
      '填报人：赵六,,,',
    ]),
  },
  {
    // 团市委: the unit in the header (数值(%)), and on 建成率 the number of 儿童之家 (a count) instead of the rate.
    name: '团市委2024.csv',
    mimeType: 'text/csv',
    buffer: utf8WithBom([
      '序号,指标名称,2024年数值(%)',
      '1,村（社区）儿童之家建成率,312',
      '2,儿童之家服务覆盖率,98.5%',
      '填报单位：共青团兰溪市委员会,填报人：孙七',
    ]),
  },
];

async function importFiles(page: Page, files: Parameters<Page['setInputFiles']>[1]) {
  await page.getByRole('button', { name: '导入CSV' }).click();
  const dialog = page.getByRole('dialog', { name: '导入 CSV' });
  await dialog.getByLabel('选择各单位发回的 CSV 文件（可一次选多个）').setInputFiles(files);
  return dialog;
}

test('five departments’ 2024 returns as their offices send them go in, their projections and the report check out by hand, and the workbook survives Excel', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const workbook = new WorkbookPage(page);
  await workbook.open();
  let dialog = await importFiles(page, {
    name: '2023年监测数据.csv',
    mimeType: 'text/csv',
    buffer: HISTORY,
  });
  await expect(dialog.getByLabel('导入摘要')).toContainText('将修改 35 个单元格');
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toHaveCount(0);
  await workbook.waitSaved();

  dialog = await importFiles(page, RETURNS);
  const summary = dialog.getByLabel('导入摘要');
  // H17 2023 and 2024, 2024 of H21, E02, E06 (教育局; its 2023 figures 52.3 and 91.2 are the workbook's), H03, H06
  // (卫健局), W01, W08 (民政局; 2023's 1,020 and 1 the same), S03 (公安局; 12 the same), P04 (团市委): 11 cells, 5
  // the same.
  await expect(summary).toContainText('5 个文件');
  await expect(summary).toContainText('将修改 11 个单元格（其中覆盖已有数值 0 个）');
  await expect(summary).toContainText('错误 2 处');
  // E06 2023 “—”, E07 “/” and 未统计, H10 “—”.
  await expect(summary).toContainText('未给数值的指标 3 项');
  await expect(summary).toContainText('与工作簿相同 5 个单元格');
  const changed = dialog.getByRole('table', { name: '将修改的单元格' }).locator('tbody tr');
  await expect(changed).toHaveText([
    'H17学生每天校内体育活动时间2023（空）1 小时/天教育局2024年监测数据.csv 第 3 行',
    'H17学生每天校内体育活动时间2024（空）1.2 小时/天教育局2024年监测数据.csv 第 3 行',
    'H21儿童青少年总体近视率2024（空）51%教育局2024年监测数据.csv 第 4 行',
    'E02普惠性幼儿园覆盖率2024（空）92.5%教育局2024年监测数据.csv 第 5 行',
    'E06高中阶段毛入学率2024（空）99.1%教育局2024年监测数据.csv 第 6 行',
    'H035岁以下儿童死亡率2024（空）6.3‰卫健局2024.csv 第 4 行',
    'H060-6个月婴儿纯母乳喂养率2024（空）63.9%卫健局2024.csv 第 5 行',
    'W01城乡居民最低生活保障标准2024（空）1100 元/月民政局.csv 第 3 行',
    'W08流浪儿童数量2024（空）3 人民政局.csv 第 4 行',
    'S03儿童道路交通事故发生数2024（空）9 起公安局儿童规划数据.csv 第 3 行',
    'P04儿童之家服务覆盖率2024（空）98.5%团市委2024.csv 第 3 行',
  ]);
  // The target beside the figure is said and not read; the count on a rate row is refused where it is.
  const errors = dialog.getByRole('list', { name: '导入错误' }).locator('li');
  await expect(errors).toHaveText([
    /^卫健局2024\.csv 第 3 行 “2024年目标值”列：列“2024年目标值”不是 2024 年的实际数值/,
    '团市委2024.csv 第 2 行 “2024年数值(%)”列：C02 村（社区）儿童之家建成率：百分比应在 0 到 100 之间，“312”超出范围，' +
      '像是个数或人数而不是百分比：请按本指标的计算方法换算为百分比（如个数 ÷ 总数 × 100）后重填。该单元格未导入。',
  ]);
  // Every footer is a note, wherever Excel put its parts: 教育局's said 本行没有代码也没有指标名称，无法确定是哪个指标.
  const ignored = dialog.getByRole('list', { name: '忽略的行' });
  const note = '是表格下方的说明文字（填报人、联系电话、数据来源等），不是指标行，已忽略。';
  await expect(ignored.locator('li')).toHaveText([
    `教育局2024年监测数据.csv 第 9 行“填报单位：兰溪市教育局”：${note}`,
    `卫健局2024.csv 第 7 行“填报人：王五 联系电话：0579-88666666”：${note}`,
    '民政局.csv 第 2 行“儿童与福利”：是分类标题行（领域），不是指标，已忽略。',
    '民政局.csv 第 5 行“合计”：是合计、小计行，不是指标，已忽略。',
    `民政局.csv 第 6 行“注：*为初步统计数”：${note}`,
    `公安局儿童规划数据.csv 第 4 行“填报人：赵六”：${note}`,
    `团市委2024.csv 第 4 行“填报人：孙七”：${note}`,
  ]);
  await expect(ignored).not.toContainText('无法确定是哪个指标');
  await expect(dialog.getByRole('list', { name: '报送单位的说明' })).toHaveText(
    '公安局儿童规划数据.csv 第 3 行“2024年”列：S03 儿童道路交通事故发生数：9（快报）（数值已导入，括号中的文字未导入）',
  );
  // “—”, “/” and 未统计 are no figures: listed to chase, not errors.
  await expect(dialog.getByRole('list', { name: '报送了但没有数值的指标' })).toContainText(
    '2023年：/，2024年：未统计',
  );
  await dialog.getByRole('button', { name: '应用' }).click();
  await expect(dialog).toHaveCount(0);
  await workbook.waitSaved();

  const expectRow = async (code: string, cells: [string, string, string, string]) => {
    await workbook.revealRow(code);
    const shown: string[] = [];
    for (const title of ['预测2025年', '与目标差距', '状态', '波动'])
      shown.push(((await (await workbook.cell(code, title)).textContent()) ?? '').trim());
    expect(shown, code).toEqual(cells);
  };
  // H03 <6‰, log-linear (GROWTH): ln of 7.2, 7.0, 6.8, 6.5, 6.3 (2020–2024) fitted, e^(α + β·2025) = 6.095‰ → 6.1‰,
  // gap +0.095 → +0.1; CR = (6.095 − 7.2)/(6 − 7.2) = 1.105/1.2 = 0.92 → 需加快. Linear for the interval: slope
  // −0.23, ŷ(2025) = 6.07, STEYX 0.0316, t(0.2, 3) = 1.638, √(1 + 1/5 + 9/10) = 1.449 → ±0.075: 5.99‰～6.15‰
  // holds 6 → 波动较大.
  await expectRow('H03', ['6.1‰', '+0.1个千分点', '需加快', '⚠ 波动较大']);
  // H06 ≥65%, linear: 60.1, 61, 62.4, 63.0, 63.9: slope 9.6/10 = 0.96, ȳ = 62.08, ŷ(2025) = 62.08 + 3·0.96 =
  // 64.96 (gap −0.04); CR = (64.96 − 60.1)/(65 − 60.1) = 4.86/4.9 = 0.99 ≥ 0.95 → 预计达标; interval
  // 64.46～65.46 holds 65 → 波动较大.
  await expectRow('H06', ['64.96%', '−0.04个百分点', '预计达标', '⚠ 波动较大']);
  // H21 每年降低1个百分点 from 2018's 55.5: target 2025 = 55.5 − 7 = 48.5. Linear over 2018, 2020–2024 (55.5, 54.6,
  // 53.8, 53.0, 52.3, 51.0): x̄ = 2021.33, ȳ = 53.37, slope −17.23/23.33 = −0.7386, ŷ(2025) = 53.37 − 3.67·0.7386 =
  // 50.66, gap +2.16; CR =
  // (50.66 − 55.5)/(48.5 − 55.5) = 0.69 → 需加快; interval 50.01～51.30 leaves out 48.5: no flag.
  await expectRow('H21', ['50.66%', '+2.16个百分点', '需加快', '']);
  // E02 90%左右 (88–92), linear: 86.5, 88.0, 89.6, 91.2, 92.5: ȳ = 89.56,
  // Σdx·dy = 2·3.06 + 1·1.56 + 0 + 1·1.64 + 2·2.94 = 15.2, slope 1.52, ŷ(2025) = 89.56 + 3·1.52 = 94.12; 2.12 above
  // 92 where 2020 was 1.5 below 88: further from the band → 倒退; interval 93.89～94.35 holds neither edge.
  await expectRow('E02', ['94.12%', '+2.12个百分点', '倒退', '']);
  // E06 ≥98%: 2024's 99.1 meets it → 已达标; linear over 95, 96.2, 97, 99.1 (2020–2022, 2024): x̄ = 2021.75, slope
  // 8.825/8.75 = 1.0086, ŷ(2025) = 96.825 + 3.25·1.0086 = 100.10, gap +2.1: a gross rate (毛入学率) passes 100 %,
  // so its trend is not held there.
  await expectRow('E06', ['100.1%', '+2.1个百分点', '已达标', '']);
  // H17 ≥1 小时/天: 1.2 in 2024 meets it → 已达标; two figures, the line through them: 1.2 + 0.2 = 1.4, gap +0.4.
  await expectRow('H17', ['1.4 小时/天', '+0.4 小时/天', '已达标', '']);
  // W01 ↑ 元/月, CAGR: (1100/800)^(1/4) − 1 = 8.29 %, 1100 · 1.0829 = 1191.16; growth ≥ 2 % a year → 预计达标.
  await expectRow('W01', ['1191.16 元/月', '—', '预计达标', '']);
  // W08 ↓ 人, linear: 5, 2, 4, 1, 3: slope −5/10 = −0.5, ŷ(2025) = 3 − 1.5 = 1.5 → a count, up to 2 人 for ↓;
  // changes −, +, −, + reverse 3 times → 波动较大.
  await expectRow('W08', ['2 人', '—', '预计达标', '⚠ 波动较大']);
  // S03 ↓ 起, linear: 18, 15, 16, 12, 9: slope −21/10 = −2.1, ŷ(2025) = 14 − 6.3 = 7.7 → 8 起; changes −, +, −, −
  // reverse twice → 波动较大.
  await expectRow('S03', ['8 起', '—', '预计达标', '⚠ 波动较大']);
  // P04 全覆盖, linear: 80, 90.5, 95, 98.5 (2021–2024): slope 30/5 = 6, ŷ(2025) = 91 + 2.5·6 = 106 → 100%, gap 0 (said
  // 与目标持平, as the report says it), CR = (100 − 80)/(100 − 80) = 1 → 预计达标; the trend's own interval 98.25～113.75 holds 100 → 波动较大.
  await expectRow('P04', ['100%', '与目标持平', '预计达标', '⚠ 波动较大']);

  // The 2024 monitoring report says the same of these rows, in its words.
  await page.getByRole('button', { name: '打印报告' }).click();
  const report = page.getByRole('dialog', { name: '监测报告' });
  await expect(report.getByRole('heading', { level: 1 })).toContainText('年度监测报告（2024年）');
  // Of 65 rows E06 and H17 meet their targets: 2/65 = 3.08 → 3.1 %; 55 rows have no figure at all (65 − 10).
  await expect(report.locator('.report-summary')).toHaveText(
    '65项指标中已达标2项，达标率3.1%（其中有量化目标的44项，方向性目标21项；数据不足的55项也计入总数）。',
  );
  await expect(report.locator('table.warnings tbody tr')).toHaveText([
    'H03 5岁以下儿童死亡率市卫健局6.3‰（2024年）<6‰（以下）6.1‰高于目标 0.1个千分点需加快波动较大',
    'H06 0-6个月婴儿纯母乳喂养率市卫健局63.9%（2024年）≥65%（达到…以上）64.96%低于目标 0.04个百分点预计达标波动较大',
    'H21 儿童青少年总体近视率市教育局51%（2024年）每年降低1个百分点以上（2024年应≤49.5%，2025年应≤48.5%）50.66%高于目标 2.16个百分点需加快',
    'S03 儿童道路交通事故发生数市公安局9 起（2024年）↓ 减少8 起—预计达标波动较大',
    'E02 普惠性幼儿园覆盖率市教育局92.5%（2024年）≈90%（保持在…左右，即88%～92%）94.12%高于上限 92% 2.12个百分点倒退',
    'W08 流浪儿童数量市民政局3 人（2024年）↓ 减少2 人—预计达标波动较大',
    'P04 儿童之家服务覆盖率市妇联98.5%（2024年）=100%（全覆盖）100%与目标持平预计达标波动较大',
  ]);
  // The 中期评估 reads as at the end of 2023: 2024's figures left out and every projection made again.
  await report.getByLabel('报告类型').selectOption('mid-term');
  await expect(report.getByRole('heading', { level: 1 })).toContainText('中期评估报告（2023年）');
  // As of 2023: 已达标 H17 (1 ≥ 1) and E02 (91.2 within 88～92); 预计达标 H06, E06, S03, W01, W08, P04; 需关注 H03,
  // H21 (below); no figure 55.
  await expect(report.locator('.report-summary')).toHaveText(
    '截至2023年，65项指标中已达标2项，预计达标6项，需关注2项，数据不足55项。',
  );
  await expect(report.locator('table.tally tr').last()).toHaveText('合计6526255');
  // H03: GROWTH over 7.2, 7.0, 6.8, 6.5 (2020–2023) → 6.108‰, CR = (6.108 − 7.2)/(6 − 7.2) = 0.91 → 需加快;
  // since the base 6.5 − 7.2 = −0.7. H21: linear over 2018, 2020–2023 → 51.10, target 2025 48.5, CR = (51.10 −
  // 55.5)/(48.5 − 55.5) = 0.63 → 需加快; 2023's own bound 55.5 − 5 = 50.5; since 2018 52.3 − 55.5 = −3.2.
  const areaRows = report.locator('table.area tbody tr');
  await expect(areaRows.filter({ hasText: 'H03' })).toHaveText(
    'H035岁以下儿童死亡率7.2‰6.5‰−0.7个千分点<6‰（以下）需加快',
  );
  await expect(areaRows.filter({ hasText: 'H21' })).toHaveText(
    'H21儿童青少年总体近视率55.5%（2018年）52.3%−3.2个百分点每年降低1个百分点以上（2023年应≤50.5%）需加快',
  );
  await expect(report.locator('table.warnings tbody tr').first()).toHaveText(
    'H03 5岁以下儿童死亡率市卫健局6.5‰（2023年）<6‰（以下）6.11‰高于目标 0.11个千分点需加快波动较大',
  );
  // The 终期评估 before any 2025 figure: nothing can be judged yet, the 10 rows with figures are 待补报.
  await report.getByLabel('报告类型').selectOption('final');
  await expect(report.getByRole('heading', { level: 1 })).toContainText('终期评估报告（2025年）');
  await expect(report.locator('table.tally tr').last()).toHaveText('合计650001055—');
  await expect(areaRows.filter({ hasText: 'H03' })).toHaveText(
    'H035岁以下儿童死亡率7.2‰6.3‰（2024年）−0.9个千分点<6‰（以下）待补报2025年数值（按趋势需加快）',
  );
  await page.keyboard.press('Escape');
  await expect(report).toHaveCount(0);

  // A note starting with “-” (Excel would take it for a formula) goes out escaped.
  await workbook.typeInto('H03', '备注', '-2024年为快报数');
  await workbook.waitSaved();
  await page.getByRole('button', { name: '导出CSV' }).click();
  const exportDialog = page.getByRole('dialog', { name: '导出 CSV' });
  await expect(exportDialog.getByLabel('全部指标（65 项）')).toBeChecked();
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: '导出' }).click();
  const exported = readFileSync(await (await downloading).path(), 'utf8');
  expect(exported.charCodeAt(0)).toBe(0xfeff);
  expect(exported.split('\r\n').length).toBeGreaterThan(65);
  expect(exported.replaceAll('\r\n', '')).not.toContain('\n');
  expect(exported).toContain(",'-2024年为快报数,");
  expect(exported).toContain('H03,儿童与健康');

  // Opened in Excel and saved again: “CSV UTF-8” gives the same bytes; “CSV (逗号分隔)” gives GBK, where H21's
  // note has a “?” for each “−” (U+2212, not in GBK). Both back in: nothing changes, nothing is the department's.
  expect(exported).toContain('2018年值 − (y − 2018)');
  dialog = await importFiles(page, [
    { name: '全部指标_UTF8.csv', mimeType: 'text/csv', buffer: Buffer.from(exported) },
    {
      name: '全部指标_Excel.csv',
      mimeType: 'text/csv',
      buffer: encodeGbk(exported.slice(1).replaceAll('−', '?')),
    },
  ]);
  await expect(dialog.getByLabel('导入摘要')).toContainText(
    '2 个文件；匹配到指标的行 130 行； 将修改 0 个单元格',
  );
  await expect(dialog.getByLabel('导入摘要')).toContainText('冲突 0 处；忽略 0 行；错误 0 处；');
  await expect(dialog.locator('p.hint[role="status"]')).toHaveText(
    '文件中的数值与工作簿中的完全相同，无需导入。',
  );
  // H21's note came back with “?”: it was listed here as what 市教育局 wrote.
  await expect(dialog.getByRole('list', { name: '报送单位的说明' })).toHaveCount(0);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);
  workbook.expectNoErrors();
});

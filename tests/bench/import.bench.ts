/**
 * Benchmark (not a test): importing a 10,000-row CSV, against PapaParse alone on the same text.
 * Run with `npm run bench:import`; vitest prints mean times and how many times slower the full import is.
 */
import Papa from 'papaparse';
import { bench, describe } from 'vitest';
import { serializeIndicatorsCsv } from '../../src/io/csv-export';
import { decodeCsvBytes } from '../../src/io/csv-decode';
import { parseImportFile, planImport } from '../../src/io/csv-import';
import type { Indicator } from '../../src/model/indicator';
import { LANXI_2021_2025 } from '../../src/model/plan/lanxi-2021-2025';

const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const ROWS = 10_000;

/** 10,000 rows: the plan's indicators repeated per county, with generated (not real) values. */
function makeRows(withValues: boolean): Indicator[] {
  const rows: Indicator[] = [];
  for (let i = 0; rows.length < ROWS; i += 1) {
    const base = LANXI_2021_2025.indicators[i % LANXI_2021_2025.indicators.length]!;
    const values: Indicator['values'] = {};
    if (withValues)
      for (const year of YEARS.slice(2, 7)) values[year] = Math.round((50 + ((i * 7 + year) % 40)) * 10) / 10;
    rows.push({
      ...base,
      code: `C${String(i).padStart(5, '0')}`,
      name: `${base.name}（县${Math.floor(i / 65)}）`,
      values,
    });
  }
  return rows;
}

const existing = makeRows(false);
const csv = serializeIndicatorsCsv(makeRows(true), YEARS);
const bytes = new TextEncoder().encode(csv);
console.log(`file: ${ROWS} rows, ${(bytes.length / 1024 / 1024).toFixed(2)} MB`);

describe(`import ${ROWS} rows`, () => {
  bench('PapaParse alone (the floor)', () => {
    Papa.parse(csv, { skipEmptyLines: 'greedy' });
  });
  bench('decode + parse + match + preview plan', () => {
    const decoded = decodeCsvBytes(bytes, 'bench.csv');
    if (!decoded.ok) throw new Error(decoded.message);
    const parsed = parseImportFile(decoded.text, 'bench.csv', existing, YEARS, decoded.encoding);
    const plan = planImport([parsed]);
    if (plan.updates.length === 0) throw new Error('nothing matched');
  });
});

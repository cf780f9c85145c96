import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'test-results', 'playwright-report', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    ...solid,
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The benchmark runs in Node and hands functions to the page (page.evaluate), which run in the browser.
    files: ['tests/bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  // Each outside library lives in one folder of its own: Dexie in store/, Handsontable and HyperFormula in grid/,
  // PapaParse in io/, chart.js in charts/.
  ...[
    { files: ['src/ui/**', 'src/app/**', 'src/main.tsx'], allowed: ['solid-js'] },
    { files: ['src/store/**'], allowed: ['dexie'] },
    { files: ['src/grid/**'], allowed: ['handsontable', 'hyperformula'] },
    { files: ['src/io/**'], allowed: ['papaparse'] },
    { files: ['src/charts/**'], allowed: ['chart.js'] },
  ].map(({ files, allowed }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['dexie', 'handsontable*', 'hyperformula', 'papaparse', 'chart.js*', 'solid-js*'].filter(
            (pattern) => !allowed.some((name) => pattern.startsWith(name)),
          ),
        },
      ],
    },
  })),
  {
    // The pure domain imports no UI, storage, grid, chart or CSV library, and nothing else of the app.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'solid-js*',
            'dexie',
            'handsontable*',
            'hyperformula',
            'chart.js*',
            'papaparse',
            '**/store/**',
            '**/grid/**',
            '**/ui/**',
            '**/io/**',
            '**/app/**',
          ],
        },
      ],
    },
  },
  {
    // The build leaves out HyperFormula's descriptions of its functions (vite.config.ts): its function-list API
    // would describe none of them. The workbook's help says in Chinese what its formulas do.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(getAvailableFunctions|getFunctionDetails)$/]',
          message: "HyperFormula's function descriptions are left out of the build (vite.config.ts).",
        },
      ],
    },
  },
);

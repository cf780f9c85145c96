import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.scratch'] },
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
    // Each outside library lives in one folder of its own: Dexie in store/, Handsontable and HyperFormula in grid/.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/store/**', 'src/grid/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['dexie', 'handsontable*', 'hyperformula'] }] },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['handsontable*', 'hyperformula', 'solid-js*'] }],
    },
  },
  {
    files: ['src/grid/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['dexie'] }] },
  },
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
);

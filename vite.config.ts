import { readFileSync } from 'node:fs';
import { type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

/**
 * The built app is one self-contained HTML file that opens by double-click (file://) as well as from a static
 * server. Its only outside reference, the favicon in public/, becomes a data URL so the file works on its own.
 */
function inlineFavicon(): Plugin {
  const href = './favicon.svg';
  return {
    name: 'inline-favicon',
    apply: 'build',
    transformIndexHtml(html) {
      const svg = readFileSync(new URL('./public/favicon.svg', import.meta.url));
      return html.replace(`href="${href}"`, `href="data:image/svg+xml;base64,${svg.toString('base64')}"`);
    },
  };
}

/**
 * Handsontable carries its core styles as a string (styles/handsontableStyles.mjs: handsontable.min.css, 172 kB,
 * 18 kB of the file gzipped) and puts them on the page unless a style with their id is already there. The grid puts
 * the same rules there first, written for Chrome and Edge (addCoreStyles in src/grid/workbook-grid.ts), so that
 * string was never used but still went out in every copy of the file. It is resolved here to the grid's own copy:
 * one copy of the rules in the file, and Handsontable, should it ever inject them, injects the same ones. The dev
 * server pre-bundles Handsontable without this plugin; addCoreStyles runs first there too.
 */
function handsontableCoreStylesOnce(): Plugin {
  const bundled = '\0handsontable-core-styles';
  return {
    name: 'handsontable-core-styles-once',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromHandsontable = importer?.replace(/\\/g, '/').includes('/node_modules/handsontable/');
      return fromHandsontable && source.endsWith('/styles/handsontableStyles.mjs') ? bundled : null;
    },
    load(id) {
      return id === bundled ? "export { default } from 'handsontable/styles/handsontable.css?inline';" : null;
    },
  };
}

/**
 * HyperFormula carries an English description of each of its 370 functions (interpreter/functionMetadata: 185 kB,
 * 25 kB of the file gzipped), read only by its function-list API (getAvailableFunctions, getFunctionDetails). The
 * workbook calls neither (eslint.config.js keeps it so): it has no function picker, and its help is in Chinese. The
 * catalogue is resolved to an empty one; every function still parses and computes as before, and that API would
 * list them by name only, as it lists custom functions.
 */
function withoutHyperFormulaFunctionDocs(): Plugin {
  const empty = '\0hyperformula-function-docs-left-out';
  return {
    name: 'hyperformula-function-docs-left-out',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromHyperFormula = importer?.replace(/\\/g, '/').includes('/node_modules/hyperformula/');
      return fromHyperFormula && source.endsWith('/functionMetadata/index.mjs') ? empty : null;
    },
    load(id) {
      // Prototype-less, as the catalogue is: FUNCTION_DOCS['toString'] must be undefined.
      return id === empty ? 'export const FUNCTION_DOCS = Object.create(null);' : null;
    },
  };
}

export default defineConfig({
  // Relative asset paths so the built app works from any folder of a static server or shared drive.
  base: './',
  // viteSingleFile inlines scripts, styles and assets into dist/index.html (a module script inlined in the
  // page runs from file://; an external one is blocked there).
  plugins: [
    solid(),
    inlineFavicon(),
    handsontableCoreStylesOnce(),
    withoutHyperFormulaFunctionDocs(),
    viteSingleFile(),
  ],
  build: {
    target: 'es2022',
    // The app is for Chrome and Edge (README). For the browsers of es2022 (Chrome 94, Firefox, Safari) the CSS
    // minifier rewrites Handsontable's core styles into selectors Chromium matches against every element of the
    // page (addCoreStyles in src/grid/workbook-grid.ts).
    cssTarget: ['chrome109', 'edge109'],
    chunkSizeWarningLimit: 4000,
    // Everything is in one chunk, so there is nothing to preload.
    modulePreload: false,
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    environment: 'node',
    // A test's time limit only catches a hang; no unit test measures speed (npm run bench does). Vitest's 5 s
    // default failed runs on a busy 2-core machine: the 1,500-row storage tests of history-versions took 5.2 s, and
    // up to 15 s in later loaded runs.
    testTimeout: 60_000,
  },
});

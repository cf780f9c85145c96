import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

/** The floor page is built like the app (one self-contained HTML file), into dist-bench/floor/. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [viteSingleFile()],
  logLevel: 'warn',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    modulePreload: false,
    outDir: fileURLToPath(new URL('../../../dist-bench/floor', import.meta.url)),
    emptyOutDir: true,
  },
});

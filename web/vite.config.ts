import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Placeholder until the web app lands (branch `web` owns web/): root web/, output dist/web.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: fileURLToPath(new URL('../dist/web', import.meta.url)), emptyOutDir: true },
});

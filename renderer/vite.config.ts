import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// import.meta.dirname rather than node:url: the renderer folder's lint bans Node imports.
const here = import.meta.dirname;

/**
 * Builds the renderer as static files. `base: './'` because the same build is
 * served by the loopback host over http and by Electron from an `app://` scheme.
 * No inline scripts or styles: index.html carries a strict CSP.
 */
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}/../out/renderer`,
    emptyOutDir: true,
    // Inlined assets would become data: URLs for scripts/styles, which the CSP refuses.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: false,
    // Non-ASCII characters escaped: the page's scripts are then kept one byte a character.
    rolldownOptions: { output: { charset: 'ascii' } },
  },
});

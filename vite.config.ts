import { defineConfig } from 'vite';

// The renderer is a static bundle: served by the browser-mode server or by
// Electron's trellis:// protocol. No eval anywhere, so a strict CSP holds.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});

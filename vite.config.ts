import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  // The repository is the root: index.html sits beside shared/ and locales/, which the web imports.
  root,
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Fastify serves dist/web under a CSP without 'unsafe-inline': never inline assets as data: URLs.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});

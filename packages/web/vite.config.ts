/**
 * Vite build of the Sarhad web UI. `vite build` writes packages/web/dist, which `sarhad serve` serves at `/` on the
 * same origin as the API (so the HttpOnly, SameSite=Strict session cookie just works). `vite` (dev) proxies /api to
 * a local `sarhad serve` on port 4400.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names under /assets/ are served with immutable caching by the server.
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:4400', changeOrigin: false } },
  },
});

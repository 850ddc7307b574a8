// The web build of the renderer for local web mode (`cur-lens serve`), into out/renderer-web/.
// The desktop build of the same sources is in electron.vite.config.ts.
//
// Content-Security-Policy (both shells): `style-src 'self' 'nonce-…'`, no 'unsafe-inline'. The
// server (app:// handler or `cur-lens serve`) injects `<meta name="csp-nonce" content="…">` into
// index.html's <head>; the renderer must create its Emotion cache with that nonce, e.g.
//   createCache({ key: 'css', nonce: document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? undefined })
// and wrap the app in <CacheProvider>. Inline `<style>`/`<script>` in index.html would be blocked.
// (No node: imports here: the renderer's lint rules cover this folder; import.meta.dirname is enough.)
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    // Relative to root, i.e. <project>/out/renderer-web.
    outDir: '../out/renderer-web',
    emptyOutDir: true,
    reportCompressedSize: false,
    // Served from this machine, never over a network: one large chunk costs nothing.
    chunkSizeWarningLimit: 5000,
  },
})

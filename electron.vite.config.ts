// Builds the desktop app into out/: main (electron/main plus the engine entry that runs in the
// utilityProcess), the sandboxed preload (CommonJS: sandboxed preloads cannot be ES modules) and
// the renderer. Dependencies stay external in main, so @duckdb/node-api and its native binary load
// from node_modules (unpacked from the asar by electron-builder).
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'engine-main': resolve('core/worker/engine-main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rolldownOptions: { input: resolve('renderer/index.html') },
      // Loaded from the app bundle, never over a network: one large chunk costs nothing.
      chunkSizeWarningLimit: 5000,
    },
  },
})

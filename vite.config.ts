/**
 * Build of the whole app: the React renderer (also the web player that phones load from the host)
 * to out/renderer, and through vite-plugin-electron the main process, the headless host CLI and the
 * preload (and the server and import threads' scripts) to out/main and out/preload as CommonJS (a sandboxed preload cannot load ESM).
 * `npm run dev` (vite serve) serves the renderer with hot reload, rebuilds main and preload on
 * change, and starts Electron on the app at the repository root, which loads the dev server
 * (VITE_DEV_SERVER_URL, see src/main/app/dev-server.ts).
 * Tests use vitest.config.ts, so this Electron plugin never runs under vitest.
 */
import type { SpawnOptions } from 'node:child_process';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import electron from 'vite-plugin-electron/simple';
import pkg from './package.json' with { type: 'json' };

// Runtime dependencies stay in node_modules (and in app.asar); everything else is bundled.
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
];

type Startup = (argv?: string[], options?: SpawnOptions) => Promise<boolean>;

/**
 * Starts Electron on the app at the repository root, where package.json names out/main/index.js.
 * The plugin's default would start it in Vite's root (src/renderer), where there is no app, and
 * with --no-sandbox: the renderer sandbox stays on in dev too.
 */
const startElectron = async (startup: Startup): Promise<void> => {
  await startup(['.'], { cwd: __dirname });
};
/** A preload change reloads the page; the first build of all (the preload is built last) starts the app. */
const electronRunning = () => (process as { electronApp?: unknown }).electronApp !== undefined;

const nodeBuild = (outDir: string) => ({
  build: {
    outDir,
    // Each folder is one build's alone (main, CLI and the threads in out/main; the preload in
    // out/preload): emptied first, so that chunks of earlier builds never ship in app.asar.
    emptyOutDir: true,
    sourcemap: false,
    minify: false,
    rolldownOptions: { external },
  },
});

export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  publicDir: false,
  build: {
    outDir: resolve(__dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'es2022',
  },
  plugins: [
    react(),
    electron({
      main: {
        entry: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          // The competition server's thread, started by both (src/main/server/server-thread.ts).
          'server-worker': resolve(__dirname, 'src/main/server/server-worker.ts'),
          // Quiz file imports' thread, started by importQuizFile (src/main/library/importers/import-quiz-file.ts).
          'import-worker': resolve(__dirname, 'src/main/library/importers/import-worker.ts'),
        },
        onstart: ({ startup }) => startElectron(startup),
        vite: nodeBuild(resolve(__dirname, 'out/main')),
      },
      preload: {
        input: resolve(__dirname, 'src/preload/index.ts'),
        onstart: ({ startup, reload }) => (electronRunning() ? reload() : startElectron(startup)),
        vite: nodeBuild(resolve(__dirname, 'out/preload')),
      },
    }),
  ],
});

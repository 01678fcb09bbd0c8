/**
 * Test configuration: plain Node, no Electron plugin. Suites live in test/, grouped in projects by
 * what they need, so that each kind runs on its own (`npm run test:unit`, `test:e2e`, ...):
 *   unit         the engine, protocol, parsers, decoders, library and reports: in memory, seconds
 *   integration  real hosts on loopback sockets (worker threads, child processes, the CLI), and
 *                what the build serves to phones
 *   e2e          real Chromium against a real headless host
 *   lan          real mDNS between network namespaces (root and iproute2, else skipped)
 *   reliability  fuzzing, floods, chaos, a lossy network, the benchmark's smoke game
 *   desktop      the desktop services and the Electron shell without the Electron binary
 * `npm test` runs every project; it is what CI runs.
 */
import { defineConfig } from 'vitest/config';

const unitFiles = ['test/unit/**/*.test.ts', 'test/library/**/*.test.ts', 'test/lan/discovery-parts.test.ts'];
/** Files in the folders above that start processes: they belong with the integration tests. */
const spawning = ['test/library/host-cli-library.test.ts', 'test/library/atomic-write.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: unitFiles, exclude: spawning } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/build/**/*.test.ts', ...spawning],
        },
      },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'lan',
          include: ['test/lan/**/*.test.ts'],
          exclude: ['test/lan/discovery-parts.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'reliability', include: ['test/reliability/**/*.test.ts', 'test/bench/**/*.test.ts'] },
      },
      { extends: true, test: { name: 'desktop', include: ['test/desktop/**/*.test.ts'] } },
    ],
  },
});

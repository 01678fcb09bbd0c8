/**
 * The web player's start-up bundle as the bundler sees it (type-only imports erased; screens that
 * load on first use left out), for the one boundary that is about what ships to phones: nothing a
 * phone loads reaches zod. Types derived from schemas are fine; schemas stay in the host. Every
 * other boundary: .dependency-cruiser.cjs.
 */
const base = require('./.dependency-cruiser.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-zod-in-the-renderer',
      severity: 'error',
      comment: 'Phones load the renderer bundle: validation happens on the host.',
      from: { path: '^src/renderer/main\\.tsx$' },
      to: { path: 'node_modules/zod/', reachable: true },
    },
  ],
  options: {
    ...base.options,
    tsPreCompilationDeps: false,
    exclude: { ...base.options.exclude, dynamic: true },
  },
};

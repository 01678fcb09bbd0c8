/**
 * The architecture's boundaries, checked by `npm run lint` (dependency-cruiser): which code may
 * import electron, the ws server, bonjour-service, zod and Node's side-effecting modules, and no
 * import cycles. ../shared/DESIGN.md explains why each boundary exists.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle makes load order matter and hides which module owns what.',
      from: { path: '^(src|bench|test)/' },
      to: { circular: true },
    },
    {
      name: 'electron-only-in-the-shell',
      severity: 'error',
      comment:
        'Only src/main/index.ts, src/main/app/ and src/preload/ talk to Electron; everything else runs and is tested under plain Node.',
      from: { path: '^src/', pathNot: '^src/(main/index\\.ts|main/app/|preload/)' },
      to: { path: '^electron$|node_modules/electron/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ws-only-in-server-and-desktop-client',
      severity: 'error',
      comment:
        'Only server/ runs a ws server; the desktop session hands the ws client class to QuizClient. Shared and renderer code use the standard WebSocket API.',
      from: { path: '^src/', pathNot: '^src/main/(server|desktop)/' },
      to: { path: 'node_modules/ws/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'bonjour-only-in-discovery',
      severity: 'error',
      comment: 'mDNS stays behind the small discovery interface.',
      from: { path: '^src/', pathNot: '^src/main/discovery/' },
      to: { path: 'node_modules/bonjour-service/' },
    },
    {
      name: 'renderer-sees-only-shared',
      severity: 'error',
      comment: 'The renderer runs in a browser: it reaches the host only through QuizApi.',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|preload)/' },
    },
    {
      name: 'shared-is-shared',
      severity: 'error',
      comment: 'src/shared runs in every process: it imports nothing from main, preload or renderer.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(main|preload|renderer)/' },
    },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: 'The engine never reads a clock, a socket or a file: no Node module with side effects.',
      from: { path: '^src/main/game/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'engine-imports-only-shared',
      severity: 'error',
      comment: 'The engine depends on the protocol and the quiz model, never on the server or hosts.',
      from: { path: '^src/main/game/' },
      to: { path: '^src/', pathNot: '^src/(main/game|shared)/' },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    exclude: { path: '^(out|release)/' },
  },
};

/**
 * Import rules of docs/architecture (checked by `npm run check`):
 * web -> contract <- server; a server module reaches another only through its index.ts;
 * the kernel imports no module; the contract imports neither side.
 */
module.exports = {
  forbidden: [
    {
      name: 'web-not-to-server',
      severity: 'error',
      comment: 'The web talks to the server only through the contract (HTTP).',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-to-web',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^web/' },
    },
    {
      name: 'contract-stands-alone',
      severity: 'error',
      comment: 'The contract runs in the browser and in node: zod only, no server or web code.',
      from: { path: '^contract/' },
      to: { path: '^(server|web|e2e)/' },
    },
    {
      name: 'kernel-imports-no-module',
      severity: 'error',
      comment: 'Integration tests placed beside the kernel may drive modules; kernel code may not.',
      from: { path: '^server/src/kernel/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/src/modules/' },
    },
    {
      name: 'modules-through-index',
      severity: 'error',
      comment: 'A module imports another module only through its index.ts.',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: {
        path: '^server/src/modules/([^/]+)/',
        pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'outside-modules-through-index',
      severity: 'error',
      comment: 'Composition, CLI and HTTP glue also use a module only through its index.ts.',
      from: {
        path: '^server/src/',
        pathNot: ['^server/src/modules/', '\\.test\\.ts$', '^server/src/testing/'],
      },
      to: { path: '^server/src/modules/[^/]+/', pathNot: '^server/src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'no-circular-modules',
      severity: 'error',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: { path: '^server/src/modules/', circular: true, pathNot: '^server/src/modules/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'default'],
    },
    exclude: { path: ['node_modules', 'dist', '\\.data'] },
  },
};

// Import boundaries from ../shared/ARCHITECTURE.md, checked in `npm test` (npm run boundaries).
const room = (name) => `^src/${name}/`;
const native = (pkg) => `node_modules/${pkg}/`;

/** A room may import only the listed rooms (and itself, and npm packages unless restricted). */
const only = (from, allowed, comment) => ({
  name: `${from}-imports-only-${allowed.join('-') || 'itself'}`,
  comment,
  severity: 'error',
  from: { path: room(from) },
  to: { path: '^(src|electron)/', pathNot: [room(from), ...allowed.map(room)] },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    only('core', [], 'core is pure domain logic: it imports nothing else from src'),
    only('api', ['core'], 'the contract depends on the domain only'),
    only('store', ['core'], 'rooms below sync/backend import core only'),
    only('ml', ['core'], 'rooms below sync/backend import core only'),
    only('platforms', ['core'], 'rooms below sync/backend import core only'),
    only('media', ['core'], 'rooms below sync/backend import core only'),
    only('catalog', ['core'], 'rooms below sync/backend import core only'),
    only('compliance', ['core'], 'rooms below sync/backend import core only'),
    only('sync', ['core', 'store', 'platforms'], 'the sync engine sits on store and platforms'),
    only('backend', ['core', 'api', 'store', 'ml', 'platforms', 'media', 'catalog', 'compliance', 'sync', 'hub'], 'backend composes the rooms (the team hub among them); it never imports a host'),
    only('hub', ['core'], 'the team hub (PostgreSQL) client sits on the domain only; the backend maps it onto the local store'),
    only('server', ['api', 'backend'], 'hosts are composition roots over api and backend'),
    // Departure from ARCHITECTURE.md: `stoa serve` starts the browser-mode host, so the CLI may import server.
    // Likewise `stoa hub init|status` talk to the team hub's PostgreSQL directly.
    only('cli', ['api', 'backend', 'server', 'hub'], 'the CLI is a composition root over api and backend (and starts the server and the hub)'),
    only('ui', ['api', 'core'], 'the UI talks to the backend only through the contract'),
    {
      name: 'electron-imports-api-and-backend',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^src/', pathNot: [room('api'), room('backend')] },
    },
    {
      name: 'no-node-in-browser-rooms',
      comment: 'core, api and ui run in the renderer: no Node built-ins',
      severity: 'error',
      from: { path: '^src/(core|api|ui)/' },
      to: { dependencyTypes: ['core'] },
    },
    { name: 'sqlite-only-in-store', severity: 'error', from: { pathNot: room('store') }, to: { path: native('better-sqlite3'), dependencyTypesNot: ['type-only'] } },
    { name: 'onnxruntime-only-in-ml', severity: 'error', from: { pathNot: room('ml') }, to: { path: native('onnxruntime-node'), dependencyTypesNot: ['type-only'] } },
    { name: 'pg-only-in-hub', severity: 'error', from: { pathNot: room('hub') }, to: { path: native('pg'), dependencyTypesNot: ['type-only'] } },
    { name: 'sharp-only-in-media', severity: 'error', from: { pathNot: room('media') }, to: { path: native('sharp'), dependencyTypesNot: ['type-only'] } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|test|scripts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};

// Lint enforces the layers (ARCHITECTURE.md): core is pure Node, the renderer sees core only as
// types (plus the pure formatting and bridge-client modules), Electron main never reaches renderer code.
import tseslint from 'typescript-eslint'

const restrict = (patterns) => ['error', { patterns }]

const CORE_IS_PURE_NODE = [
  { group: ['electron', 'electron/*'], message: 'core/ is pure Node: no Electron.' },
  { group: ['react', 'react-dom', 'react/*', '@mui/*', '@nivo/*'], message: 'core/ has no UI.' },
  { group: ['**/renderer/**', '**/electron/**', '**/cli/**'], message: 'core/ is the bottom layer.' },
]

// Bottom to top; each layer lists the folders above it. The API's types (core/api.ts,
// core/api-values.ts) sit beside every layer.
const TOP = ['create-api', 'worker', 'hosting']
const PRODUCTS = ['reports', 'chargeback', 'sql-console', 'workspace']
const CORE_LAYERS = [
  {
    folders: ['errors', 'format', 'files', 'engine', 'bridge'],
    above: ['cache', 'sources', 'rows', 'usage-logs', ...PRODUCTS, ...TOP],
  },
  { folders: ['cache', 'sources'], above: ['rows', 'usage-logs', ...PRODUCTS, ...TOP] },
  { folders: ['rows', 'usage-logs'], above: [...PRODUCTS, ...TOP] },
  { folders: ['reports'], above: ['chargeback', 'sql-console', 'workspace', ...TOP] },
  { folders: ['chargeback'], above: ['reports', 'sql-console', ...TOP] },
  { folders: ['sql-console'], above: ['reports', 'chargeback', 'workspace', ...TOP] },
  { folders: ['workspace'], above: ['reports', 'sql-console', ...TOP] },
  { folders: ['worker', 'hosting'], above: [] },
]

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.cache/', 'test-results/', 'bin/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Inside core, data flows one way (docs/design.md): a layer imports only the layers below it.
  ...CORE_LAYERS.map(({ folders, above }) => ({
    files: folders.map((f) => `core/${f}/**/*.ts`),
    rules: {
      'no-restricted-imports': restrict([
        ...CORE_IS_PURE_NODE,
        ...(above.length
          ? [
              {
                group: above.map((f) => `**/${f}/**`),
                message: `core/${folders.join(', core/')} may not import a layer above it (${above.join(', ')}).`,
              },
            ]
          : []),
      ]),
    },
  })),
  {
    files: ['core/*.ts'],
    rules: { 'no-restricted-imports': restrict(CORE_IS_PURE_NODE) },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrict([
        {
          // A regex, because gitignore-style groups cannot re-include files under an excluded folder.
          regex:
            '(^|/)core/(?!format/|api-values(\\.js)?$|bridge/client(\\.js)?$|errors/curlens-error(\\.js)?$)',
          allowTypeImports: true,
          message:
            "The renderer imports core only as types (plus core/format, the API's fixed values and the bridge client).",
        },
        {
          group: ['node:*', 'fs', 'path', 'child_process', 'electron'],
          message: 'The renderer has no Node or Electron.',
        },
        {
          group: ['**/electron/**', '**/cli/**'],
          message: 'The renderer talks only to CurLensApi.',
        },
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/renderer/**', 'react', 'react-dom'],
          message: 'Electron main does not import renderer code.',
        },
      ]),
    },
  },
)

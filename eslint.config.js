// Lint enforces the layers (ARCHITECTURE.md): core is pure Node, the renderer sees core only as
// types (plus the pure formatting and bridge-client modules), Electron main never reaches renderer code.
import tseslint from 'typescript-eslint'

const restrict = (patterns) => ['error', { patterns }]

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.cache/', 'test-results/', 'bin/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'electron/*'], message: 'core/ is pure Node: no Electron.' },
        {
          group: ['react', 'react-dom', 'react/*', '@mui/*', '@nivo/*'],
          message: 'core/ has no UI.',
        },
        {
          group: ['**/renderer/**', '**/electron/**', '**/cli/**'],
          message: 'core/ is the bottom layer.',
        },
      ]),
    },
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

// Lint rules for the whole repository. The `no-restricted-imports` rules enforce the dependency direction in
// ARCHITECTURE.md: the engine and screening libraries depend on nothing in the repository, web talks HTTP only,
// and nothing imports web or cli.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noImportOf = (names, why) =>
  names.map((name) => ({ group: [name, `${name}/*`, `**/packages/${name.split('/')[1]}/**`], message: why }));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'reports/**', 'screenshots/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: noImportOf(['@sarhad/web', '@sarhad/cli'], 'Nothing imports web or cli (ARCHITECTURE.md).') },
      ],
    },
  },
  {
    files: ['packages/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: noImportOf(
            ['@sarhad/screening', '@sarhad/server', '@sarhad/web', '@sarhad/cli'],
            'The engine depends on nothing in the repository (ARCHITECTURE.md).',
          ),
        },
      ],
    },
  },
  {
    files: ['packages/engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'node:fs', 'http', 'node:http', 'sharp'].map((name) => ({
            name,
            message: 'The engine is pure computation: callers do I/O and decoding (ARCHITECTURE.md).',
          })),
          patterns: noImportOf(
            ['@sarhad/screening', '@sarhad/server', '@sarhad/web', '@sarhad/cli'],
            'The engine depends on nothing in the repository (ARCHITECTURE.md).',
          ),
        },
      ],
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: noImportOf(
            ['@sarhad/engine', '@sarhad/screening', '@sarhad/server', '@sarhad/cli'],
            'The web UI talks to the server over HTTP only (ARCHITECTURE.md).',
          ),
        },
      ],
    },
  },
  {
    files: ['packages/screening/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: noImportOf(
            ['@sarhad/engine', '@sarhad/server', '@sarhad/web', '@sarhad/cli'],
            'Screening depends on nothing in the repository (ARCHITECTURE.md).',
          ),
        },
      ],
    },
  },
);

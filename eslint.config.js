import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'bench/out/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a literal union or an `as const` object.' },
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'indexedDB',
          'fetch',
          'setTimeout',
          'setInterval',
          'navigator',
          'crypto',
          'Date',
        ].map((name) => ({ name, message: 'packages/core is pure: inject this through a port.' })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the injected Random port.' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Functions handed to page.evaluate run in the page.
    files: ['bench/run.mjs', 'bench/profile.mjs'],
    languageOptions: { globals: { window: 'readonly' } },
  },
  {
    files: [
      'demo/**/*.js',
      'bench/page/**/*.js',
      'hosts/*/src/**/*.{js,jsx}',
      'hosts/cdn-csp/*.js',
    ],
    languageOptions: { globals: globals.browser },
  },
);

// ESLint flat config: typescript-eslint for all TypeScript, eslint-plugin-vue for the renderer,
// Prettier owns formatting (eslint-config-prettier turns the conflicting rules off).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      '.kiosk-data/',
      'tests/artifacts/',
      'electron/host/platform/spec/openapi.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['electron/**', 'drivers/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // DESIGN §2.1: the host and the drivers run without the Electron binary; only the shell may import it.
    files: [
      'electron/host/**',
      'electron/shared/**',
      'electron/browser/**',
      'drivers/**',
      'renderer/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only electron/main and electron/preload may import electron (DESIGN §2.1).',
            },
          ],
        },
      ],
    },
  },
  prettier,
);

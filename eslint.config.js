// Lint rules that keep the layers honest (house style): shared/ runs anywhere,
// renderer/ reaches the backend only through the API client.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeModules = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'util', 'crypto', 'stream', 'http', 'https', 'net', 'events', 'buffer'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'vault/**', 'test-results/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', ...nodeModules, ...nodeModules.map((m) => `${m}/*`)], message: 'shared/ is pure TypeScript: no Node modules.' },
            { group: ['electron', 'electron/*', 'react', 'react-dom', 'react/*', 'react-dom/*', 'monaco-editor', 'monaco-editor/*', 'cytoscape', 'cytoscape-*', 'zustand', 'zustand/*'], message: 'shared/ is pure TypeScript: no Electron, React or UI libraries.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import other layers.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'require', '__dirname', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', ...nodeModules, 'electron', 'electron/*'], message: 'renderer/ reaches the backend only through the API client.' },
            { group: ['**/electron/**'], message: 'renderer/ must not import the Node side.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' }] }],
    },
  },
);

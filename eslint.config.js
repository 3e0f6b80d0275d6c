import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'util', 'worker_threads'];
const banNode = nodeBuiltins.map((name) => ({ group: [name], message: 'This layer must not import Node built-ins.' }));
const banElectron = { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import electron.' };
const banCore = { group: ['**/electron/**', '../electron/*', '../../electron/*'], message: 'The renderer talks to the core only through the shared contract.' };

// Layering (README, Architecture): shared imports nothing from Node/DOM/Electron; the core, host and
// CLI never import electron; the renderer never imports Node, electron or the core.
export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report', 'e2e/fixtures/**', 'electron/**/*.fixture.js', 'bench-data', 'scratch', '.tmp-*/**', 'electron/core/import/wire/validators/ninjs-*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', { patterns: [...banNode, banElectron, { group: ['react', 'react-dom', 'zustand'], message: 'shared/ is UI-free.' }] }] },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.{ts,mjs}', 'electron/cli/**/*.{ts,mjs}', 'electron/bench/**/*.{ts,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [banElectron, { group: ['react', 'react-dom', 'zustand', '**/renderer/**'], message: 'The core has no UI.' }] }] },
  },
  {
    // The CLI is a client of the contract (a third transport): it opens a library with
    // openKroniek and does everything else through dispatch, never through core internals.
    files: ['electron/cli/**/*.{ts,mjs}'],
    ignores: ['electron/cli/**/*.test.ts', 'electron/cli/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            banElectron,
            { group: ['react', 'react-dom', 'zustand', '**/renderer/**'], message: 'The core has no UI.' },
            { group: ['../core/*', '../core/**', '!../core/app'], message: 'The CLI calls the core through dispatch (shared/contract), never its internals.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [...banNode, banElectron, banCore] }],
    },
  },
  {
    // Renderer tests and their helpers may open the real core in-process (renderer/src/test/real-core.ts):
    // vitest runs them in Node. Production renderer code stays banned from Node and the core above.
    files: ['renderer/**/test/**/*.{ts,tsx}', 'renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^electron(/.*)?$', message: banElectron.message }] }] },
  },
);

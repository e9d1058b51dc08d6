// Lint rules that keep the architecture honest (DESIGN.md "Layout"):
// only the two IPC wrappers touch ipcMain/ipcRenderer, and the core never imports electron.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ipcWrappers = ['electron/shell/ipc-transport.ts', 'electron/preload.ts'];

const noElectron = {
  paths: [
    {
      name: 'electron',
      message:
        'The core, shared/ and the browser host are plain Node: declare an interface and let electron/ glue pass the Electron implementation.',
    },
  ],
  patterns: [{ group: ['electron/*'], message: 'No Electron here.' }],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-electron/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/artifacts/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The renderer talks to main only through window.lobby.' }] },
      ],
      // Types from anywhere in shared/; values only from its zod-free modules, so no schema library
      // reaches the page (150 KB budget, and zod's eval probe trips the CSP).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'shared/(contract|config|dispatch|request|bootstrap|backend/.*)$',
              allowTypeImports: true,
              message:
                'This shared module builds zod schemas; import its types, or values from a zod-free module such as shared/request-rules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/browser-host/**/*.ts', 'electron/launcher/**/*.ts', 'shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: [...ipcWrappers, 'electron/core/**', 'electron/browser-host/**', 'electron/launcher/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Only electron/shell/ipc-transport.ts and electron/preload.ts use ipcMain/ipcRenderer; go through the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

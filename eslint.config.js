// One lint config for every workspace: typescript-eslint's recommended rules plus the few
// rules that keep our conventions (no floating promises in consumers, no console in services).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', '.data/**', 'bench/results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/scripts/**', '**/cli/**', '**/bench/**', '**/*.test.ts', '**/*.cli.ts'],
    rules: { 'no-console': 'off' },
  },
);

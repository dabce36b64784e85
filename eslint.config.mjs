// ESLint with typescript-eslint's recommended rules, over the TypeScript and build scripts.
// assembly/ is AssemblyScript (decorators on functions are not TypeScript syntax): asc checks it.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'build/out/**',
      'node_modules/**',
      'assembly/**',
      'bindings/backend/wasm/generated/**',
      'test/docs/.blocks/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);

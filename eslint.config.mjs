import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'var/**',
      'scripts/*.js',
      '*.config.js',
      'web/vite.config.ts',
      '*.cjs',
      'bench/reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through the validated env class (libs/config), not process.env.',
        },
      ],
    },
  },
  {
    // Boot code and tests are where the environment is read.
    files: [
      '**/main.ts',
      'scripts/**/*.ts',
      'libs/config/**',
      'libs/testing/**',
      '**/test/**',
      '**/*.spec.ts',
      'bench/**',
      'libs/processes/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);

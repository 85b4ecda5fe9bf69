// typescript-eslint, plus the module boundaries of ARCHITECTURE §2: core imports nothing else from src/, rules import
// only core, and only cli/ and the dashboard wire modules together.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const outer = ['rules', 'collectors', 'parsers', 'reporters', 'cli', 'dashboard', 'testing'];
const importsOf = (names) => names.flatMap((name) => [`**/${name}/*`, `**/${name}/**`, `../${name}`, `../../${name}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**', 'ftr-demo-output/**', 'docs/**', 'schemas/**'] },
  js.configs.recommended,
  { files: ['**/*.js'], languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: importsOf(outer), message: 'src/core imports nothing from the outer modules (ARCHITECTURE §2).' }] }],
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    ignores: ['src/rules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: importsOf(['collectors', 'parsers', 'reporters', 'cli', 'dashboard', 'testing']), message: 'rules import only core and rules/_lib.' }],
          paths: [{ name: 'node:fs', message: 'rules are pure: no I/O.' }, { name: '@aws-sdk', message: 'a rule never calls AWS.' }],
        },
      ],
    },
  },
  {
    files: ['src/collectors/**/*.ts', 'src/parsers/**/*.ts', 'src/reporters/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: importsOf(['rules', 'cli', 'dashboard', 'testing']), message: 'collectors, parsers and reporters depend on core only.' }] }],
    },
  },
);

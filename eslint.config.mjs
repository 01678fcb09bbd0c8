// Lint rules: typescript-eslint's recommended set everywhere, React hooks rules in the renderer.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', '.tools/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Served to every phone: a quiz in the bundle hands out its answers (test/build scans the build too).
    files: ['src/renderer/**/*.{ts,tsx}', 'src/shared/client/**/*.ts', 'src/shared/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/quiz/builtin-pack', '**/quiz/pack/**', '**/*.json'],
              message:
                'The web player must hold no quiz: list quizzes from the host snapshot and send new_game by id.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/builtin-pack|\\/pack\\/|\\.json$/]',
          message:
            'The web player must hold no quiz: list quizzes from the host snapshot and send new_game by id.',
        },
      ],
    },
  },
  {
    files: ['src/main/game/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'Date', 'performance'],
    },
  },
  {
    // Tool configurations in CommonJS (dependency-cruiser's).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

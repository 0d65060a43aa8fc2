import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'lib/db/generated/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The protocol core stays framework-free (ARCHITECTURE.md): no Next.js, React or Prisma.
    files: ['lib/oidc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'react', 'react/*', 'react-dom', '@prisma/*'], message: 'lib/oidc must not depend on frameworks or Prisma.' },
            { group: ['**/db/**', '**/generated/**', '**/app/**', '**/components/**', '**/auth/**', '**/server/**'], message: 'lib/oidc reaches storage only through ports.ts.' },
          ],
        },
      ],
    },
  },
);

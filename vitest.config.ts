import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '@dendrite/vitest-config';

/** One vitest project per workspace folder; every test runs against src/ without a build. */
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tooling/*'].map((glob) =>
      mergeConfig(sharedConfig(), {
        test: { name: glob.split('/')[0], include: [`${glob}/src/**/*.test.ts`, `${glob}/test/**/*.test.ts`] },
      }),
    ),
    pool: 'forks',
  },
});

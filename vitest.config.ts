import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'bots/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    // Tests that start servers and databases run in separate forks; two cores → two workers.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});

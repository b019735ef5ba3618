import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start brokers and child processes on loopback; two cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});

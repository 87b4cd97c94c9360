import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI; a cold mathjs load takes about a second.
    testTimeout: 30_000,
  },
});

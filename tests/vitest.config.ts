import { defineConfig } from "vitest/config";

// "unit" needs no build; "site" reads dist/ and drives Chromium against the real server.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          root: ".",
          // A PostgreSQL server for the store tests on both backends.
          globalSetup: ["tests/setup/postgres.ts"],
          include: [
            "tests/unit/**/*.test.ts",
            "tests/snapshots/**/*.test.ts",
            "tests/api/**/*.test.ts",
          ],
          testTimeout: 30000,
        },
      },
      {
        test: {
          name: "site",
          root: ".",
          include: ["tests/site/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          testTimeout: 60000,
          hookTimeout: 60000,
          fileParallelism: false,
        },
      },
    ],
  },
});

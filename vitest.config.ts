import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    reporters: ["default", "./tests/helpers/summary-reporter.ts"],
    setupFiles: ["./tests/helpers/setup.ts"],
    // Builds and external validators (jing, xmllint, feedparser) take longer than unit tests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: "America/Los_Angeles" },
  },
});

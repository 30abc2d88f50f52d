/** Two projects: core (node) for the pure TypeScript core, CLI and office gateway; ui (jsdom) for the taskpane. */
const tsJest = ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }];

module.exports = {
  // Component and browser tests wait on lazy tabs, debounced refreshes and Chromium: generous on a
  // loaded 2-core machine (tests wait for states, never for time: this only bounds a failure).
  testTimeout: 120000,
  reporters: ["default", "<rootDir>/test/reporters/summary-line.js"],
  projects: [
    {
      displayName: "core",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/taskpane/", "<rootDir>/test/e2e/"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
    {
      displayName: "ui",
      testEnvironment: "jsdom",
      roots: ["<rootDir>/test/taskpane"],
      testMatch: ["<rootDir>/test/taskpane/**/*.test.ts?(x)"],
      setupFilesAfterEnv: ["<rootDir>/test/taskpane/setup.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      moduleNameMapper: { "\\.(css|png|svg)$": "<rootDir>/test/taskpane/fileStub.js" },
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      roots: ["<rootDir>/test/e2e"],
      testMatch: ["<rootDir>/test/e2e/**/*.e2e.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
  ],
};

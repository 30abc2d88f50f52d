/** Two projects: core (node) for the pure TypeScript core and CLI, ui (jsdom) for the taskpane. */
const tsJest = ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }];

module.exports = {
  projects: [
    {
      displayName: "core",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["<rootDir>/test/core/**/*.test.ts", "<rootDir>/test/cli/**/*.test.ts", "<rootDir>/test/office/**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
  ],
};

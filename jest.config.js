// One jest run over every package; tests import the sibling packages' sources, not dist.
const mapper = {
  '^@lamina/api/testing$': '<rootDir>/packages/api/src/testing/index.ts',
  '^@lamina/api$': '<rootDir>/packages/api/src/index.ts',
  '^@lamina/backend-cpu$': '<rootDir>/packages/backend-cpu/src/index.ts',
  '^@lamina/backend-tfjs$': '<rootDir>/packages/backend-tfjs/src/index.ts',
  '^@lamina/datasets$': '<rootDir>/packages/datasets/src/index.ts',
};
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  moduleNameMapper: mapper,
  testTimeout: 120000,
};

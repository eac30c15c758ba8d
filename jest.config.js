// ESM + @swc/jest: the fastest setup that ran our ESM TypeScript tests on Node 20 (ts-jest was slower).
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/cache-home-setup.mjs',
  globalTeardown: '<rootDir>/test/cache-home-teardown.mjs',
};

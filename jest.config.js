/**
 * One jest config for unit specs (beside the code) and e2e specs (test/e2e).
 * ESM end to end: run under `node --experimental-vm-modules` (see package.json "test").
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/{src,libs,config,test}/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  // the headless-Chromium specs of the admin panel run separately: npm run test:admin (jest.admin.config.js)
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/admin/'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/jest.setup.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const rootDir = fileURLToPath(new URL('.', import.meta.url));
// Node resolves `graphql` (for Pothos and Yoga, loaded by Node) to its CommonJS build, while Vite
// prefers the ES module build: two copies of graphql that refuse each other's types. Tests use
// the one Node uses.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  root: 'web',
  plugins: [svelte({ configFile: false })],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  server: {
    // `npm run dev` serves the API on 4000; the Vite dev server forwards GraphQL to it.
    // The Host header is kept (changeOrigin: false): the sign-in routes refuse a POST whose
    // Origin is not the host it was sent to.
    proxy: {
      '/graphql': { target: 'http://localhost:4000', changeOrigin: false },
      '/auth': { target: 'http://localhost:4000', changeOrigin: false },
      '/healthz': { target: 'http://localhost:4000', changeOrigin: false },
    },
  },
  test: {
    alias: [{ find: /^graphql$/, replacement: graphqlEntry }],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: rootDir,
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: rootDir,
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          // One Neo4j serves every file; files run one after another so that each sees the
          // graph it expects.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: rootDir,
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});

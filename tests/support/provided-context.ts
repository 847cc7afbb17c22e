/** Values the global setups hand to the test files through `inject()`. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Bolt URI of the seeded test Neo4j. */
    neo4jUri: string;
    /** Base URL of the running app (e2e only). */
    appUrl: string;
  }
}

export {};

/**
 * The local Neo4j: fetches the Neo4j 5.26 Community jars with Maven (once, cached in neo4j/lib)
 * and runs neo4j/Launcher.java with the JDK's single-file source launcher.
 *
 * Used by `npm run db`, by `npm start` when NEO4J_URI is unset, and by the test global setups.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const NEO4J_DIR = dirname(fileURLToPath(import.meta.url));
const LIB_DIR = join(NEO4J_DIR, 'lib');
const STAMP_FILE = join(LIB_DIR, '.pom-sha256');
const READY_MARKER = 'METROKARTTA_NEO4J_READY';

/** Flags Neo4j 5 needs on Java 17: its page cache and Netty reach into these JDK internals. */
export const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
];

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1. */
  port: number;
  /** Database home folder; created when missing. */
  dataDir: string;
  /** JVM heap, e.g. `1g`. */
  heap?: string;
  pageCacheMb?: number;
  /** Where the database's own output goes; silent by default. */
  onOutput?: (line: string) => void;
  /** How long to wait for the ready line. */
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  dataDir: string;
  /** Time from spawning the JVM to the ready line. */
  startupMs: number;
  process: ChildProcess;
  /** Stops the database cleanly (its shutdown hook runs) and waits for the JVM to exit. */
  stop(): Promise<void>;
}

/**
 * The local Neo4j cannot be used for a reason the user fixes (a taken port, a data folder another
 * process holds): its message is one paragraph saying what to do, with no JVM output attached.
 */
export class LocalNeo4jUnavailableError extends Error {
  override name = 'LocalNeo4jUnavailableError';
}

function pomDigest(): string {
  return createHash('sha256')
    .update(readFileSync(join(NEO4J_DIR, 'pom.xml')))
    .digest('hex');
}

/** True when neo4j/lib holds the jars of the current pom.xml. */
export function jarsAreFetched(): boolean {
  return (
    existsSync(STAMP_FILE) &&
    readFileSync(STAMP_FILE, 'utf8').trim() === pomDigest() &&
    readdirSync(LIB_DIR).some((name) => name.startsWith('neo4j-bolt-'))
  );
}

/**
 * Fetches the Neo4j jars from Maven Central into neo4j/lib unless they are already there for this
 * pom.xml. Maven's own cache (~/.m2) makes a re-fetch after a pom change cheap.
 */
export async function ensureNeo4jJars(log: (line: string) => void = () => {}): Promise<void> {
  if (jarsAreFetched()) {
    return;
  }
  log('Fetching Neo4j jars with Maven (first run only)...');
  mkdirSync(LIB_DIR, { recursive: true });
  try {
    await promisify(execFile)(
      'mvn',
      ['-B', '-q', '-f', join(NEO4J_DIR, 'pom.xml'), 'dependency:copy-dependencies'],
      { maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Could not fetch the Neo4j jars with Maven (mvn -f neo4j/pom.xml dependency:copy-dependencies). ` +
        `Is Maven installed and Maven Central reachable? ${detail}`,
    );
  }
  writeFileSync(STAMP_FILE, `${pomDigest()}\n`);
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          resolvePort(address.port);
        } else {
          reject(new Error('Could not pick a free port'));
        }
      });
    });
  });
}

/** True when something already listens on 127.0.0.1:port. */
export function portIsTaken(port: number): Promise<boolean> {
  return new Promise((resolveTaken) => {
    const server = createServer();
    server.once('error', () => resolveTaken(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveTaken(false)));
  });
}

/** The java command line that runs the launcher. */
export function launcherCommand(options: LocalNeo4jOptions): { command: string; args: string[] } {
  const args = [
    `-Xmx${options.heap ?? '1g'}`,
    ...JVM_FLAGS,
    '-cp',
    `${LIB_DIR}/*`,
    join(NEO4J_DIR, 'Launcher.java'),
    // The database stops when our end of its stdin closes: on stop(), and also when this Node
    // process dies without cleaning up, so no orphaned JVM keeps the port and the store lock.
    '--exit-on-stdin-close',
  ];
  const javaHome = process.env.JAVA_HOME;
  return { command: javaHome ? join(javaHome, 'bin', 'java') : 'java', args };
}

/**
 * Starts the local Neo4j and resolves once Bolt answers queries. Rejects with the database's last
 * output lines when it exits or does not become ready in time.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  await ensureNeo4jJars(options.onOutput);
  if (await portIsTaken(options.port)) {
    throw new LocalNeo4jUnavailableError(
      `Port ${options.port} on 127.0.0.1 is already in use. If a Neo4j already runs there ` +
        `(for example from \`npm run db\`), set NEO4J_URI=bolt://127.0.0.1:${options.port}; ` +
        'otherwise choose another NEO4J_PORT.',
    );
  }
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const { command, args } = launcherCommand(options);
  const started = Date.now();
  const child = spawn(command, args, {
    env: {
      ...process.env,
      NEO4J_PORT: String(options.port),
      NEO4J_DATA_DIR: dataDir,
      NEO4J_PAGECACHE_MB: String(options.pageCacheMb ?? 128),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 40) {
      recent.shift();
    }
    options.onOutput?.(line);
  };
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', remember);
  const stdout = createInterface({ input: child.stdout as NodeJS.ReadableStream });

  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const ready = new Promise<void>((resolveReady, reject) => {
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `Neo4j did not start within ${options.startTimeoutMs ?? 180_000} ms:\n${recent.join('\n')}`,
        ),
      );
    }, options.startTimeoutMs ?? 180_000);
    stdout.on('line', (line) => {
      remember(line);
      if (line.startsWith(READY_MARKER)) {
        clearTimeout(timeout);
        resolveReady();
      }
    });
    child.once('error', (error) => {
      clearTimeout(timeout);
      reject(new Error(`Could not run java (JDK 17+ is needed): ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timeout);
      // Neo4j's FileLockException: another JVM owns this store (e.g. one still starting up, so
      // its Bolt port did not answer yet). Its stack trace would only bury what to do.
      if (recent.some((line) => line.includes('Lock file has been locked by another process'))) {
        reject(
          new LocalNeo4jUnavailableError(
            `The Neo4j data folder ${dataDir} is in use by another running Neo4j (its store lock ` +
              'is taken), which does not answer on port ' +
              `${options.port} yet. If the app is still starting, wait until it is ready and try ` +
              'again; if that Neo4j runs on another port, set NEO4J_URI=bolt://127.0.0.1:<its port>; ' +
              'or stop it, or choose another NEO4J_DATA_DIR for a separate database.',
          ),
        );
        return;
      }
      reject(
        new Error(
          `Neo4j exited before it was ready (code ${code}, signal ${signal}):\n${recent.join('\n')}`,
        ),
      );
    });
  });
  await ready;

  return {
    uri: `bolt://127.0.0.1:${options.port}`,
    port: options.port,
    dataDir,
    startupMs: Date.now() - started,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      child.stdin?.end();
      const termTimer = setTimeout(() => child.kill('SIGTERM'), 20_000);
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 40_000);
      await exited;
      clearTimeout(termTimer);
      clearTimeout(killTimer);
    },
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export interface ServerProcessOptions {
  /** The built app to serve; null for the API only. Default: ./dist. */
  distDir?: string | null;
  /** More environment, e.g. DATABASE_URL for PostgreSQL. */
  env?: Record<string, string>;
}

/**
 * The real server (src/server/main.ts) as its own process, so that tests can SIGKILL it, on a fixed
 * loopback port so that a restart comes back at the same address (for the app: the same origin, and
 * so the same IndexedDB); SQLite in a temporary data directory unless `DATABASE_URL` is given.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private output = '';
  readonly dataDir = mkdtempSync(join(tmpdir(), 'lagerkoll-server-data-'));
  private readonly distDir: string;
  private readonly env: Record<string, string>;

  constructor(
    readonly port: number,
    { distDir = join(ROOT, 'dist'), env = {} }: ServerProcessOptions = {},
  ) {
    this.distDir = distDir ?? join(this.dataDir, 'no-app');
    this.env = env;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The SQLite database the server writes (when no DATABASE_URL is given). */
  get databaseFile(): string {
    return join(this.dataDir, 'lagerkoll.sqlite');
  }

  async start(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        DIST_DIR: this.distDir,
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`The server did not start:\n${this.output}`)), 20_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.includes('Lagerkoll is running')) {
          clearTimeout(timer);
          ready();
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`The server exited (${code}) before it was ready:\n${this.output}`));
      });
    });
  }

  /**
   * The one-time set-up code the server printed at start (only while it has no administrator); waits
   * for the line, which follows the "running" line.
   */
  async setupCode(timeoutMs = 5_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = /Set-up code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(this.output);
      if (match?.[1]) return match[1];
      if (Date.now() > deadline) throw new Error(`The server printed no set-up code:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Kills the process at once, as a power cut or an OOM kill would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
    this.child = null;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

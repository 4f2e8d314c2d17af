import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

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

/**
 * The real server as its own process, on a fixed port (the app's origin, and so its IndexedDB,
 * must stay the same across a restart) with a temporary data directory.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private output = '';
  readonly dataDir = mkdtempSync(join(tmpdir(), 'lagerkoll-e2e-data-'));

  constructor(
    readonly port: number,
    private readonly distDir: string = join(ROOT, 'dist'),
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get databaseFile(): string {
    return join(this.dataDir, 'lagerkoll.sqlite');
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        DIST_DIR: this.distDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`The server did not start:\n${this.output}`)), 20_000);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.includes('Lagerkoll is running')) {
          clearTimeout(timer);
          ready();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`The server exited (${code}) before it was ready:\n${this.output}`));
      });
    });
  }

  /** Kills the process at once, as a power cut or an OOM kill would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
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

// Real Pnyx processes (`node --import tsx bots/main.ts`) serving one Telegram bot by webhook against the fake Bot API,
// as behind a load balancer: each process has its own webhook port, and the caller chooses which one an update goes to.
// Shared by the chaos test and the several-processes benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { FakeTelegram } from './fakes/telegram-api';

const root = join(import.meta.dirname, '..');
export const WEBHOOK_SECRET = 'several-processes-secret';

export interface PnyxProcess {
  name: string;
  port: number;
  hook: { url: string; secret: string };
  child?: ChildProcess;
  /** Accepting deliveries (listening, and not being killed). */
  up: boolean;
  /** Its JSON log lines, across restarts. */
  logs: Array<Record<string, unknown>>;
  exited?: Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function until<T>(check: () => T | undefined | false, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A process slot (its port stays the same across restarts, as behind a load balancer). */
export async function processSlot(name: string): Promise<PnyxProcess> {
  const port = await freePort();
  return { name, port, hook: { url: `http://127.0.0.1:${port}/hook`, secret: WEBHOOK_SECRET }, up: false, logs: [] };
}

/**
 * Starts (or restarts) the process of a slot; resolves once its webhook listens. A slot's port taken meanwhile (it was
 * free when chosen, or while the process was down, and the system gave it to some outgoing connection) moves the slot
 * to another port, as a load balancer would be told.
 */
export async function launch(proc: PnyxProcess, tg: FakeTelegram, env: Record<string, string>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await launchOnce(proc, tg, env);
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE/.test(`${String(error)} ${JSON.stringify(proc.logs.slice(-5))}`)) throw error;
      proc.port = await freePort();
      proc.hook = { url: `http://127.0.0.1:${proc.port}/hook`, secret: WEBHOOK_SECRET };
    }
  }
}

async function launchOnce(proc: PnyxProcess, tg: FakeTelegram, env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bots/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TELEGRAM_WEBHOOK_URL: proc.hook.url,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TELEGRAM_WEBHOOK_PORT: String(proc.port),
      TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
      WEB_ENABLED: 'false',
      WEB_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.child = child;
  collectLogLines(child, (line) => proc.logs.push({ ...line, run: proc.name }));
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  proc.exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const from = proc.logs.length;
  await until(
    () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${proc.name} exited: ${errors}`);
      return proc.logs.slice(from).some((l) => l.msg === 'telegram: webhook listening') || undefined;
    },
    90_000,
    `${proc.name} to listen`,
  );
  proc.up = true;
}

/** Hands each JSON log line the process prints to `onLine` (other output, such as a URL line, is skipped). */
export function collectLogLines(child: ChildProcess, onLine: (line: Record<string, unknown>) => void): void {
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      try {
        onLine(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
  });
}

/** SIGKILL, as a crash: nothing is flushed, nothing is said. */
export async function crash(proc: PnyxProcess): Promise<void> {
  proc.up = false;
  proc.child?.kill('SIGKILL');
  await proc.exited;
}

/** SIGTERM every process still running, and waits for them. */
export async function stopAll(procs: readonly PnyxProcess[]): Promise<void> {
  for (const proc of procs) {
    proc.up = false;
    if (proc.child && proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGTERM');
  }
  await Promise.all(procs.map((p) => p.exited));
}

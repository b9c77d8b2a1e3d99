// The adapters `npm start` can run, found here rather than named in main.ts: each says which environment variables it
// reads, whether they ask for it, and how to start it. A new platform is one more entry.
import type { PnyxApp } from '../core/app';
import { ConfigError } from '../core/config/load';

export interface RunningAdapter {
  stop(): Promise<void>;
}

export interface AdapterHooks {
  /** The adapter stopped for good (a revoked token, another process polling): the process should exit. */
  onFatal(error: unknown): void;
}

export interface AdapterModule<E = unknown> {
  name: string;
  /** Parses and checks its variables (a ConfigError lists every problem, secrets never echoed). */
  env(env: NodeJS.ProcessEnv): E;
  /** Whether the variables ask for this adapter (a token is set). */
  wanted(env: E): boolean;
  /**
   * Runs when no other adapter does (the web playground), unless its own variables forbid it; `forced`: asked for
   * explicitly even beside others.
   */
  fallback?: { forced(env: E): boolean; forbidden(env: E): boolean };
  start(app: PnyxApp, env: E, hooks: AdapterHooks): Promise<RunningAdapter>;
}

/** Adapters in start order. Each module imports its platform library only when started. */
export async function loadAdapters(): Promise<AdapterModule[]> {
  const modules = await Promise.all([import('./telegram/module'), import('./discord/module'), import('./web/module')]);
  return modules.map((m) => m.adapter as AdapterModule);
}

/** Every adapter's variables, with all their problems reported together. */
export function adapterEnvs(adapters: readonly AdapterModule[], env: NodeJS.ProcessEnv): Map<AdapterModule, unknown> {
  const problems: string[] = [];
  const parsed = new Map<AdapterModule, unknown>();
  for (const adapter of adapters) {
    try {
      parsed.set(adapter, adapter.env(env));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new ConfigError('environment', problems);
  return parsed;
}

/** Starts every adapter asked for, and the fallback ones when nothing else runs (or when forced). */
export async function startAdapters(app: PnyxApp, envs: Map<AdapterModule, unknown>, hooks: AdapterHooks): Promise<Array<{ name: string } & RunningAdapter>> {
  const running: Array<{ name: string } & RunningAdapter> = [];
  for (const [adapter, env] of envs) {
    if (adapter.fallback || !adapter.wanted(env)) continue;
    running.push({ name: adapter.name, ...(await adapter.start(app, env, hooks)) });
  }
  for (const [adapter, env] of envs) {
    if (!adapter.fallback) continue;
    const { forced, forbidden } = adapter.fallback;
    if (forced(env) || (running.length === 0 && !forbidden(env))) running.push({ name: adapter.name, ...(await adapter.start(app, env, hooks)) });
  }
  return running;
}

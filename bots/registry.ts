// The adapters `npm start` can run, found here rather than named in main.ts: each says which environment variables it
// reads, whether they ask for it, and how to start it. A new platform is one more entry.
import type { Hono } from 'hono';
import type { PnyxApp } from '../core/app';
import { ConfigError } from '../core/config/load';

export interface RunningAdapter {
  stop(): Promise<void>;
  /**
   * Whether it is connected to its platform and taking events now (/readyz); false while it reconnects. Optional:
   * an adapter without it counts as ready once started.
   */
  ready?(): boolean | Promise<boolean>;
}

export interface AdapterHooks {
  /** The adapter stopped for good (a revoked token, another process polling): the process should exit. */
  onFatal(error: unknown): void;
  /** The process's /healthz, /readyz and /metrics, for the adapter that declares `hostsOps` to mount on its server. */
  ops?: Hono;
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
  /** It serves HTTP on WEB_HOST:WEB_PORT and mounts `hooks.ops` there, so the process needs no server of its own for them. */
  hostsOps?: boolean;
}

/** Adapters in start order. Each module imports its platform library only when started. */
export async function loadAdapters(): Promise<AdapterModule[]> {
  const modules = await Promise.all([import('./telegram/module'), import('./discord/module'), import('./slack/module'), import('./web/module')]);
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

/** The adapters to start, in order: every one asked for, and the fallback ones when nothing else runs (or when forced). */
export function plannedAdapters(envs: Map<AdapterModule, unknown>): AdapterModule[] {
  const planned: AdapterModule[] = [];
  for (const [adapter, env] of envs) {
    if (!adapter.fallback && adapter.wanted(env)) planned.push(adapter);
  }
  for (const [adapter, env] of envs) {
    if (!adapter.fallback) continue;
    const { forced, forbidden } = adapter.fallback;
    if (forced(env) || (planned.length === 0 && !forbidden(env))) planned.push(adapter);
  }
  return planned;
}

/** Starts the planned adapters. */
export async function startAdapters(app: PnyxApp, envs: Map<AdapterModule, unknown>, hooks: AdapterHooks): Promise<Array<{ name: string } & RunningAdapter>> {
  const running: Array<{ name: string } & RunningAdapter> = [];
  for (const adapter of plannedAdapters(envs)) running.push({ name: adapter.name, ...(await adapter.start(app, envs.get(adapter), hooks)) });
  return running;
}

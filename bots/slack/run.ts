// Running the Slack app: HTTP mode (Bolt's receiver on a port, events, slash commands and interactivity all at
// /slack/events, every request verified with the signing secret; any number of processes behind a load balancer, the
// database deduplicating Slack's retries) or Socket Mode (an outgoing WebSocket opened with the app-level token; no
// public URL). Stopping closes the receiver first, then waits for battles in flight.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackApp, type SlackApp, type SlackAppParts } from './adapter';

export interface StartSlackAppOptions {
  app: SlackAppParts;
  botToken: string;
  signingSecret?: string;
  /** Set → Socket Mode. */
  appToken?: string;
  apiUrl?: string;
  /** HTTP mode: where the receiver listens (default 3001 on every interface). */
  port?: number;
  host?: string;
}

export interface RunningSlackApp {
  slack: SlackApp;
  mode: 'http' | 'socket';
  /** HTTP mode: where the receiver listens. */
  address?: AddressInfo;
  stop(): Promise<void>;
}

/** How long stop() waits for battles in flight before giving up on them. */
const DRAIN_MS = 15_000;

export async function startSlackApp(options: StartSlackAppOptions): Promise<RunningSlackApp> {
  const slack = await createSlackApp(options);
  const log = options.app.log.child({ platform: 'slack' });
  const mode = options.appToken ? 'socket' : 'http';
  let address: AddressInfo | undefined;
  if (mode === 'socket') {
    await slack.bolt.start();
    log.info({ bot: slack.bot.name }, 'slack: connected in Socket Mode');
  } else {
    const server = (await slack.bolt.start({ port: options.port ?? 3001, host: options.host ?? '0.0.0.0' })) as Server;
    address = server.address() as AddressInfo;
    log.info({ bot: slack.bot.name, port: address.port, path: '/slack/events' }, 'slack: listening for Slack requests');
  }
  let stopped = false;
  return {
    slack,
    mode,
    ...(address ? { address } : {}),
    async stop() {
      if (stopped) return;
      stopped = true;
      await slack.bolt.stop().catch((error: unknown) => log.warn({ err: error }, 'slack: receiver did not stop cleanly'));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), DRAIN_MS)));
      const outcome = await Promise.race([slack.idle().then(() => 'idle' as const), timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') log.warn('slack: stopped with events still being handled');
      log.info('slack: stopped');
    },
  };
}

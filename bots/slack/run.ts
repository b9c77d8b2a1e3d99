// Running the Slack app: HTTP mode (Bolt's receiver on a port, events, slash commands and interactivity all at
// /slack/events, every request verified with the signing secret; any number of processes behind a load balancer, the
// database deduplicating Slack's retries) or Socket Mode (an outgoing WebSocket opened with the app-level token; no
// public URL). Stopping closes the receiver first, then waits for battles in flight.
import type { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { webApi } from '@slack/bolt';
import { metrics } from '../../core/metrics';
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
  /** Taking events now (/readyz): the socket is connected (Socket Mode), or the receiver listens (HTTP mode). */
  ready(): boolean;
  stop(): Promise<void>;
}

/** How long stop() waits for battles in flight before giving up on them: within the process's 10 s to stop. */
const DRAIN_MS = 5_000;

export async function startSlackApp(options: StartSlackAppOptions): Promise<RunningSlackApp> {
  const slack = await createSlackApp(options);
  const log = options.app.log.child({ platform: 'slack' });
  const mode = options.appToken ? 'socket' : 'http';
  let address: AddressInfo | undefined;
  let connected = false;
  let server: Server | undefined;
  // Slack's 429s are waited out by the WebClient; each one is still counted for the operator.
  slack.bolt.client.on(webApi.WebClientEvent.RATE_LIMITED, (retryAfterSeconds: number, { url }: { url: string }) => {
    metrics.platformRateLimited('slack');
    log.info({ method: url, retryAfterSeconds }, 'slack: rate limited; waiting');
  });
  if (mode === 'socket') {
    // The receiver's Socket Mode client says when the WebSocket is up (after Slack's hello) and when it is lost.
    const socket = (slack.bolt as unknown as { receiver?: { client?: EventEmitter } }).receiver?.client;
    socket?.on('connected', () => (connected = true));
    socket?.on('reconnecting', () => {
      if (connected) log.warn('slack: Socket Mode connection lost; reconnecting');
      connected = false;
    });
    socket?.on('disconnected', () => (connected = false));
    await slack.bolt.start();
    if (!socket) connected = true;
    log.info({ bot: slack.bot.name }, 'slack: connected in Socket Mode');
  } else {
    server = (await slack.bolt.start({ port: options.port ?? 3001, host: options.host ?? '0.0.0.0' })) as Server;
    address = server.address() as AddressInfo;
    log.info({ bot: slack.bot.name, port: address.port, path: '/slack/events' }, 'slack: listening for Slack requests');
  }
  let stopped = false;
  return {
    slack,
    mode,
    ...(address ? { address } : {}),
    ready: () => !stopped && (mode === 'socket' ? connected : Boolean(server?.listening)),
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

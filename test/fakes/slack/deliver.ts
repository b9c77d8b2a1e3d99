// Slack's side of the app's inbound traffic: signed HTTP POSTs to the Request URL, or envelopes over Socket Mode.
// Every delivery is timed until the app's ack (the HTTP response, or `{envelope_id}` on the socket) because Slack
// gives up after 3 seconds: a slash command then shows "operation_timeout", an event is retried.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { post, randomUUID, sign } from './http';
import type { SlackState } from './state';
import type { Delivery, Forgery } from './types';

/** Slack's deadline for an ack. */
export const ACK_DEADLINE_MS = 3000;

export interface SocketRecord {
  id: number;
  ticket: string;
  openedAt: number;
  closedAt?: number;
  closeCode?: number;
  /** Who ended it: the app (a close frame from the client) or the fake (disconnect message, drop). */
  closedBy?: 'app' | 'fake';
  ws: WebSocket;
}

export interface DeliverOptions {
  forge?: Forgery;
  retryNum?: number;
  retryReason?: string;
  via?: 'http' | 'socket';
}

type Kind = Delivery['kind'];

export class Deliverer {
  /** The app's Request URL in HTTP mode (events, commands and interactivity all go there, as Bolt expects). */
  requestUrl: string | undefined;
  readonly sockets: SocketRecord[] = [];
  /** Envelope acks that matched no envelope (a bug in the app, or an ack after a reconnect). */
  readonly strayAcks: unknown[] = [];
  private tickets = new Set<string>();
  private pending = new Map<string, { delivery: Delivery; settle: () => void }>();
  private wss = new WebSocketServer({ noServer: true });
  private nextDeliveryId = 1;
  private nextSocketId = 1;
  private roundRobin = 0;
  private timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly state: SlackState,
    readonly options: {
      /** Called once the app acked in time, to apply what the ack says (a command's reply, a view's response_action). */
      onAck: (delivery: Delivery) => void;
      /** Retry an event whose delivery failed, after these delays (Slack: at once, after 1 min, after 5 min). */
      eventRetryDelaysMs: number[] | false;
      /** How long to wait for an HTTP answer before calling it lost (Bolt answers by itself after 3 s). */
      httpWaitMs: number;
    },
  ) {}

  ticket(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return ticket;
  }

  get openSockets(): SocketRecord[] {
    return this.sockets.filter((s) => s.closedAt === undefined);
  }

  // === Delivering =====================================================================================

  /** Send one event, command or interaction to the app; resolves once the app acked or Slack would give up. */
  async deliver(kind: Kind, type: string, body: Record<string, unknown>, options: DeliverOptions = {}): Promise<Delivery> {
    const useSocket = options.via ? options.via === 'socket' : this.openSockets.length > 0;
    if (!useSocket && !this.requestUrl) throw new Error('FakeSlack: no Request URL set and no Socket Mode connection open');
    if (useSocket && options.forge) throw new Error('FakeSlack: forged requests only make sense over HTTP');
    const delivery = this.state.record(this.state.deliveries, {
      id: this.nextDeliveryId++,
      kind,
      type,
      transport: useSocket ? 'socket' : 'http',
      body,
      ...(typeof body.event_id === 'string' ? { eventId: body.event_id } : {}),
      retryNum: options.retryNum ?? 0,
      ...(options.retryReason ? { retryReason: options.retryReason } : {}),
      ...(options.forge ? { forged: options.forge } : {}),
      sentAt: Date.now(),
      late: false,
    } as Delivery);
    if (useSocket) await this.overSocket(delivery);
    else await this.overHttp(delivery);
    this.afterAck(delivery);
    return delivery;
  }

  /** Slack's redelivery of the same payload (same `event_id`), with the retry headers / envelope fields. */
  redeliver(delivery: Delivery, reason = 'http_timeout'): Promise<Delivery> {
    return this.deliver(delivery.kind, delivery.type, delivery.body, { retryNum: delivery.retryNum + 1, retryReason: reason, via: delivery.transport });
  }

  private async overHttp(delivery: Delivery): Promise<void> {
    const { body, contentType } = encode(delivery);
    const timestamp = Math.floor(Date.now() / 1000) - (delivery.forged === 'stale' ? 600 : 0);
    const secret = delivery.forged === 'bad-signature' ? `${this.state.id.signingSecret}-wrong` : this.state.id.signingSecret;
    const headers: Record<string, string> = {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...(delivery.forged === 'unsigned' ? {} : { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(secret, timestamp, body) }),
      ...(delivery.retryNum > 0 ? { 'x-slack-retry-num': String(delivery.retryNum), 'x-slack-retry-reason': delivery.retryReason ?? 'http_timeout' } : {}),
    };
    const result = await post(this.requestUrl!, body, headers, this.options.httpWaitMs);
    if (result.error && !result.status) {
      delivery.failure = result.error === 'timeout' ? 'no_ack' : 'connection_failed';
      delivery.late = true;
      this.state.notify();
      return;
    }
    delivery.ackedAt = delivery.sentAt + Math.round(result.ackMs);
    delivery.ackDelayMs = Math.round(result.ackMs);
    delivery.status = result.status;
    delivery.ackBody = parseBody(result.body, String(result.headers['content-type'] ?? ''));
    delivery.late = result.ackMs > ACK_DEADLINE_MS;
    if (result.headers['x-slack-no-retry'] === '1') delivery.noRetry = true;
    if (result.status < 200 || result.status > 299) delivery.failure = `http_${result.status}`;
    else if (delivery.late) delivery.failure = 'late';
    this.state.notify();
  }

  private overSocket(delivery: Delivery): Promise<void> {
    const open = this.openSockets;
    // Slack spreads envelopes over the app's open connections.
    const socket = open[this.roundRobin++ % open.length]!;
    const envelopeId = randomUUID();
    delivery.envelopeId = envelopeId;
    const type = delivery.kind === 'event' ? 'events_api' : delivery.kind === 'command' ? 'slash_commands' : 'interactive';
    // Commands and modal submissions may carry a response in the ack; events and button presses may not.
    const acceptsResponse = delivery.kind === 'command' || delivery.type === 'view_submission' || delivery.type === 'block_suggestion';
    const envelope = {
      envelope_id: envelopeId,
      payload: delivery.body,
      type,
      accepts_response_payload: acceptsResponse,
      ...(delivery.kind === 'event' ? { retry_attempt: delivery.retryNum, retry_reason: delivery.retryReason ?? '' } : {}),
    };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        // Slack has given up; a later ack is still recorded on the delivery (with `late`).
        this.timers.delete(timer);
        if (delivery.ackedAt === undefined) {
          delivery.late = true;
          delivery.failure = 'no_ack';
          this.state.notify();
        }
        resolve();
      }, ACK_DEADLINE_MS + 500);
      this.timers.add(timer);
      this.pending.set(envelopeId, {
        delivery,
        settle: () => {
          clearTimeout(timer);
          this.timers.delete(timer);
          resolve();
        },
      });
      socket.ws.send(JSON.stringify(envelope));
    });
  }

  private afterAck(delivery: Delivery): void {
    if (!delivery.failure) {
      this.options.onAck(delivery);
      return;
    }
    const delays = this.options.eventRetryDelaysMs;
    if (delivery.kind !== 'event' || !delays || delivery.noRetry || delivery.forged) return;
    const delay = delays[delivery.retryNum];
    if (delay === undefined) return;
    const reason = delivery.failure === 'late' || delivery.failure === 'no_ack' ? 'http_timeout' : delivery.failure === 'connection_failed' ? 'connection_failed' : 'http_error';
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.redeliver(delivery, reason).catch(() => undefined);
    }, delay);
    this.timers.add(timer);
  }

  // === Socket Mode ====================================================================================

  /** Accept Socket Mode connections on `/link` of the fake's HTTP server, with a ticket from apps.connections.open. */
  attach(server: Server): void {
    server.on('upgrade', (req, socket: Duplex, head) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const ticket = url.searchParams.get('ticket') ?? '';
      if (!url.pathname.startsWith('/link') || !this.tickets.delete(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, ticket));
    });
  }

  private accept(ws: WebSocket, ticket: string): void {
    const record: SocketRecord = { id: this.nextSocketId++, ticket, openedAt: Date.now(), ws };
    this.sockets.push(record);
    ws.on('message', (data) => {
      let message: { envelope_id?: string; payload?: unknown };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        this.strayAcks.push(String(data));
        return;
      }
      const entry = message.envelope_id ? this.pending.get(message.envelope_id) : undefined;
      if (!entry) {
        this.strayAcks.push(message);
        this.state.notify();
        return;
      }
      this.pending.delete(message.envelope_id!);
      const { delivery } = entry;
      delivery.ackedAt = Date.now();
      delivery.ackDelayMs = delivery.ackedAt - delivery.sentAt;
      delivery.ackBody = message.payload ?? {};
      delivery.late = delivery.ackDelayMs > ACK_DEADLINE_MS;
      if (delivery.late) delivery.failure = 'late';
      else delete delivery.failure;
      entry.settle();
      this.state.notify();
    });
    ws.on('close', (code) => {
      record.closedAt = Date.now();
      record.closeCode = code;
      record.closedBy ??= 'app';
      this.state.notify();
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.openSockets.length,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.state.id.appId },
      }),
    );
    this.state.notify();
  }

  /** Slack's `disconnect` message (e.g. `refresh_requested`, or `warning` ~10 s before): the client should reconnect. */
  sendDisconnect(reason: 'refresh_requested' | 'warning' | 'link_disabled' = 'refresh_requested'): void {
    for (const s of this.openSockets) {
      s.closedBy = 'fake';
      s.ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake' } }));
    }
  }

  /** Cut every connection without a close handshake (a network failure). */
  dropSockets(): void {
    for (const s of this.openSockets) {
      s.closedBy = 'fake';
      s.ws.terminate();
    }
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const entry of this.pending.values()) entry.settle();
    this.pending.clear();
    for (const s of this.openSockets) {
      s.closedBy ??= 'fake';
      s.ws.terminate();
    }
    this.wss.close();
  }
}

/** Events are JSON; commands are a form; interactions are a form with one `payload` field holding JSON. */
function encode(delivery: Delivery): { body: string; contentType: string } {
  if (delivery.kind === 'event') return { body: JSON.stringify(delivery.body), contentType: 'application/json' };
  const form = delivery.kind === 'command' ? (delivery.body as Record<string, string>) : { payload: JSON.stringify(delivery.body) };
  // Exactly this content type: Bolt's HTTPReceiver compares it for equality before parsing a form.
  return { body: new URLSearchParams(form).toString(), contentType: 'application/x-www-form-urlencoded' };
}

function parseBody(text: string, contentType: string): unknown {
  if (!text) return undefined;
  if (contentType.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

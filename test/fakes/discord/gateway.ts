// The gateway over `ws` on the fake's HTTP server: HELLO, IDENTIFY → READY (+ GUILD_CREATE per guild), heartbeat
// ACKs, RESUME → replay of missed dispatches → RESUMED, and the close codes discord.js reacts to. Dispatches made
// while the socket is down are kept with their sequence numbers, as Discord keeps them, and replayed on RESUME; a
// session invalidated (op 9, or a client close with 1000/1001) is gone with everything it had not delivered.
//
// Sharding as Discord does it: IDENTIFY carries `shard: [id, count]` (absent: [0, 1]); a guild's events go only to
// the sessions of shard (guild_id >> 22) % count, DMs to shard 0. Several sessions may run at once — other shards, or
// the same shard twice (two processes of one bot), which then both receive its events, as on Discord.
import type { IncomingMessage, Server } from 'node:http';
import { GatewayIntentBits, GatewayOpcodes } from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import { shardOf } from './model';

/** Intents a bot may only send once they are switched on in the Developer Portal (else close 4014). */
export const PRIVILEGED_INTENTS = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
const KNOWN_INTENTS = Object.values(GatewayIntentBits)
  .filter((v): v is number => typeof v === 'number')
  .reduce((all, bit) => all | bit, 0);

export interface GatewayHost {
  token: string;
  heartbeatIntervalMs: number;
  /** Privileged intents enabled in the (fake) Developer Portal. */
  privilegedIntents: number;
  /** ws:// base of the fake (no path). */
  wsBase: string;
  /** READY's `d` without session fields, then the dispatches that follow it (GUILD_CREATE per guild of the shard). */
  onIdentify(intents: number, shard: Shard): { ready: Record<string, unknown>; then: Array<{ t: string; d: unknown }> };
  /** Whether the shard would hold more guilds than Discord lets one session hold (then close 4011). */
  tooManyGuilds(shard: Shard): boolean;
  notify(): void;
}

/** `[shard_id, num_shards]`, as in IDENTIFY and READY. */
export type Shard = [number, number];

export interface IdentifyRecord {
  at: number;
  intents: number;
  properties: unknown;
  shard?: unknown;
  compress?: boolean;
  sessionId?: string;
  /**
   * Close code when the fake refused the identify (4004 bad token, 4010 invalid shard, 4011 sharding required, 4013
   * invalid intents, 4014 disallowed).
   */
  refused?: number;
}

export interface ResumeRecord {
  at: number;
  sessionId: string;
  seq: number;
  accepted: boolean;
  /** Sequence numbers of the dispatches replayed. */
  replayed: number[];
}

export interface ConnectionRecord {
  at: number;
  path: string;
  query: Record<string, string>;
  closedAt?: number;
  closeCode?: number;
  closedBy?: 'server' | 'client';
}

export interface DispatchRecord {
  s: number;
  t: string;
  d: unknown;
  at: number;
  sessionId: string;
  /** The shard of the session it went to. */
  shard: Shard;
  /** Sent on a live socket (when false it waits for a RESUME, or is lost with its session). */
  delivered: boolean;
  /** Sent again after a RESUME. */
  replayed: boolean;
}

interface Session {
  id: string;
  seq: number;
  intents: number;
  shard: Shard;
  buffer: DispatchRecord[];
  socket?: WebSocket;
  valid: boolean;
}

export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly connections: ConnectionRecord[] = [];
  readonly dispatches: DispatchRecord[] = [];
  /** Heartbeats received (op 1). */
  heartbeats = 0;
  /** Turn off to leave heartbeats unanswered: discord.js then calls the connection a zombie and resumes. */
  ackHeartbeats = true;
  private readonly sessions = new Map<string, Session>();
  private readonly wss: WebSocketServer;
  private readonly sockets = new Map<WebSocket, ConnectionRecord>();
  private nextSession = 1;

  constructor(
    server: Server,
    private readonly host: GatewayHost,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (ws, req) => this.onConnection(ws, req));
  }

  /** The newest valid session: its intents, or undefined before the first IDENTIFY / after invalidation. */
  get intents(): number | undefined {
    return this.newest()?.intents;
  }

  get sessionId(): string | undefined {
    return this.newest()?.id;
  }

  /** True while a session's socket is open. */
  get connected(): boolean {
    return this.valid().some(isOpen);
  }

  /** The shards with an open session now, e.g. [[0, 2], [1, 2]]. */
  get connectedShards(): Shard[] {
    return this.valid()
      .filter(isOpen)
      .map((session) => session.shard);
  }

  /**
   * Send a dispatch to every valid session of the shard that owns it: `guildId`'s shard, or shard 0 for what belongs
   * to no guild (DMs). `build` gets the session's intents and returns `d`, or null when those intents do not cover the
   * event. Without a valid session nothing is sent (as a bot that is offline gets nothing).
   */
  dispatch(t: string, build: (intents: number) => unknown, guildId?: string): DispatchRecord[] {
    const owner = (session: Session) => (guildId === undefined ? 0 : shardOf(guildId, session.shard[1]));
    const records = this.valid()
      .filter((session) => session.shard[0] === owner(session))
      .flatMap((session) => this.send(session, t, build(session.intents)) ?? []);
    if (records.length) this.host.notify();
    return records;
  }

  private send(session: Session, t: string, d: unknown): DispatchRecord | undefined {
    if (d === null || d === undefined) return undefined;
    const record: DispatchRecord = { s: ++session.seq, t, d, at: Date.now(), sessionId: session.id, shard: session.shard, delivered: false, replayed: false };
    session.buffer.push(record);
    if (session.buffer.length > 2000) session.buffer.shift();
    this.dispatches.push(record);
    if (session.socket?.readyState === WebSocket.OPEN) {
      send(session.socket, { op: GatewayOpcodes.Dispatch, t, s: record.s, d });
      record.delivered = true;
    }
    return record;
  }

  private valid(): Session[] {
    return [...this.sessions.values()].filter((session) => session.valid);
  }

  private newest(): Session | undefined {
    return this.valid().at(-1);
  }

  /**
   * Drop the bot's connection. Resumable (default): the socket closes with `code` (4000, which discord.js answers
   * with RESUME), or is cut without a close frame (`how: 'terminate'`), or the bot is asked to reconnect (op 7);
   * dispatches made meanwhile wait for the RESUME. Not resumable: op 9 Invalid Session, the session and its undelivered
   * dispatches are gone, and discord.js identifies anew. `shard`: only that shard's sessions (default: every open one).
   * Returns false when no socket was open.
   */
  disconnect(options: { resumable?: boolean; code?: number; how?: 'close' | 'terminate' | 'reconnect'; shard?: number } = {}): boolean {
    const open = this.valid().filter((session) => isOpen(session) && (options.shard === undefined || session.shard[0] === options.shard));
    for (const session of open) this.drop(session, options);
    if (open.length) this.host.notify();
    return open.length > 0;
  }

  private drop(session: Session, options: { resumable?: boolean; code?: number; how?: 'close' | 'terminate' | 'reconnect' }): void {
    const socket = session.socket!;
    session.socket = undefined;
    this.markClosed(socket, 'server');
    if (options.resumable === false) {
      session.valid = false;
      send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
    } else if (options.how === 'terminate') {
      socket.terminate();
    } else if (options.how === 'reconnect') {
      send(socket, { op: GatewayOpcodes.Reconnect, d: null });
    } else {
      socket.close(options.code ?? 4000, 'fake: connection dropped');
    }
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private markClosed(socket: WebSocket, by: 'server' | 'client', code?: number): void {
    const record = this.sockets.get(socket);
    if (!record || record.closedAt) return;
    record.closedAt = Date.now();
    record.closedBy = by;
    if (code !== undefined) record.closeCode = code;
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const record: ConnectionRecord = { at: Date.now(), path: url.pathname, query: Object.fromEntries(url.searchParams) };
    this.connections.push(record);
    this.sockets.set(ws, record);
    this.host.notify();
    let session: Session | undefined;

    ws.on('close', (code) => {
      if (!record.closedAt) this.markClosed(ws, 'client', code);
      else record.closeCode ??= code;
      if (session && session.socket === ws) {
        session.socket = undefined;
        // A client closing normally ends its session (Discord: 1000/1001 invalidate it); 4200 etc. keep it resumable.
        if (code === 1000 || code === 1001) session.valid = false;
      }
      this.host.notify();
    });

    if (record.query.v !== '10') return void ws.close(4012, 'Invalid API version');
    if (record.query.encoding !== 'json') return void ws.close(4002, 'Decode error');
    send(ws, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.host.heartbeatIntervalMs } });

    ws.on('message', (raw, isBinary) => {
      let payload: { op?: number; d?: unknown };
      try {
        payload = JSON.parse(isBinary ? Buffer.from(raw as Buffer).toString('utf8') : String(raw)) as { op?: number; d?: unknown };
      } catch {
        return void ws.close(4002, 'Decode error');
      }
      switch (payload.op) {
        case GatewayOpcodes.Heartbeat:
          this.heartbeats += 1;
          if (this.ackHeartbeats) send(ws, { op: GatewayOpcodes.HeartbeatAck });
          break;
        case GatewayOpcodes.Identify:
          if (session) return void ws.close(4005, 'Already authenticated');
          session = this.identify(ws, (payload.d ?? {}) as Record<string, unknown>);
          break;
        case GatewayOpcodes.Resume:
          if (session) return void ws.close(4005, 'Already authenticated');
          session = this.resume(ws, (payload.d ?? {}) as Record<string, unknown>);
          break;
        case GatewayOpcodes.PresenceUpdate:
        case GatewayOpcodes.VoiceStateUpdate:
        case GatewayOpcodes.RequestGuildMembers:
          if (!session) return void ws.close(4003, 'Not authenticated');
          break;
        default:
          return void ws.close(4001, 'Unknown opcode');
      }
      this.host.notify();
    });
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): Session | undefined {
    const intents = typeof d.intents === 'number' ? d.intents : 0;
    const record: IdentifyRecord = { at: Date.now(), intents, properties: d.properties, ...(d.shard !== undefined ? { shard: d.shard } : {}), compress: d.compress === true };
    this.identifies.push(record);
    const refuse = (code: number, reason: string): undefined => {
      record.refused = code;
      ws.close(code, reason);
      return undefined;
    };
    if (String(d.token ?? '').replace(/^Bot /, '') !== this.host.token) return refuse(4004, 'Authentication failed');
    if (intents & ~KNOWN_INTENTS) return refuse(4013, 'Invalid intent(s)');
    if (intents & PRIVILEGED_INTENTS & ~this.host.privilegedIntents) return refuse(4014, 'Disallowed intent(s)');
    const shard = d.shard === undefined ? ([0, 1] satisfies Shard) : d.shard;
    if (!isShard(shard)) return refuse(4010, 'Invalid shard');
    if (this.host.tooManyGuilds(shard)) return refuse(4011, 'Sharding required');

    const session: Session = { id: `fake-session-${this.nextSession++}`, seq: 0, intents, shard, buffer: [], socket: ws, valid: true };
    this.sessions.set(session.id, session);
    record.sessionId = session.id;
    const { ready, then } = this.host.onIdentify(intents, shard);
    this.send(session, 'READY', { ...ready, session_id: session.id, session_type: 'normal', resume_gateway_url: `${this.host.wsBase}/resume` });
    for (const event of then) this.send(session, event.t, event.d);
    return session;
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): Session | undefined {
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    const sessionId = String(d.session_id ?? '');
    const session = this.sessions.get(sessionId);
    const ok = !!session && session.valid && session.id === sessionId && String(d.token ?? '').replace(/^Bot /, '') === this.host.token && seq <= session.seq;
    const record: ResumeRecord = { at: Date.now(), sessionId, seq, accepted: ok, replayed: [] };
    this.resumes.push(record);
    if (!ok || !session) {
      // Discord's answer to a session it no longer knows: op 9 (not resumable); the client identifies anew.
      send(ws, { op: GatewayOpcodes.InvalidSession, d: false });
      return undefined;
    }
    session.socket?.terminate();
    session.socket = ws;
    for (const missed of session.buffer.filter((e) => e.s > seq)) {
      send(ws, { op: GatewayOpcodes.Dispatch, t: missed.t, s: missed.s, d: missed.d });
      missed.delivered = true;
      missed.replayed = true;
      record.replayed.push(missed.s);
    }
    send(ws, { op: GatewayOpcodes.Dispatch, t: 'RESUMED', s: ++session.seq, d: {} });
    return session;
  }
}

const isOpen = (session: Session) => session.socket?.readyState === WebSocket.OPEN;

/** A shard Discord accepts: two integers, 0 ≤ id < count. */
function isShard(value: unknown): value is Shard {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const [id, count] = value as unknown[];
  return Number.isInteger(id) && Number.isInteger(count) && (id as number) >= 0 && (id as number) < (count as number);
}

function send(ws: WebSocket, payload: Record<string, unknown>): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
}

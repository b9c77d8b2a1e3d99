// Small HTTP pieces shared by the fake's endpoints, and the signing Slack applies to what it sends to an app.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/**
 * The Web API takes form-urlencoded or JSON bodies (and multipart for uploads); the token comes as
 * `Authorization: Bearer` or, in form bodies, as a `token` field. Form values are strings: objects such as `blocks`
 * arrive as JSON strings, which each method decodes itself, as Slack does.
 */
export async function parseParams(req: IncomingMessage, body: Buffer): Promise<{ params: Record<string, unknown>; token?: string }> {
  const type = String(req.headers['content-type'] ?? '');
  let params: Record<string, unknown> = {};
  if (body.length) {
    if (type.startsWith('application/json')) params = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    else if (type.startsWith('multipart/form-data')) params = await parseMultipart(type, body);
    else params = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  }
  // Query-string arguments are accepted too (GET-style calls).
  for (const [k, v] of new URL(req.url ?? '/', 'http://x').searchParams) if (!(k in params)) params[k] = v;
  const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
  const token = bearer ?? (typeof params.token === 'string' ? params.token : undefined);
  delete params.token;
  return { params, ...(token ? { token } : {}) };
}

/** Multipart bodies: files become Buffers (Node's fetch parser does the work). */
export async function parseMultipart(contentType: string, body: Buffer): Promise<Record<string, unknown>> {
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  const entries: Array<[string, FormDataEntryValue]> = [];
  form.forEach((value, key) => entries.push([key, value]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    out[key] = typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer());
  }
  return out;
}

/** `v0=` + HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the app's signing secret. */
export function sign(secret: string, timestamp: number, body: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

export interface PostResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Time from sending the request to the response's headers: what Slack counts as the ack. */
  ackMs: number;
  error?: string;
}

/** POST without keep-alive (no sockets left behind for the test runner), resolving with the response or the network error. */
export function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let ackMs = 0;
    const req = httpRequest(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      ackMs = performance.now() - started;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ackMs }));
      res.on('error', (e) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '', ackMs, error: e.message }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, headers: {}, body: '', ackMs: performance.now() - started, error: e.message }));
    req.end(body);
  });
}

// === Ids that look like Slack's ==========================================================================

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export function slackId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const b of bytes) id += ALNUM[b % ALNUM.length];
  return id;
}

/** trigger_id's documented shape: "132456.7890123.abcdef". */
export function triggerId(): string {
  return `${Date.now() % 1_000_000_000}.${Math.floor(Math.random() * 1e12)}.${randomBytes(16).toString('hex')}`;
}

export { randomUUID };

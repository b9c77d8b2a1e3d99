// A scriptable OpenAI-compatible server on 127.0.0.1, for tests that need a real HTTP model endpoint: streaming SSE
// and plain JSON chat completions, /v1/models, and the failures real providers produce (slow first token, stalls,
// 429 with Retry-After, 5xx, malformed chunks, sockets closed mid-reply). Every request is recorded with its arrival
// time so tests can assert how many retries happened and how far apart.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server answers one request. Every field is optional; the default is a short, fast, successful reply. */
export interface FakeReplyScript {
  /** Reply text; split into word-sized chunks unless `chunks` is given. Default: `Hello from <model>.` */
  text?: string;
  /** Exact content deltas to stream, in order (overrides `text`). */
  chunks?: string[];
  /** Pause before the first content chunk (headers are sent at once, like real providers). */
  firstTokenDelayMs?: number;
  /** Pause between content chunks. */
  chunkDelayMs?: number;
  /** After this many content chunks, go silent with the connection left open. */
  stallAfterChunks?: number;
  /** After this many content chunks, destroy the socket without finishing the response. */
  closeAfterChunks?: number;
  /** After this many content chunks, send a chunk that is not valid JSON, then carry on. */
  malformedAfterChunks?: number;
  /** Fail the first `times` requests for this model (or this queued request) with `status` before streaming. */
  fail?: { status: number; times?: number; retryAfter?: string; message?: string };
  /** Usage sent in the last chunk when the client asks for it (`stream_options.include_usage`). */
  usage?: { prompt_tokens: number; completion_tokens: number };
  finishReason?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Model named in the body (chat completions only). */
  model?: string;
  stream?: boolean;
  body?: unknown;
  headers: IncomingMessage['headers'];
  /** Arrival time, Date.now() and performance.now(). */
  at: number;
  atPerf: number;
  /** Status the server answered with. */
  status: number;
}

export interface FakeOpenAIServer {
  /** Base URL including /v1, ready for `baseURL`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Script every request for `model` (replaces an earlier script for it, resets its failure counter). */
  script(model: string, script: FakeReplyScript): void;
  /** Script the next request only, whatever its model (queued, first in first out). */
  scriptNext(script: FakeReplyScript): void;
  /** Chat-completion requests recorded for a model. */
  requestsFor(model: string): RecordedRequest[];
  /** Model ids served by GET /v1/models (default: every scripted model plus `fake-model`). */
  setModels(ids: string[]): void;
  /** Forget recorded requests, scripts and failure counters. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeOpenAIServerOptions {
  scripts?: Record<string, FakeReplyScript>;
  models?: string[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function splitWords(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [text];
}

function countWords(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  let n = 0;
  for (const m of value) {
    const content = (m as { content?: unknown })?.content;
    if (typeof content === 'string') n += content.split(/\s+/).filter(Boolean).length;
  }
  return n;
}

export async function startFakeOpenAIServer(options: FakeOpenAIServerOptions = {}): Promise<FakeOpenAIServer> {
  const scripts = new Map<string, FakeReplyScript>(Object.entries(options.scripts ?? {}));
  const failuresServed = new Map<string, number>();
  const queued: FakeReplyScript[] = [];
  const requests: RecordedRequest[] = [];
  let models = options.models;
  let closed = false;

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const parts: Buffer[] = [];
      req.on('data', (b: Buffer) => parts.push(b));
      req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
      req.on('error', reject);
    });

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  async function chatCompletions(req: IncomingMessage, res: ServerResponse, record: RecordedRequest) {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch {
      record.status = 400;
      return json(res, 400, { error: { message: 'request body is not JSON', type: 'invalid_request_error' } });
    }
    const model = typeof body.model === 'string' ? body.model : 'fake-model';
    const stream = body.stream === true;
    record.model = model;
    record.stream = stream;
    record.body = body;

    // A queued per-request script wins over the model's script; a queued failure applies to that one request.
    const perRequest = queued.shift();
    const script: FakeReplyScript = perRequest ?? scripts.get(model) ?? {};
    if (script.fail) {
      const times = script.fail.times ?? Number.POSITIVE_INFINITY;
      const served = perRequest ? 0 : (failuresServed.get(model) ?? 0);
      if (served < times) {
        if (!perRequest) failuresServed.set(model, served + 1);
        record.status = script.fail.status;
        const headers: Record<string, string> = {};
        if (script.fail.retryAfter !== undefined) headers['retry-after'] = script.fail.retryAfter;
        return json(
          res,
          script.fail.status,
          { error: { message: script.fail.message ?? `fake failure ${script.fail.status}`, type: 'fake_error' } },
          headers,
        );
      }
    }

    const chunks = script.chunks ?? splitWords(script.text ?? `Hello from ${model}.`);
    const usage = script.usage ?? { prompt_tokens: countWords(body.messages), completion_tokens: chunks.length };
    const id = `chatcmpl-fake-${requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    const finishReason = script.finishReason ?? 'stop';
    record.status = 200;

    if (!stream) {
      if (script.firstTokenDelayMs) await sleep(script.firstTokenDelayMs);
      return json(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: chunks.join('') }, finish_reason: finishReason }],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      });
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    let flushed: Promise<unknown> = Promise.resolve();
    const send = (data: unknown) => {
      flushed = new Promise((resolve) => res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`, resolve));
    };
    // Cut the connection only after what was sent has left, so the client sees exactly the chunks before the cut.
    const cut = async () => {
      await flushed;
      await sleep(10);
      req.socket.destroy();
    };
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
    let gone = false;
    res.on('close', () => (gone = true));

    send(chunk({ role: 'assistant', content: '' }));
    if (script.firstTokenDelayMs) await sleep(script.firstTokenDelayMs);
    for (let i = 0; i < chunks.length; i++) {
      if (gone || closed) return;
      if (i === script.stallAfterChunks) return; // silent, connection open; close() or the client ends it
      if (i === script.closeAfterChunks) return cut();
      if (i === script.malformedAfterChunks) send('{"id": "broken", "choices": [ {"delta": {"content": "oops');
      if (i > 0 && script.chunkDelayMs) await sleep(script.chunkDelayMs);
      if (gone || closed) return;
      send(chunk({ content: chunks[i] }));
    }
    if (script.stallAfterChunks !== undefined && script.stallAfterChunks >= chunks.length) return;
    if (script.closeAfterChunks !== undefined && script.closeAfterChunks >= chunks.length) return cut();
    send(chunk({}, finishReason));
    const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
    if (streamOptions?.include_usage) {
      send({ id, object: 'chat.completion.chunk', created, model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
    }
    send('[DONE]');
    res.end();
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      at: Date.now(),
      atPerf: performance.now(),
      status: 0,
    };
    requests.push(record);
    const route = async () => {
      if (req.method === 'POST' && path === '/v1/chat/completions') return chatCompletions(req, res, record);
      if (req.method === 'GET' && path === '/v1/models') {
        record.status = 200;
        const ids = models ?? [...new Set(['fake-model', ...scripts.keys()])];
        return json(res, 200, { object: 'list', data: ids.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) });
      }
      record.status = 404;
      return json(res, 404, { error: { message: `no route ${req.method} ${path}` } });
    };
    route().catch((error: unknown) => {
      record.status = 500;
      if (!res.headersSent) json(res, 500, { error: { message: String(error) } });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script(model, script) {
      scripts.set(model, script);
      failuresServed.delete(model);
    },
    scriptNext(script) {
      queued.push(script);
    },
    requestsFor(model) {
      return requests.filter((r) => r.path === '/v1/chat/completions' && r.model === model);
    },
    setModels(ids) {
      models = ids;
    },
    reset() {
      requests.length = 0;
      scripts.clear();
      failuresServed.clear();
      queued.length = 0;
    },
    close() {
      closed = true;
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

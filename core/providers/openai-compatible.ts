// Any OpenAI-compatible chat endpoint (OpenAI, Mistral, OpenRouter, vLLM, Ollama, llama.cpp server) through the
// Vercel AI SDK. The SDK streams and normalises usage; the limits, the retries and the error wording are ours:
// - Time limits: the SDK has total and between-chunk timeouts but no first-token limit, and its timeout errors do
//   not say which limit fired, so one watchdog (limits.ts) drives a single AbortSignal for all three.
// - Retries: the SDK's `maxRetries` does honour Retry-After (seconds, HTTP date and retry-after-ms, when under 60 s;
//   see getRetryDelayInMs in ai 6.0.x), but its first delay is a fixed 2 s, it cannot log an attempt, and its waits
//   ignore our total limit. So the SDK runs with maxRetries 0 and this module retries 429/5xx itself, only while no
//   text has streamed (a reply cannot be un-shown), honouring Retry-After and never waiting past the total limit.
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError, JSONParseError, TypeValidationError, streamText, type ModelMessage } from 'ai';
import PQueue from 'p-queue';
import type { Logger } from 'pino';
import type { ModelConfig, ProviderConfig } from '../config/schema';
import { abortableSleep, redact, startTranscript, startWatchdog, stoppedResult, type Timeouts } from './limits';
import type { ChatMessage, FinishReason, GenerateRequest, GenerateResult, ModelClient, ProviderErrorKind } from './types';

export type OpenAICompatibleProviderConfig = Extract<ProviderConfig, { type: 'openai-compatible' }>;

export interface OpenAICompatibleClientOptions {
  /** Pnyx model id (stored in votes). */
  id: string;
  /** Key of the provider in the config, used in logs and messages. */
  providerName: string;
  provider: OpenAICompatibleProviderConfig;
  model: ModelConfig;
  env: NodeJS.ProcessEnv;
  log?: Logger;
  /** Shared by every model of the provider so `maxConcurrency` holds across them. */
  queue?: PQueue;
}

const DEFAULT_RETRY_BASE_MS = 1000;
const HEALTH_TIMEOUT_MS = 5000;
const MAX_ERROR_CHARS = 240;

/** Parses `Retry-After` (delta seconds or HTTP date) and `retry-after-ms`; undefined when absent or unreadable. */
export function parseRetryAfter(headers: Record<string, string> | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const get = (name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const msHeader = get('retry-after-ms');
  if (msHeader !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(msHeader)) return Math.ceil(Number(msHeader));
  const value = get('retry-after');
  if (value === undefined) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

interface ErrorInfo {
  message: string;
  kind: ProviderErrorKind;
  retryable: boolean;
  retryAfterMs?: number;
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_ERROR_CHARS ? `${flat.slice(0, MAX_ERROR_CHARS - 1)}…` : flat;
}

function causeMessage(error: unknown): string {
  let e: unknown = error;
  const parts: string[] = [];
  for (let depth = 0; e instanceof Error && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${e.message} (${code})` : e.message);
    e = e.cause;
  }
  return parts.join(': ');
}

/** Turns whatever the SDK reported into a short sentence an admin can act on. */
export function describeError(error: unknown): ErrorInfo {
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined || (status >= 200 && status < 300)) {
      // No status, or a 2xx whose body broke off: the connection failed, not the provider's answer.
      const cause = causeMessage(error.cause ?? error);
      if (status !== undefined || /terminated|other side closed|socket hang up|ECONNRESET|premature close/i.test(cause)) {
        return { message: truncate(`the connection closed before the reply finished (${cause})`), kind: 'unreachable', retryable: false };
      }
      return { message: truncate(`could not reach the provider: ${causeMessage(error.cause ?? error)}`), kind: 'unreachable', retryable: error.isRetryable };
    }
    const what =
      status === 401 || status === 403
        ? 'the API key was refused'
        : status === 429
          ? 'rate limited'
          : status === 404
            ? 'model or endpoint not found'
            : status >= 500
              ? 'provider error'
              : 'request rejected';
    const kind: ProviderErrorKind =
      status === 401 || status === 403
        ? 'refused'
        : status === 429
          ? 'rate_limited'
          : status === 408
            ? 'timeout'
            : status >= 500
              ? 'service_error'
              : 'rejected';
    const info: ErrorInfo = {
      message: truncate(`HTTP ${status} (${what}): ${error.message}`),
      kind,
      retryable: status === 429 || status === 408 || status >= 500,
    };
    const retryAfterMs = parseRetryAfter(error.responseHeaders);
    if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
    return info;
  }
  if (JSONParseError.isInstance(error) || TypeValidationError.isInstance(error)) {
    return { message: 'the provider sent a malformed chunk (not the expected JSON); the reply was cut there', kind: 'malformed', retryable: false };
  }
  const text = causeMessage(error);
  if (/terminated|other side closed|socket hang up|ECONNRESET|premature close/i.test(text)) {
    return { message: truncate(`the connection closed before the reply finished (${text})`), kind: 'unreachable', retryable: false };
  }
  return { message: truncate(`unexpected error: ${text || String(error)}`), kind: 'internal', retryable: false };
}

function mapFinishReason(reason: string | undefined): FinishReason {
  switch (reason) {
    case 'length':
      return 'length';
    case 'content-filter':
      return 'content_filter';
    case 'error':
      return 'error';
    default:
      return 'stop';
  }
}

/** The model's system prompt (if any) goes first, then the conversation as given. */
export function withSystemPrompt(messages: ChatMessage[], systemPrompt: string | undefined): ChatMessage[] {
  return systemPrompt ? [{ role: 'system', content: systemPrompt }, ...messages] : messages;
}

export function createOpenAICompatibleClient(options: OpenAICompatibleClientOptions): ModelClient {
  const { id, providerName, provider, model, env, log } = options;
  const apiKey = provider.apiKeyEnv ? env[provider.apiKeyEnv] : undefined;
  const timeouts: Timeouts = provider.timeouts;
  const queue = options.queue ?? new PQueue({ concurrency: provider.maxConcurrency });
  const retryBaseMs = provider.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  const baseURL = provider.baseURL.replace(/\/+$/, '');
  const sdk = createOpenAICompatible({
    name: providerName,
    baseURL,
    ...(apiKey ? { apiKey } : {}),
    headers: provider.headers,
    includeUsage: true,
  });
  const chatModel = sdk.chatModel(model.model ?? model.id);
  const clean = (text: string) => redact(text, [apiKey]);
  const missingKey =
    provider.apiKeyEnv && !apiKey ? `no API key: set the environment variable ${provider.apiKeyEnv} for provider "${providerName}"` : undefined;

  async function run(request: GenerateRequest, transcript: ReturnType<typeof startTranscript>): Promise<GenerateResult> {
    const wd = startWatchdog(timeouts, request.signal);
    const messages = withSystemPrompt(request.messages, model.systemPrompt) as ModelMessage[];
    const temperature = request.temperature ?? model.temperature;
    try {
      for (let attempt = 0; ; attempt++) {
        let error: unknown;
        let finish: string | undefined;
        let tokensIn: number | undefined;
        let tokensOut: number | undefined;
        wd.awaitFirstToken();
        const stream = streamText({
          model: chatModel,
          messages,
          abortSignal: wd.signal,
          maxRetries: 0,
          maxOutputTokens: request.maxOutputTokens ?? model.maxOutputTokens,
          ...(temperature !== undefined ? { temperature } : {}),
          ...(request.seed !== undefined ? { seed: request.seed } : {}),
          // The default handler prints to the console; failures are reported in the result instead.
          onError: () => {},
        });
        try {
          for await (const part of stream.fullStream) {
            if (part.type === 'text-delta') {
              transcript.push(part.text);
              wd.chunk();
            } else if (part.type === 'reasoning-delta') {
              wd.chunk();
            } else if (part.type === 'error') {
              error ??= part.error;
            } else if (part.type === 'finish') {
              finish = part.finishReason;
              tokensIn = part.totalUsage.inputTokens;
              tokensOut = part.totalUsage.outputTokens;
            }
          }
        } catch (thrown) {
          error ??= thrown;
        }
        wd.pause();
        const usage = { ...(tokensIn !== undefined ? { tokensIn } : {}), ...(tokensOut !== undefined ? { tokensOut } : {}) };
        if (wd.signal.aborted) return stoppedResult(wd, timeouts, transcript, usage);
        if (error === undefined) return transcript.result(mapFinishReason(finish), usage);

        const info = describeError(error);
        const attempts = attempt + 1;
        if (info.retryable && !transcript.text && attempt < provider.maxRetries) {
          const delayMs = info.retryAfterMs ?? retryBaseMs * 2 ** attempt;
          if (delayMs > wd.remainingMs()) {
            return transcript.result('error', {
              errorKind: info.kind,
              error: clean(`${info.message} — not retried: the provider asked to wait ${Math.ceil(delayMs / 1000)} s, beyond the total time limit`),
            });
          }
          log?.warn({ model: id, provider: providerName, attempt: attempts, delayMs, error: clean(info.message) }, 'model call failed; retrying');
          try {
            await abortableSleep(delayMs, wd.signal);
          } catch {
            return stoppedResult(wd, timeouts, transcript);
          }
          continue;
        }
        const suffix = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
        const message = clean(`${info.message}${suffix}`);
        log?.warn({ model: id, provider: providerName, attempts, error: message, partialChars: transcript.text.length }, 'model call failed');
        return transcript.result('error', { ...usage, error: message, errorKind: info.kind });
      }
    } finally {
      wd.dispose();
    }
  }

  return {
    id,
    async generate(request) {
      const transcript = startTranscript(request.onText);
      if (missingKey) return transcript.result('error', { error: missingKey, errorKind: 'refused' });
      if (request.signal?.aborted) return transcript.result('aborted', { error: 'aborted: the generation was cancelled' });
      try {
        return await queue.add(() => run(request, transcript), request.signal ? { signal: request.signal } : {});
      } catch (error) {
        // Only the queue can throw here (cancelled while waiting for a slot); run() itself never throws.
        if (request.signal?.aborted) return transcript.result('aborted', { error: 'aborted while waiting for a free slot' });
        const info = describeError(error);
        return transcript.result('error', { error: clean(info.message), errorKind: info.kind });
      }
    },
    async health(signal) {
      if (missingKey) return false;
      const timeout = AbortSignal.timeout(HEALTH_TIMEOUT_MS);
      try {
        const response = await fetch(`${baseURL}/models`, {
          headers: { ...provider.headers, ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        await response.body?.cancel();
        return response.ok;
      } catch {
        return false;
      }
    },
    async close() {
      // A queue shared through the registry is the registry's to clear.
      if (!options.queue) queue.clear();
    },
  };
}

// Local GGUF models through node-llama-cpp 3.22.x, on the CPU. node-llama-cpp is deliberately not a dependency: its
// default install pulls ~725 MB of CUDA/Vulkan binaries. Admins who want local models install the CPU build only
// (LLAMA_CPP_INSTALL_COMMAND, ~85 MB, works offline from the npm registry), and this module loads it on first use.
// One model file is loaded once and shared; each generation gets its own context (one thread by default: on small
// machines two threads were slower, see README), which is disposed when the reply ends.
import { access } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { ModelConfig, ProviderConfig } from '../config/schema';
import { startTranscript, startWatchdog, stoppedResult, type Timeouts } from './limits';
import type { ChatMessage, GenerateResult, ModelClient } from './types';

export type LlamaCppProviderConfig = Extract<ProviderConfig, { type: 'llama-cpp' }>;

export const LLAMA_CPP_VERSION = '3.22.1';
export const LLAMA_CPP_INSTALL_COMMAND = `npm install --no-save --omit=optional node-llama-cpp@${LLAMA_CPP_VERSION} @node-llama-cpp/linux-x64@${LLAMA_CPP_VERSION}`;

// === The small part of node-llama-cpp's API used here (the package is optional, so its types may be absent).

interface ChatHistoryItem {
  type: 'system' | 'user' | 'model';
  text?: string;
  response?: string[];
}
interface TokenMeter {
  readonly usedInputTokens: number;
  readonly usedOutputTokens: number;
}
interface ContextSequence {
  readonly tokenMeter: TokenMeter;
}
interface LlamaContext {
  getSequence(): ContextSequence;
  dispose(): Promise<void>;
}
interface LlamaModel {
  createContext(options: { contextSize?: number | { max: number }; threads?: number; sequences?: number }): Promise<LlamaContext>;
  dispose(): Promise<void>;
}
interface Llama {
  loadModel(options: { modelPath: string }): Promise<LlamaModel>;
}
interface ChatSession {
  setChatHistory(history: ChatHistoryItem[]): void;
  promptWithMeta(
    prompt: string,
    options: {
      onTextChunk?: (text: string) => void;
      signal?: AbortSignal;
      stopOnAbortSignal?: boolean;
      maxTokens?: number;
      temperature?: number;
      seed?: number;
    },
  ): Promise<{ responseText: string; stopReason: string }>;
  dispose?(): void;
}
export interface NodeLlamaCppModule {
  getLlama(options: Record<string, unknown>): Promise<Llama>;
  LlamaChatSession: new (options: { contextSequence: ContextSequence; systemPrompt?: string; autoDisposeSequence?: boolean }) => ChatSession;
  LlamaLogLevel?: Record<string, string>;
}

// === Loading the runtime once per process

let runtime: Promise<{ module: NodeLlamaCppModule; llama: Llama }> | undefined;

export class LlamaCppUnavailableError extends Error {
  override name = 'LlamaCppUnavailableError';
}

/** node-llama-cpp and its CPU binding, loaded once; rejects with install instructions when missing. */
export function loadLlamaCpp(): Promise<{ module: NodeLlamaCppModule; llama: Llama }> {
  runtime ??= (async () => {
    // A non-literal specifier keeps TypeScript and bundlers from requiring the optional package at build time.
    // PNYX_NODE_LLAMA_CPP may point at an install outside the project (a path to its dist/index.js).
    const specifier = process.env.PNYX_NODE_LLAMA_CPP ?? 'node-llama-cpp';
    let module: NodeLlamaCppModule;
    try {
      module = (await import(specifier)) as NodeLlamaCppModule;
    } catch (error) {
      throw new LlamaCppUnavailableError(
        `local GGUF models need node-llama-cpp, which is not installed. Install the CPU build (about 85 MB, no GPU ` +
          `binaries) from the project folder with:\n  ${LLAMA_CPP_INSTALL_COMMAND}\n(${(error as Error).message.split('\n')[0]})`,
      );
    }
    try {
      const llama = await module.getLlama({
        gpu: false,
        build: 'never',
        skipDownload: true,
        progressLogs: false,
        ...(module.LlamaLogLevel?.error ? { logLevel: module.LlamaLogLevel.error } : {}),
      });
      return { module, llama };
    } catch (error) {
      throw new LlamaCppUnavailableError(
        `node-llama-cpp is installed but has no prebuilt CPU binary for this machine; install it with:\n  ${LLAMA_CPP_INSTALL_COMMAND}\n(${(error as Error).message.split('\n')[0]})`,
      );
    }
  })();
  runtime.catch(() => (runtime = undefined));
  return runtime;
}

/** Splits a conversation into node-llama-cpp's history and the prompt to answer (the last user message). */
export function toChatHistory(messages: ChatMessage[], systemPrompt?: string): { history: ChatHistoryItem[]; prompt: string } {
  const history: ChatHistoryItem[] = [];
  if (systemPrompt) history.push({ type: 'system', text: systemPrompt });
  let lastUser = -1;
  messages.forEach((m, i) => {
    if (m.role === 'user') lastUser = i;
  });
  messages.forEach((m, i) => {
    if (i === lastUser) return;
    if (m.role === 'assistant') history.push({ type: 'model', response: [m.content] });
    else history.push({ type: m.role, text: m.content });
  });
  return { history, prompt: lastUser >= 0 ? messages[lastUser]!.content : '' };
}

export interface LlamaCppClientOptions {
  id: string;
  provider: LlamaCppProviderConfig;
  model: ModelConfig;
  /** Relative model paths resolve against this folder (the config file's). Default: the working directory. */
  baseDir?: string;
  log?: Logger;
}

export function createLlamaCppClient(options: LlamaCppClientOptions): ModelClient {
  const { id, provider, model, log } = options;
  if (!model.path) throw new Error(`llama-cpp model "${id}" needs \`path\` to a .gguf file`);
  const modelPath = isAbsolute(model.path) ? model.path : resolve(options.baseDir ?? process.cwd(), model.path);
  const timeouts: Timeouts = provider.timeouts;
  let loaded: Promise<LlamaModel> | undefined;

  const loadModel = () => {
    loaded ??= (async () => {
      await access(modelPath).catch(() => {
        throw new Error(`model file not found: ${modelPath}`);
      });
      const { llama } = await loadLlamaCpp();
      const started = performance.now();
      const m = await llama.loadModel({ modelPath });
      log?.info({ model: id, path: modelPath, loadMs: Math.round(performance.now() - started) }, 'local model loaded');
      return m;
    })();
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };

  return {
    id,
    async generate(request): Promise<GenerateResult> {
      const transcript = startTranscript(request.onText);
      const wd = startWatchdog(timeouts, request.signal);
      let context: LlamaContext | undefined;
      let sequence: ContextSequence | undefined;
      const usage = () =>
        sequence ? { tokensIn: sequence.tokenMeter.usedInputTokens, tokensOut: sequence.tokenMeter.usedOutputTokens } : {};
      try {
        wd.awaitFirstToken();
        const llamaModel = await loadModel();
        const { module } = await loadLlamaCpp();
        if (wd.signal.aborted) return stoppedResult(wd, timeouts, transcript);
        context = await llamaModel.createContext({
          threads: provider.threads,
          sequences: 1,
          ...(model.contextSize ? { contextSize: model.contextSize } : {}),
        });
        sequence = context.getSequence();
        const session = new module.LlamaChatSession({ contextSequence: sequence });
        const { history, prompt } = toChatHistory(request.messages, model.systemPrompt);
        session.setChatHistory(history);
        const temperature = request.temperature ?? model.temperature;
        const reply = await session.promptWithMeta(prompt, {
          signal: wd.signal,
          stopOnAbortSignal: true,
          maxTokens: request.maxOutputTokens ?? model.maxOutputTokens,
          ...(temperature !== undefined ? { temperature } : {}),
          ...(request.seed !== undefined ? { seed: request.seed } : {}),
          onTextChunk: (text) => {
            transcript.push(text);
            wd.chunk();
          },
        });
        if (wd.signal.aborted) return stoppedResult(wd, timeouts, transcript, usage());
        return transcript.result(reply.stopReason === 'maxTokens' ? 'length' : 'stop', usage());
      } catch (error) {
        if (wd.signal.aborted) return stoppedResult(wd, timeouts, transcript, usage());
        const message = (error as Error).message ?? String(error);
        log?.warn({ model: id, error: message }, 'local model failed');
        return transcript.result('error', { ...usage(), error: message });
      } finally {
        wd.dispose();
        await context?.dispose().catch(() => {});
      }
    },
    async health() {
      try {
        await access(modelPath);
        await loadLlamaCpp();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      const m = loaded;
      loaded = undefined;
      await m?.then((x) => x.dispose()).catch(() => {});
    },
  };
}

// One interface for every way of running a model: OpenAI-compatible HTTP endpoints, local GGUF files through
// node-llama-cpp, and the bundled offline demo models.

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type FinishReason = 'stop' | 'length' | 'content_filter' | 'error' | 'timeout' | 'aborted';

/**
 * What kind of failure an error was, for metrics and for what people are told: the provider was too slow (timeout),
 * asked us to slow down (429), failed itself (5xx), could not be reached or hung up, refused the key (401/403),
 * rejected the request (other 4xx), sent something unreadable, or our own code failed.
 */
export type ProviderErrorKind = 'timeout' | 'rate_limited' | 'service_error' | 'unreachable' | 'refused' | 'rejected' | 'malformed' | 'internal';

export interface GenerateRequest {
  messages: ChatMessage[];
  /** Aborts the generation (battle cancelled, process shutting down). */
  signal?: AbortSignal;
  /** Called with each new piece of text, in order. */
  onText?: (delta: string) => void;
  maxOutputTokens?: number;
  temperature?: number;
  /** Makes sampling reproducible where the backend supports it (demo and local models do). */
  seed?: number;
}

export interface GenerateResult {
  /** Everything the model produced, even when it failed midway. */
  text: string;
  finishReason: FinishReason;
  /** Human-readable cause when finishReason is error/timeout/aborted (never contains secrets). */
  error?: string;
  /** The kind of failure when finishReason is 'error' (absent: unknown, counted as internal). */
  errorKind?: ProviderErrorKind;
  tokensIn?: number;
  tokensOut?: number;
  /** Time to first token, ms; undefined when no text came. */
  ttftMs?: number;
  /** Total wall time, ms. */
  latencyMs: number;
}

/** A model that can answer. `generate` never throws for model/network failures: it resolves with
 * finishReason 'error' | 'timeout' | 'aborted' and the text produced so far. */
export interface ModelClient {
  readonly id: string;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /** Cheap liveness probe; models failing it are skipped when pairs are sampled. */
  health?(signal?: AbortSignal): Promise<boolean>;
  close?(): Promise<void>;
}

/** What users see of a model after the reveal, and what sampling needs. */
export interface ModelCard {
  id: string;
  provider: string;
  displayName: string;
  organisation?: string;
  licence?: string;
  /** Billions of parameters. */
  totalParamsB?: number;
  activeParamsB?: number;
  /** Bundled offline demo model: always labelled as such where a user sees it. */
  demo: boolean;
  /** Relative sampling weight (0 disables the model). */
  weight: number;
}

// What the engine and the adapters need from the leaderboard: one service, so that a chat's /leaderboard, scheduled
// posts and the web page show the same numbers from the same (cached) computation. The engine depends on this module,
// never the reverse.
import type { Translate } from '../i18n';
import type { Leaderboard, Segment } from '../ranking';
import type { ChatRow } from '../store/types';

export interface BoardChoice {
  /** A category id, or null for "all prompts". */
  id: string | null;
  label: string;
}

export interface RenderedBoard {
  /** Markdown: the table in a monospace block, then notes. */
  text: string;
  image?: { png: Uint8Array; alt: string };
  /** Categories one can switch to ("all prompts" first); empty when there is nothing to switch. */
  categories?: BoardChoice[];
}

export interface BoardRenderer {
  /** A leaderboard message for a chat, in its language. */
  render(options: { chat: ChatRow; t: Translate; locale: string; campaign?: string; category?: string }): Promise<RenderedBoard>;
  /** The ranking itself, for pages and JSON (everyone's, or a segment's such as one chat's). */
  board?(segment?: Segment): Promise<Leaderboard>;
}

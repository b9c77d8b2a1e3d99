// What the engine needs from the leaderboard: a message for a chat, in its language. The engine depends on this
// module, never the reverse.
import type { Translate } from '../i18n';
import type { ChatRow } from '../store/types';

export interface BoardRenderer {
  render(options: { chat: ChatRow; t: Translate; locale: string; campaign?: string }): Promise<{ text: string; image?: { png: Uint8Array; alt: string } }>;
}

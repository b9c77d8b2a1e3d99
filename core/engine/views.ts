// What the core says in a chat, as neutral Markdown-lite and buttons. Adapters only change how it looks.
import type { Translate } from '../i18n';
import type { Button, OutMessage, Side, VoteChoice } from '../port/types';
import type { ModelCard } from '../providers/types';
import type { ReplyRow } from '../store/types';
import { energyLines, type EnergyReply } from '../energy/reveal';
import { encodeAction } from './actions';

export type ReplyStatus = 'waiting' | 'streaming' | 'done' | 'failed';

export interface ReplyState {
  text: string;
  status: ReplyStatus;
  error?: string;
}

const SIDE_LABEL: Record<Side, string> = { a: 'A', b: 'B' };
const CURSOR = ' ▍';

export function modelName(t: Translate, card: ModelCard | undefined, fallbackId: string): string {
  if (!card) return fallbackId;
  return card.demo ? t('model-demo-name', { name: card.displayName.replace(/\s*\(demo\)\s*$/i, '') }) : card.displayName;
}

export function replyMessage(
  t: Translate,
  options: { side: Side; state: ReplyState; token: string; turn: number; reactions: boolean; revealed?: ModelCard; modelId?: string },
): OutMessage {
  const { side, state } = options;
  const header = options.revealed
    ? t('reply-header-revealed', { side: SIDE_LABEL[side], model: modelName(t, options.revealed, options.modelId ?? '') })
    : t('reply-header', { side: SIDE_LABEL[side] });
  let body: string;
  switch (state.status) {
    case 'waiting':
      body = t('reply-waiting');
      break;
    case 'streaming':
      body = state.text + CURSOR;
      break;
    case 'done':
      body = state.text.trim() ? state.text : t('reply-empty');
      break;
    case 'failed':
      body = `${state.text ? `${state.text}\n\n` : ''}${t('reply-failed', { reason: state.error ?? '' })}`;
      break;
  }
  const buttons: Button[][] | undefined =
    options.reactions && state.status === 'done'
      ? [
          [
            { label: t('react-like', { side: SIDE_LABEL[side] }), data: encodeAction({ kind: 'react', token: options.token, turn: options.turn, side, reaction: 'like' }) },
            { label: t('react-dislike', { side: SIDE_LABEL[side] }), data: encodeAction({ kind: 'react', token: options.token, turn: options.turn, side, reaction: 'dislike' }) },
          ],
        ]
      : undefined;
  const message: OutMessage = { text: `${header}\n\n${body}`, buttons, role: 'reply', side };
  if (state.status === 'streaming' || state.status === 'waiting') message.partial = true;
  return message;
}

/** The prompt, posted when the platform does not show it (a slash command's text). Quoted: it is the person's text. */
export function promptEcho(t: Translate, name: string, prompt: string): OutMessage {
  const quoted = prompt
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return { text: `${t('prompt-echo', { name })}\n${quoted}`, role: 'prompt', source: 'model' };
}

export function voteButtons(t: Translate, token: string): Button[][] {
  const b = (choice: VoteChoice, style: Button['style']): Button => ({
    label: t(`vote-${choice}`),
    data: encodeAction({ kind: 'vote', token, choice }),
    style,
  });
  return [
    [b('a', 'primary'), b('b', 'primary')],
    [b('tie', 'secondary'), b('both_bad', 'danger')],
  ];
}

export interface RevealSide {
  card?: ModelCard;
  modelId: string;
  replies: Array<Pick<ReplyRow, 'latencyMs' | 'tokensOut' | 'ttftMs'> & EnergyReply>;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

export function revealLines(t: Translate, sides: Record<Side, RevealSide>): string {
  const energy = energyLines(t, { a: sides.a.replies, b: sides.b.replies });
  return [modelLines(t, sides), energy].filter(Boolean).join('\n');
}

function modelLines(t: Translate, sides: Record<Side, RevealSide>): string {
  return (['a', 'b'] as const)
    .map((side) => {
      const { card, modelId, replies } = sides[side];
      const latency = replies.reduce((sum, r) => sum + (r.latencyMs ?? 0), 0);
      const tokens = replies.reduce((sum, r) => sum + (r.tokensOut ?? 0), 0);
      const details = [
        card?.organisation,
        card?.totalParamsB ? t('reveal-params', { billions: card.totalParamsB }) : undefined,
        card?.licence,
      ].filter(Boolean);
      return t('reveal-line', {
        side: SIDE_LABEL[side],
        model: modelName(t, card, modelId),
        details: details.length ? ` (${details.join(', ')})` : '',
        seconds: seconds(latency),
        tokens,
      });
    })
    .join('\n');
}

export function ballotMessage(
  t: Translate,
  options: {
    token: string;
    status: 'open' | 'closed' | 'moved';
    votes: number;
    closesAt?: Date | null;
    closeAfterVotes?: number;
    tally?: Record<VoteChoice, number>;
    reveal?: string;
    leak?: boolean;
  },
): OutMessage {
  if (options.status === 'moved') return { text: t('ballot-moved'), role: 'ballot' };
  if (options.status === 'closed') {
    const tally = options.tally ?? { a: 0, b: 0, tie: 0, both_bad: 0 };
    const lines = [
      t('ballot-closed', { votes: options.votes }),
      t('ballot-tally', { a: tally.a, b: tally.b, tie: tally.tie, bothBad: tally.both_bad }),
      '',
      options.reveal ?? '',
    ];
    if (options.leak) lines.push('', t('ballot-leak'));
    return { text: lines.join('\n').trim(), role: 'ballot' };
  }
  const lines = [t('ballot-question'), t('ballot-votes', { votes: options.votes })];
  if (options.closesAt) {
    const minutes = Math.max(1, Math.ceil((options.closesAt.getTime() - Date.now()) / 60_000));
    lines.push(t('ballot-closes-in', { minutes }));
  } else if (options.closeAfterVotes && options.closeAfterVotes > 1) {
    lines.push(t('ballot-closes-after', { votes: options.closeAfterVotes }));
  }
  return { text: lines.join('\n'), buttons: voteButtons(t, options.token), role: 'ballot', ...(options.closesAt ? { closesAt: options.closesAt } : {}) };
}

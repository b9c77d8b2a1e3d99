// DIR/README.md, the dataset's datasheet: how the data was collected, what was filtered out and how much, and what
// every column means (printed from columns.ts). Written for researchers, in English, as datasets are.
import { CONVERSATION_COLUMNS, REACTION_COLUMNS, VOTE_COLUMNS } from './columns';
import type { ExportSummary } from './dataset';
import type { Column } from './writers';

export interface DatasheetFacts {
  summary: ExportSummary;
  licence: string;
  release: string;
  campaign: string | null;
  since: Date | null;
  generatedAt: Date;
}

const n = (x: number) => x.toLocaleString('en-US');

function tally(map: Record<string, number>): string {
  const entries = Object.entries(map).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${k} (${n(v)})`).join(', ');
}

function dictionary(columns: readonly Column[]): string {
  const type = (c: Column) => (c.type === 'JSON' ? 'JSON (string in Parquet)' : c.type.toLowerCase());
  return ['| column | type | meaning |', '|---|---|---|', ...columns.map((c) => `| \`${c.name}\` | ${type(c)} | ${c.description.replace(/\|/g, '\\|')} |`)].join('\n');
}

export function writeDatasheet(f: DatasheetFacts): string {
  const s = f.summary;
  const e = s.excluded;
  const filters = [
    `- Campaign: ${f.campaign ?? 'all campaigns and battles outside campaigns'}`,
    `- Battles opened since: ${f.since ? f.since.toISOString() : 'the beginning'}`,
    '- Closed battles only, without an identity leak (a reply that named a model; leaderboards skip them too).',
    `- Chats whose admins did not allow publishing: ${n(e.publishingNotAllowed)} battles left out (publishing is off unless an admin turns it on).`,
    `- Personal data: ${n(e.piiSuspect)} battles left out as suspect, ${n(e.piiUnanalysed)} not analysed yet (left out: fail closed).`,
    `- People who erased their data or opted out of publication: ${n(e.authorOptedOut)} battles they wrote in, ${n(s.excludedVotes)} votes and ${n(s.excludedReactions)} reactions left out.`,
    `- Conversations removed by the retention policy: ${n(e.purged)}; battles without any stored turn: ${n(e.noConversation)}.`,
  ];
  return `# Pnyx arena dataset${f.campaign ? `: ${f.campaign}` : ''}

Generated ${f.generatedAt.toISOString()} by \`npm run export\`${f.release ? `, release \`${f.release}\`` : ''}.
Licence: **${f.licence}**.

## Collection method
Pnyx is a blind arena for language models living in the group chats of messaging platforms and a web playground (the platforms below). A
person writes a prompt; two anonymous models answer side by side as A and B (random pair, random sides); members of
the chat vote A, B, tie or both bad, optionally with reasons and a comment, and may react to single replies (like or
dislike, with reasons). Models are revealed only after voting. Several members of a group may vote on one battle:
votes sharing a \`conversation_pair_id\` are one battle. Participants were told, when they first used Pnyx, what is
stored and that it may be published after screening under a pseudonym; each could opt out or erase their data.

## Contents
| file | rows | what |
|---|---|---|
| \`conversations.parquet\` / \`.jsonl\` | ${n(s.conversations)} | one row per battle: both conversations |
| \`votes.parquet\` / \`.jsonl\` | ${n(s.votes)} | one row per vote, compar:IA's column names |
| \`reactions.parquet\` / \`.jsonl\` | ${n(s.reactions)} | one row per reaction to a single reply |
| \`battles.json\` | ${n(s.votes)} | the votes as a FastChat/LMArena battle list (\`model_a\`, \`model_b\`, \`winner\`, \`judge\`, \`anony\`, \`language\`, \`tstamp\`) |

Parquet files are written by hyparquet-writer (pure JavaScript, Snappy compression); nested values (conversations,
categories) are JSON text in Parquet and JSON arrays in JSONL.

Platforms (battles): ${tally(s.platforms)}.
Languages (battles, ISO 639-1): ${tally(s.languages)}.
Models (battles): ${tally(s.models)}.

## Filters applied
${filters.join('\n')}

## Privacy
- Ids are pseudonyms: keyed hashes (HMAC-SHA-256 with a secret kept by the organiser${f.release ? ', salted for this release' : ''}) of internal ids.
  Platform ids, display names and chat titles are not in the files.
- Every conversation was screened before export: validators (e-mail addresses, phone numbers, IBANs, French social
  security numbers with their key, payment cards with the Luhn check, IP addresses) replaced values by \`[EMAIL]\`,
  \`[PHONE]\`, \`[IBAN]\`, \`[NIR]\`, \`[CARD]\`, \`[IP]\`; conversations where a person introduces themself, names a relative,
  gives an address or a birth date were left out, as were those an optional model flagged (\`pii_model\`).
- Screening is automatic: if you find personal data, tell the organiser, who will remove it from later releases.

## Loading
\`\`\`python
import pandas as pd
votes = pd.read_parquet("votes.parquet")      # or pd.read_json("votes.jsonl", lines=True)
battles = pd.read_json("battles.json")         # FastChat's elo_analysis.py input
\`\`\`
\`\`\`sql
SELECT model_a_name, model_b_name, chosen_model_name, both_equal FROM 'votes.parquet';  -- DuckDB
\`\`\`
The same leaderboard as Pnyx's: \`npm run leaderboard -- --votes votes.jsonl\`.

## Column dictionary
### conversations
${dictionary(CONVERSATION_COLUMNS)}

### votes
Reasons are ticked for the side(s) the vote concerns: the chosen side for A or B, both sides for a tie or both bad.

${dictionary(VOTE_COLUMNS)}

### reactions
${dictionary(REACTION_COLUMNS)}
`;
}

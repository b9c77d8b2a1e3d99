// Deterministic categories of a battle's prompt, in English and French (Pnyx's two catalogs) — the first pass before
// (or instead of) a classifier model. Coding follows LMArena's former code tagger (code fences, programming words and
// languages, import lines); long query and multi-turn follow LMArena's definitions (≥ 500 prompt tokens, ≥ 2 turns);
// math, creative writing, instruction following and hard prompts are keyword and structure rules that LMArena
// decides with a model. A labelled sample (heuristics.test.ts) keeps their precision and recall honest.
import type { CategoryId } from './ids';

export interface PromptInput {
  /** The user's messages, first turn first. */
  prompts: readonly string[];
  /** Turns in the battle (default: the number of prompts). */
  turns?: number;
}

/** Rough token count (no tokenizer offline): ~4 characters per token, one per CJK character. */
export function estimateTokens(text: string): number {
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) cjk++;
  }
  return Math.ceil((text.length - cjk) / 4) + cjk;
}

/** A case-insensitive regex whose \b also works next to accented letters (JavaScript's \b is ASCII-only). */
const compiled = new Map<string, RegExp>();
function re(source: string): RegExp {
  const known = compiled.get(source);
  if (known) return known;
  const made = new RegExp(source.replace(/\\b/g, '(?:(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_])|(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_]))'), 'iu');
  compiled.set(source, made);
  return made;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}+#.]+/gu) ?? [];

const CODE_WORDS = new Set([
  'git', 'github', 'dataframe', 'nginx', 'pip', 'npm', 'docker', 'kubernetes', 'regex', 'sql',
  'python', 'c++', 'cpp', 'java', 'javascript', 'typescript', 'html', 'css', 'bash', 'powershell', 'matlab', 'golang',
  'rust', 'kotlin', 'swift', 'php', 'ruby', 'linux', 'ubuntu', 'react', 'node.js', 'nodejs', 'django', 'flask', 'pandas',
  'numpy', 'pytorch', 'tensorflow', 'sklearn', 'compiler', 'debug', 'débogue', 'déboguer', 'refactor', 'frontend', 'backend',
]);
const CODE_PATTERNS = [
  /```/,
  /\bfrom [\w.]+ import \w+/,
  /^\s*import [\w.]+( as \w+)?\s*;?$/m,
  /#include\s*[<"]/,
  /\b(def|class|function|fn|func)\s+\w+\s*\(/,
  /\b(console\.log|System\.out|printf|println!?)\s*\(/,
  /\bSELECT\b[\s\S]+\bFROM\b/,
  /\b(conda|pip|npm|apt-get|brew) install\b/,
  /=>\s*\{|\)\s*\{\s*$/m,
  re(String.raw`<\/?(div|span|html|body|script)\b`),
  re(String.raw`\b(stack trace|traceback|segmentation fault|null pointer|exception in thread)\b`),
];

function isCoding(text: string, w: string[]): boolean {
  // LMArena's tagger ignores "ASCII art" requests, which trip the code words.
  if (/ascii art/i.test(text)) return false;
  if (CODE_PATTERNS.some((p) => p.test(text))) return true;
  if (w.some((x) => CODE_WORDS.has(x))) return true;
  return re(String.raw`\b(code|coder|programme|program|script|function|fonction|algorithm|algorithme)\b`).test(text) &&
    re(String.raw`\b(write|écris|écrire|implement|implémente|fix|corrige|optimi[sz]e|debug|explain|explique)\b`).test(text);
}

const MATH_WORDS =
  re(String.raw`\b(solve|résous|résoudre|equation|équation|integral|intégrale|derivative|dérivée|probability|probabilité|prove|démontre|démontrer|theorem|théorème|calculate|calcule[rz]?|compute|matrix|matrice|polynomial|polynôme|factori[sz]e|limit|limite|logarithm|logarithme|fraction|percentage|pourcentage|arithmetic|geometry|géométrie|triangle|hypotenuse|hypoténuse|prime numbers?|nombres? premiers?|sum of|somme de|mean|median|médiane|variance|algebra|algèbre)\b`);
const MATH_SYMBOLS = /(\d\s*[-+*/×÷^=]\s*\d)|(\b[a-z]\s*\^\s*\d)|\\frac|\\int|\\sum|√|∫|∑|≤|≥|\$[^$\n]+\$|\b\d+\s*[x×]\s*\d+\b|\b[xyz]\s*=\s*-?\d|\d[xyz]\b/;

function isMath(full: string): boolean {
  // Code is not arithmetic: a fenced block's operators say nothing here.
  const text = full.replace(/```[\s\S]*?(```|$)/g, ' ');
  const word = MATH_WORDS.test(text);
  const symbol = MATH_SYMBOLS.test(text);
  const numbers = (text.match(/\d+(?:[.,]\d+)?/g) ?? []).length;
  // A number in a sentence is not math; a math word with a number or a formula, a formula in a question, or a word
  // problem (several quantities and a question) is.
  return (
    (word && (symbol || numbers > 0)) ||
    (symbol && /[?=]/.test(text)) ||
    re(String.raw`\b(solve|résous|résoudre|prove|démontre|démontrer)\b`).test(text) ||
    re(String.raw`\b(how (many|much)|combien( font| fait| de)?|what is|que vaut)\s+\d`).test(text) ||
    /\d+\s?%\s*(of|de|d')\s*\d/i.test(text) ||
    (numbers >= 3 && /\?\s*$/.test(text.trim()))
  );
}

const CREATIVE =
  re(String.raw`\b(poem|poème|poésie|poetry|haiku|haïku|sonnet|limerick|story|histoire|conte|fable|tale|nouvelle|novel|roman|short story|lyrics|paroles|song|chanson|film script|movie script|script de film|scénario|screenplay|monologue|dialogue between|fan ?fiction|fairy tale|rap|ballad|ballade|verse|vers)\b`);
const CREATIVE_VERBS = re(String.raw`\b(write|écris|écrivez|écrire|compose|composez|imagine|imaginez|invent|invente|tell me a|raconte|rédige)\b`);

function isCreative(text: string): boolean {
  return (CREATIVE.test(text) && CREATIVE_VERBS.test(text)) || re(String.raw`\b(once upon a time|il était une fois)\b`).test(text);
}

/** Explicit, checkable constraints on the answer's form. */
const CONSTRAINTS = [
  re(String.raw`\b(in|en|within|under|at most|at least|au plus|au moins|maximum|minimum|exactly|exactement)\s+\d+\s+(words?|mots?|sentences?|phrases?|paragraphs?|paragraphes?|lines?|lignes?|bullet points?|points?|items?|characters?|caractères?)\b`),
  re(String.raw`\b(bullet points?|numbered list|liste numérotée|liste à puces|as a table|en tableau|sous forme de tableau|in json|en json|json format|format json|markdown table|in yaml|csv)\b`),
  re(String.raw`\b(do not|don't|never|without using|sans utiliser|n'utilise pas|ne pas utiliser|avoid using|évite)\b`),
  re(String.raw`\b(start(?:ing)? (each|every|your)|begin (with|each)|end (with|each)|commence par|termine par|finis par)\b`),
  re(String.raw`\b(all caps|uppercase|lowercase|en majuscules|en minuscules|in (french|english|spanish|german)|en (anglais|français|espagnol|allemand))\b`),
  re(String.raw`\b(respond only|answer only|only (respond|answer|output|return)|réponds uniquement|réponds seulement|uniquement par|only with)\b`),
  re(String.raw`\b(include|inclus|mention|mentionne|use the words?|utilise les mots?)\b.*\b(and|et)\b`),
  re(String.raw`\b(step by step|étape par étape|\d+ steps|\d+ étapes)\b`),
];

function constraintCount(text: string): number {
  return CONSTRAINTS.filter((c) => c.test(text)).length;
}

const TASK_VERBS = re(String.raw`\b(implement|implémente|explain|explique|analy[sz]e|compare|design|conçois|list|liste|give|donne|propose|compute|calcule|recommend|recommande|describe|décris|estimate|estime|write|écris|plan|planifie|justify|justifie)\b`);

/**
 * LMArena's seven "hard prompt" criteria (specificity, domain knowledge, complexity, problem solving, creativity,
 * technical accuracy, real-world application), each judged here by a cue; as on LMArena's board, a prompt meeting
 * at least 6 is hard.
 */
function hardCriteria(text: string, w: string[], coding: boolean, math: boolean, creative: boolean): number {
  const tasks = new Set((text.match(new RegExp(TASK_VERBS.source, 'giu')) ?? []).map((x) => x.toLowerCase())).size;
  const specific = coding || math || constraintCount(text) > 0 || re(String.raw`\b(write|écris|give me|donne-moi|list|liste|design|conçois|implement|implémente|calculate|calcule|compute|plan|propose)\b`).test(text);
  const domain = coding || math || re(String.raw`\b(physics|physique|chemistry|chimie|biology|biologie|law|droit|legal|juridique|medical|médical|finance|financial|economics|économie|statistics|statistiques|engineering|ingénierie|network|réseau|database|base de données|energy|énergie|énergétiques?|costs?|coûts?|pricing|tarifs?|churn|marketing|logistics|logistique)\b`).test(text);
  const complex = w.length >= 40 || (text.match(/[.?!;:\n]/g) ?? []).length >= 4 || tasks >= 3;
  const solving = re(String.raw`\b(solve|résous|design|conçois|implement|implémente|debug|fix|corrige|optimi[sz]e|plan|planifie|compare|analy[sz]e|evaluate|évalue|propose|recommend|recommande|strategy|stratégie|how (can|do|should) (i|we)|comment (puis-je|faire|pourrais-je))\b`).test(text);
  const creativity = creative || re(String.raw`\b(creative|créatif|original|innovative|innovant|come up with|imagine|invent|design|conçois|architecture|propose|strategy|stratégie|tailor|adapt|limited|limité|given|design choices)\b`).test(text);
  const technical = coding || math || re(String.raw`\b(accurate|précis|exact|technical|technique|specification|spécification|protocol|protocole|algorithm|algorithme|formula|formule|indicateurs?|metrics?|kpis?)\b`).test(text);
  const realWorld = re(String.raw`\b(my|our|mon|ma|mes|notre|nos|company|entreprise|business|startup|project|projet|production|deploy|déployer|set up|configure|configurer|client|customer|team|équipe|budget|app|system|système|implement|implémente)\b`).test(text);
  return [specific, domain, complex, solving, creativity, technical, realWorld].filter(Boolean).length;
}

/** The categories of one battle's prompt(s). */
export function categorize(input: PromptInput): CategoryId[] {
  const text = input.prompts.join('\n');
  const first = input.prompts[0] ?? '';
  const w = words(text);
  const out: CategoryId[] = [];
  const coding = isCoding(text, w);
  const math = isMath(text);
  const creative = isCreative(first);
  if (coding) out.push('coding');
  if (math) out.push('math');
  if (creative) out.push('creative-writing');
  if (constraintCount(first) >= 2) out.push('instruction-following');
  if (hardCriteria(first, words(first), coding, math, creative) >= 6) out.push('hard-prompts');
  if (estimateTokens(text) >= 500) out.push('long-query');
  if ((input.turns ?? input.prompts.length) >= 2) out.push('multi-turn');
  return out;
}

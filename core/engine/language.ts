// Prompt language, for per-language leaderboards. eld was the most accurate offline detector measured here
// (shared notes); it cannot flag its own mistakes on short text, so short or code-heavy prompts are undetermined.
import { eld } from 'eld/small';

const MIN_LETTERS = 20;

export function detectLanguage(text: string): string | null {
  const withoutCode = text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');
  const letters = withoutCode.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  const { language } = eld.detect(withoutCode);
  return language || null;
}

// A conversation's verdict before export, layer 1 (validators: redact) then layer 2 (heuristics: exclude). Layer 3,
// the optional model verdict, is in model-verdict.ts; the screening pass that stores verdicts is in screen-battles.ts.
import { suspectReason, type SuspectReason } from './heuristics';
import { findPii, redactPii } from './validators';

/** clean: nothing found; redacted: validated values to replace by placeholders; suspect: never exported. */
export type PiiVerdict = 'clean' | 'redacted' | 'suspect';

export interface TextsVerdict {
  verdict: PiiVerdict;
  reason: SuspectReason | null;
}

export function screenTexts(texts: readonly string[]): TextsVerdict {
  let redacted = false;
  for (const text of texts) {
    const reason = suspectReason(text);
    if (reason) return { verdict: 'suspect', reason };
    if (!redacted && findPii(text).length > 0) redacted = true;
  }
  return { verdict: redacted ? 'redacted' : 'clean', reason: null };
}

/**
 * A free comment for an export: validated values redacted, and dropped altogether (null) when a heuristic fires, since
 * a comment is not worth excluding a whole vote for.
 */
export function screenComment(comment: string | null | undefined): string | null {
  if (!comment) return null;
  if (suspectReason(comment)) return null;
  return redactPii(comment);
}

export { redactPii };

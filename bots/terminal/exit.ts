/** The terminal battle's exit codes. */
export const EXIT = { ok: 0, failed: 1, usage: 2, noVote: 3, interrupted: 130 } as const;

/** What selection learns of one backend: usable (with its facts) or not (with why and the fix). */
export type CandidateResult =
  | { available: true; tfBackend: string; simd: boolean; threads: number; detail: string }
  | { available: false; why: string; howToFix: string };

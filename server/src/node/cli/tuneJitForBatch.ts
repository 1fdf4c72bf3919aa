// Tunes V8's optimizing compiler for the CLI, a short batch run that may have one core: a smaller inlining budget.
import { setFlagsFromString } from 'node:v8';

/**
 * The cumulative inlining budget the CLI sets: bytecode bytes TurboFan may inline into one optimized function (V8's
 * default is 920). On one core the compiler's thread takes its time from the check itself: a fresh check of the
 * benchmark's 10,000-file tree makes ~250 optimizing compilations taking 0.57–0.62 s of ~2.1 s; with 200 it makes
 * ~290 smaller ones taking ~0.42 s, and the run is ~6 % shorter (docs/performance.md). Smaller checks gain more
 * (1,000 files: 0.87 → 0.72 s); long runs are not slower (a 40,000-file tree took the same time either way).
 */
export const CLI_INLINING_BUDGET = 200;

const FLAG = '--max-inlined-bytecode-size-cumulative';

/** V8 majors known to have the flag with this meaning: Node 20 (V8 11.3) to Node 24 (V8 13.6). */
const KNOWN_V8_MAJORS = { min: 11, max: 13 } as const;

/**
 * Sets the CLI's inlining budget, unless the V8 is one we have not checked (an unknown flag would print an error on
 * stderr) or the user chose a budget on the command line (`node --max-inlined-bytecode-size-cumulative=… kube-notes`).
 * Called by the CLI's entry only: the language server runs for hours, where V8's default budget is the right one.
 * Returns whether the flag was set.
 */
export function tuneJitForBatch(v8Version: string, execArgv: readonly string[], setFlags: (flags: string) => void = setFlagsFromString): boolean {
  const major = Number.parseInt(v8Version, 10);
  if (!(major >= KNOWN_V8_MAJORS.min && major <= KNOWN_V8_MAJORS.max)) return false;
  // V8 reads `_` and `-` alike in flag names.
  if (execArgv.some((arg) => arg.replace(/_/g, '-').startsWith(FLAG))) return false;
  setFlags(`${FLAG}=${CLI_INLINING_BUDGET}`);
  return true;
}

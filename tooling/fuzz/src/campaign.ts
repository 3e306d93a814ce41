/**
 * A fuzz campaign: the child writes one valid file set per format, then every case copies a set,
 * mutates one of its files and has the child load it. Each outcome is judged: a clear `Error`
 * naming the file, or a faithful load; never a hang, a crash, memory past the bound, or data that
 * differs from the seed's where the mutation could not have made a valid, different file.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Seed } from './case-runner';
import { type ChildLimits, type ChildOutcome, FuzzChild } from './fuzz-child';
import { FORMATS, type FormatName } from './formats';
import { type CaseMutation, applyMutations, sampleCases } from './mutations';

/** Options of {@link runCampaign}. */
export interface CampaignOptions extends Partial<ChildLimits> {
  /** fast-check's seed: the same seed gives the same cases. */
  seed: number;
  /** Cases per format. */
  casesPerFormat: number;
  /** The formats to mutate (all by default). */
  formats?: readonly FormatName[];
  /** Called after each case (progress). */
  onCase?: (format: FormatName, index: number, outcome: ChildOutcome) => void;
}

/** What went wrong in one case. */
export interface Finding {
  format: FormatName;
  /** `hang`, `memory`, `crash`, `not-an-error`, `unnamed-file`, `bare-error` or `silently-different`. */
  problem: string;
  detail: string;
  file: string;
  mutation: CaseMutation;
}

/** What a campaign did. */
export interface CampaignReport {
  cases: number;
  findings: Finding[];
  /** Children started (1 + one per hang, memory kill or crash). */
  childStarts: number;
  /** Outcomes by format: loads, errors. */
  counts: Record<string, { loaded: number; refused: number }>;
}

/** Messages of errors that say nothing: a JS engine's, HDF5's diagnostics, a bare errno. */
const BARE_ERROR = /Cannot read propert|is not a function|is not iterable|Invalid typed array length|Invalid array length|HDF5-DIAG|H5[A-Z]\w*\.c line|^E[A-Z]+: |Maximum call stack|undefined \(reading|Unexpected token|Unexpected end of JSON|is not valid JSON|out of bounds|Offset is outside the bounds/;

/** How a file was changed: positions overwritten in place, or (length changed) the first change. */
interface Change {
  touched: number[] | undefined;
  firstChange: number;
  originalLength: number;
}

/**
 * Whether a successful load is faithful under the format's tolerance: the seed's data, or a change
 * that stayed inside the value ranges (for a change of length: after the start of a value range
 * that runs to the end of the file, the header untouched).
 */
function faithful(format: FormatName, seed: Seed, file: string, digest: string, change: Change): boolean {
  if (digest === seed.digest) return true;
  const tolerance = FORMATS[format].tolerance;
  if (tolerance === 'shape') return digest.split(':')[0] === seed.digest.split(':')[0];
  if (tolerance === 'any') return true;
  if (tolerance === 'exact') return false;
  const ranges = seed.payload[file] ?? [];
  if (change.touched === undefined) return ranges.some(([start, end]) => end === change.originalLength && change.firstChange >= start);
  return change.touched.every((at) => ranges.some(([start, end]) => at >= start && at < end));
}

/**
 * The problem with one outcome, or undefined when the reader behaved.
 *
 * @param names what an error message may name the file by (the file and the set's folder)
 */
function judge(format: FormatName, seed: Seed, file: string, change: Change, outcome: ChildOutcome, names: string[], limits: ChildLimits): [string, string] | undefined {
  switch (outcome.kind) {
    case 'timeout':
      return ['hang', `no answer within ${limits.caseTimeoutMs} ms`];
    case 'memory':
      return ['memory', `resident memory reached ${Math.round(outcome.rss / 2 ** 20)} MiB`];
    case 'crash':
      return ['crash', `the child exited (code ${outcome.code}, signal ${outcome.signal}): ${outcome.stderr.slice(-500)}`];
    case 'threw':
      if (outcome.peakRss > limits.maxRssBytes) return ['memory', `peak resident memory ${Math.round(outcome.peakRss / 2 ** 20)} MiB before the error`];
      if (!outcome.isError) return ['not-an-error', `threw a ${outcome.name}: ${outcome.message}`];
      if (BARE_ERROR.test(outcome.message) && !/^Expected /.test(outcome.message)) return ['bare-error', outcome.message.slice(0, 400)];
      if (!names.some((name) => outcome.message.includes(name))) return ['unnamed-file', outcome.message.slice(0, 400)];
      return undefined;
    case 'ok': {
      if (outcome.peakRss > limits.maxRssBytes) return ['memory', `peak resident memory ${Math.round(outcome.peakRss / 2 ** 20)} MiB`];
      const { digest } = outcome.result as { digest: string };
      if (!faithful(format, seed, file, digest, change)) return ['silently-different', `loaded ${digest.slice(0, 300)} where the seed gives ${seed.digest.slice(0, 300)}`];
      return undefined;
    }
  }
}

/**
 * Runs a campaign in a child process.
 *
 * @returns the findings (empty when every reader behaved) and counts
 * @throws Error when the child cannot start
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const limits: ChildLimits = { caseTimeoutMs: options.caseTimeoutMs ?? 5_000, maxRssBytes: options.maxRssBytes ?? 1.5 * 2 ** 30, startTimeoutMs: options.startTimeoutMs };
  const child = new FuzzChild(limits);
  const work = mkdtempSync(path.join(tmpdir(), 'dendrite-fuzz-'));
  const findings: Finding[] = [];
  const counts: CampaignReport['counts'] = {};
  let cases = 0;
  try {
    const seedsDir = path.join(work, 'seeds');
    // Writing the seeds saves a model in four formats: not a case, so not under the case limit.
    const seedOutcome = await child.request({ kind: 'seeds', dir: seedsDir }, 120_000);
    if (seedOutcome.kind !== 'ok') throw new Error(`Expected the fuzz child to write the seed files, received ${JSON.stringify(seedOutcome).slice(0, 2000)}`);
    const seeds = seedOutcome.result as Seed[];
    const formats = options.formats ?? (Object.keys(FORMATS) as FormatName[]);
    for (const format of formats) counts[format] = { loaded: 0, refused: 0 };
    for (const [formatIndex, format] of formats.entries()) {
      const seed = seeds.find((candidate) => candidate.format === format)!;
      const mutationsOfFormat = sampleCases(options.seed + formatIndex, options.casesPerFormat);
      for (const [index, mutation] of mutationsOfFormat.entries()) {
        const dir = path.join(work, `${format}-${index}`);
        mkdirSync(dir);
        for (const name of seed.files) copyFileSync(path.join(seedsDir, format, name), path.join(dir, name));
        const file = seed.files[mutation.file % seed.files.length];
        const original = new Uint8Array(readFileSync(path.join(dir, file)));
        const { bytes, touched, firstChange } = applyMutations(original, mutation.mutations);
        writeFileSync(path.join(dir, file), bytes);
        const outcome = await child.request({ kind: 'load', format, dir });
        cases++;
        if (outcome.kind === 'ok') counts[format].loaded++;
        if (outcome.kind === 'threw') counts[format].refused++;
        const problem = judge(format, seed, file, { touched, firstChange, originalLength: original.length }, outcome, [file, seed.files[0], dir], limits);
        if (problem) {
          const around = (data: Uint8Array) => JSON.stringify(new TextDecoder('latin1').decode(data.subarray(Math.max(0, firstChange - 12), firstChange + 12)));
          const where = `first change at byte ${firstChange} of ${original.length}: ${around(original)} → ${around(bytes)}`;
          findings.push({ format, problem: problem[0], detail: `${problem[1]} (${where})`, file, mutation });
        }
        options.onCase?.(format, index, outcome);
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    child.close();
    rmSync(work, { recursive: true, force: true });
  }
  return { cases, findings, childStarts: child.starts, counts };
}

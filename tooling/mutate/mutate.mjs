#!/usr/bin/env node
// @ts-check
/**
 * `pnpm mutate <target> [--files <glob>] [--concurrency N]`: mutation testing of one target of
 * `targets.mjs` with StrykerJS and its vitest runner. Incremental: the results are kept in
 * `reports/mutation/<target>.incremental.json` (commit it), so a rerun tests only the mutants of
 * changed code or changed tests. The HTML and JSON reports land beside it. Stryker works on a
 * copy of the repository (`.stryker-tmp/`), never on the working tree. Slow by nature (every
 * mutant reruns the tests that cover it): not part of `pnpm test`.
 *
 * `--files <glob>` (relative to the repository root, within the target's folders) runs one chunk
 * of the target; its results are folded into the target's incremental file (`merge-incremental.mjs`:
 * Stryker itself would keep only the chunk's files), so a large target can be run a few files at
 * a time. Targets marked `backends: 'cpu'` run their `describeEachBackend` suites on cpu alone
 * (`DENDRITE_TEST_BACKENDS`): their code is TypeScript over tfjs ops, with no branch on the backend.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, matchesGlob } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TARGETS, TARGET_NAMES } from './targets.mjs';
import { countKey, mergeIncrementalReports, summarize } from './merge-incremental.mjs';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repositoryRoot);
const usage = 'Usage: pnpm mutate <target> [--files <glob>] [--concurrency N]';
const [target, ...rest] = process.argv.slice(2);
if (!target || !(target in TARGETS)) {
  console.error(`${usage}\nExpected a target among ${TARGET_NAMES.join(', ')}, received ${target ?? 'nothing'}`);
  process.exit(2);
}
/** @param {string} name @returns {string | undefined} */
const flag = (name) => {
  const at = rest.indexOf(name);
  return at >= 0 ? rest[at + 1] : undefined;
};
const concurrency = Number(flag('--concurrency') ?? 1);
const files = flag('--files');
const { folders, tests, backends } = TARGETS[target];
if (files !== undefined && !folders.some((folder) => files.startsWith(`${folder}/`))) {
  console.error(`${usage}\nExpected --files to be a glob under ${folders.join(' or ')}, received ${files}`);
  process.exit(2);
}
// An explicit DENDRITE_TEST_BACKENDS wins (e.g. `wasm,cpu` to time a run on both).
if (backends && !process.env.DENDRITE_TEST_BACKENDS) process.env.DENDRITE_TEST_BACKENDS = backends;
const slug = target.replace(/\//g, '-');
const reports = join(repositoryRoot, 'reports/mutation');
mkdirSync(reports, { recursive: true });
const incrementalFile = join(reports, `${slug}.incremental.json`);
// A chunk starts from the target's results (so its unchanged mutants are reused) in a file of its
// own, one per process: chunks of one target may run side by side, each merging when it ends.
const chunkFile = join(reports, `${slug}.chunk-${process.pid}-incremental.tmp.json`);
if (files !== undefined) {
  if (existsSync(incrementalFile)) copyFileSync(incrementalFile, chunkFile);
  else rmSync(chunkFile, { force: true });
}
const exclusions = folders.flatMap((folder) => [`!${folder}/**/*.test.ts`, `!${folder}/**/testing/**`, `!${folder}/**/index.ts`]);
const reportName = files === undefined ? slug : `${slug}.chunk`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const options = {
  packageManager: 'pnpm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // The dry run runs every test under `tests` (a one-time cost); perTest coverage then picks each
  // mutant's tests. `related` (vitest's import-graph filter) is off: it walked the graph on every
  // mutant run, ≈ 0.3 s CPU a mutant for nothing (`DENDRITE_MUTATE_RELATED=1` turns it on).
  vitest: { configFile: 'tooling/mutate/vitest.config.mjs', related: process.env.DENDRITE_MUTATE_RELATED === '1', dir: tests },
  // Each mutant reruns only the tests that executed its code.
  coverageAnalysis: 'perTest',
  mutate: files === undefined ? [...folders.map((folder) => `${folder}/**/*.ts`), ...exclusions] : [files, ...exclusions],
  // `zz-*` and `.hand-mutant-*`: the short-lived copies in which helpers check a mutant by hand. A
  // file listed at the start and gone before the sandbox copy crashed a run (ENOENT, 2026-12-08).
  ignorePatterns: ['apps', 'tooling/consumer-tests', 'tooling/bench', 'tooling/fuzz', 'reports', '**/dist', '**/.turbo', '**/coverage', '**/zz-*', '**/.hand-mutant-*'],
  incremental: true,
  incrementalFile: files === undefined ? incrementalFile : chunkFile,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: join(reports, `${reportName}.html`) },
  jsonReporter: { fileName: join(reports, `${reportName}.json`) },
  concurrency,
  // A mutant's tests get 1.5 × their dry-run time plus this before counting as a timeout (an
  // endless loop, counted as detected). Runs go under `nice -n 19` on a shared machine, where a
  // 0.3 s test can take several seconds of wall time: 10 s turned such runs into false timeouts
  // (3 of the first 17 Dense mutants). 30 s keeps a real endless loop cheap enough.
  timeoutMS: 30_000,
  // The dry run runs every test under `tests` once; Stryker's default of 5 min timed out on
  // `models/trainer` (its fits, under `nice` at load ≈ 26 on 2 cores).
  dryRunTimeoutMinutes: Number(process.env.DENDRITE_MUTATE_DRY_RUN_MINUTES ?? 30),
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // Static (module-level) mutants cannot be killed with the fork's modules kept (`isolate: false`),
  // yet each reruns every test: on callbacks' first chunk 36 of 475 mutants, ≈ 59 % of the run.
  // `DENDRITE_MUTATE_IGNORE_STATIC=1` reports them as ignored (still listed, by file and line).
  ignoreStatic: process.env.DENDRITE_MUTATE_IGNORE_STATIC === '1',
};

const started = Date.now();
const { Stryker } = await import('@stryker-mutator/core');
const results = await new Stryker(options).runMutationTest();
const seconds = (Date.now() - started) / 1000;
// Static mutants left unrun (`ignoredStatic`) are outside the score: counted apart from `other`.
/** @type {Record<string, number>} */
const counts = { killed: 0, survived: 0, timeout: 0, noCoverage: 0, ignoredStatic: 0, other: 0 };
for (const result of results) counts[countKey(result)]++;
const detected = counts.killed + counts.timeout;
const valid = detected + counts.survived + counts.noCoverage;
const scope = files === undefined ? target : `${target} --files ${files}`;
const unrunStatic = counts.ignoredStatic ? `, ${counts.ignoredStatic} static mutants unrun and outside the score` : '';
console.log(`${scope}: ${results.length} mutants, score ${((100 * detected) / Math.max(valid, 1)).toFixed(1)} % (${JSON.stringify(counts)}${unrunStatic}), ${seconds.toFixed(0)} s wall, ${(seconds / Math.max(results.length, 1)).toFixed(2)} s per mutant${process.env.DENDRITE_TEST_BACKENDS ? `, backends ${process.env.DENDRITE_TEST_BACKENDS}` : ''}`);

if (files !== undefined && existsSync(chunkFile)) {
  const previous = existsSync(incrementalFile) ? JSON.parse(readFileSync(incrementalFile, 'utf-8')) : undefined;
  const chunk = JSON.parse(readFileSync(chunkFile, 'utf-8'));
  const { report, dropped } = mergeIncrementalReports(previous, chunk, (fileName) => matchesGlob(fileName, files));
  writeFileSync(incrementalFile, JSON.stringify(report, null, 2), 'utf-8');
  rmSync(chunkFile);
  const total = summarize(report);
  console.log(`${target} (all chunks so far): ${total.mutants} mutants, score ${total.score.toFixed(1)} % (${JSON.stringify(total.counts)}; ignoredStatic: unrun, outside the score)${dropped ? `; ${dropped} kept results dropped (their tests changed), retested on their file's next run` : ''}`);
}

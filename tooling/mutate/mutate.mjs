#!/usr/bin/env node
// @ts-check
/**
 * `pnpm mutate <target> [--concurrency N]`: mutation testing of one target of `targets.mjs` with
 * StrykerJS and its vitest runner. Incremental: the results are kept in
 * `reports/mutation/<target>.incremental.json` (commit it), so a rerun tests only the mutants of
 * changed code or changed tests. The HTML and JSON reports land beside it. Stryker works on a
 * copy of the repository (`.stryker-tmp/`), never on the working tree. Slow by nature (every
 * mutant reruns the tests that cover it): not part of `pnpm test`.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TARGETS, TARGET_NAMES } from './targets.mjs';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const [target, ...rest] = process.argv.slice(2);
if (!target || !(target in TARGETS)) {
  console.error(`Usage: pnpm mutate <target> [--concurrency N]\nExpected a target among ${TARGET_NAMES.join(', ')}, received ${target ?? 'nothing'}`);
  process.exit(2);
}
const concurrencyFlag = rest.indexOf('--concurrency');
const concurrency = concurrencyFlag >= 0 ? Number(rest[concurrencyFlag + 1]) : 1;
const { folders, tests } = TARGETS[target];
const slug = target.replace(/\//g, '-');
const reports = join(repositoryRoot, 'reports/mutation');
mkdirSync(reports, { recursive: true });

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const options = {
  packageManager: 'pnpm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // Only the tests under `tests` that import mutated files run.
  vitest: { configFile: 'vitest.config.ts', related: true, dir: tests },
  coverageAnalysis: 'perTest',
  mutate: folders.flatMap((folder) => [`${folder}/**/*.ts`, `!${folder}/**/*.test.ts`, `!${folder}/**/testing/**`, `!${folder}/**/index.ts`]),
  ignorePatterns: ['apps', 'tooling/consumer-tests', 'tooling/bench', 'tooling/fuzz', 'reports', '**/dist', '**/.turbo', '**/coverage'],
  incremental: true,
  incrementalFile: join(reports, `${slug}.incremental.json`),
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: join(reports, `${slug}.html`) },
  jsonReporter: { fileName: join(reports, `${slug}.json`) },
  concurrency,
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};

const { Stryker } = await import('@stryker-mutator/core');
const results = await new Stryker(options).runMutationTest();
const counts = { killed: 0, survived: 0, timeout: 0, noCoverage: 0, other: 0 };
for (const result of results) {
  if (result.status === 'Killed') counts.killed++;
  else if (result.status === 'Survived') counts.survived++;
  else if (result.status === 'Timeout') counts.timeout++;
  else if (result.status === 'NoCoverage') counts.noCoverage++;
  else counts.other++;
}
const detected = counts.killed + counts.timeout;
const valid = detected + counts.survived + counts.noCoverage;
console.log(`${target}: ${results.length} mutants, score ${((100 * detected) / Math.max(valid, 1)).toFixed(1)} % (${JSON.stringify(counts)})`);

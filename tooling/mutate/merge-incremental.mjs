// @ts-check
/**
 * Folds the incremental report of one chunk of a target (`pnpm mutate <target> --files <glob>`)
 * into the target's incremental report. Stryker itself carries over the reusable results of files
 * outside its `mutate` patterns (`incremental-differ.js`: "old mutants that didn't run this time
 * around aren't forgotten"), but only those of the file it started from: chunks of one target run
 * side by side would each overwrite the others' results. The merge, done when a chunk ends, keeps
 * the target file's current results for the files outside the chunk and takes the chunk's for the
 * files in it. Test ids are per report (Stryker numbers them anew each run), so tests are matched by test
 * file and name and renumbered. A kept result that names a test whose file has changed since (its
 * source differs from the chunk's) is dropped, so that mutant is tested again on the next run of
 * its file instead of trusting a kill by a test that is no longer the same.
 */

/**
 * @typedef {{ id: string, name: string, location?: unknown }} TestDefinition
 * @typedef {{ source?: string, tests: TestDefinition[] }} TestFile
 * @typedef {{ id: string, coveredBy?: string[], killedBy?: string[], [key: string]: unknown }} MutantResult
 * @typedef {{ source: string, mutants: MutantResult[], [key: string]: unknown }} FileResult
 * @typedef {{ files: Record<string, FileResult>, testFiles?: Record<string, TestFile>, [key: string]: unknown }} Report
 */

/**
 * @param {Report | undefined} previous the target's incremental report before the chunk ran (absent on a first run)
 * @param {Report} chunk the report Stryker wrote for the chunk
 * @param {(fileName: string) => boolean} inChunk whether a source file (report name) belongs to the chunk
 * @returns {{ report: Report, dropped: number }} the merged report, and how many kept results were dropped as stale
 */
export function mergeIncrementalReports(previous, chunk, inChunk) {
  /** @type {Record<string, TestFile>} */
  const testFiles = {};
  /** @type {Map<string, string>} */
  const idByKey = new Map();
  /** @param {string} file @param {TestDefinition} test */
  const register = (file, test) => {
    const key = `${file}\u0000${test.name}`;
    let id = idByKey.get(key);
    if (id === undefined) {
      id = String(idByKey.size);
      idByKey.set(key, id);
      testFiles[file].tests.push({ ...test, id });
    }
    return id;
  };

  /** @type {Map<string, string>} the chunk's test ids → merged ids */
  const chunkIds = new Map();
  for (const [file, entry] of Object.entries(chunk.testFiles ?? {})) {
    testFiles[file] = { ...entry, tests: [] };
    for (const test of entry.tests) chunkIds.set(test.id, register(file, test));
  }
  /** @type {Map<string, string | null>} the previous report's test ids → merged ids (null: stale) */
  const previousIds = new Map();
  for (const [file, entry] of Object.entries(previous?.testFiles ?? {})) {
    const current = chunk.testFiles?.[file];
    if (current === undefined) {
      testFiles[file] = { ...entry, tests: [] };
      for (const test of entry.tests) previousIds.set(test.id, register(file, test));
    } else {
      const unchanged = current.source === entry.source;
      for (const test of entry.tests) {
        const id = idByKey.get(`${file}\u0000${test.name}`);
        previousIds.set(test.id, unchanged && id !== undefined ? id : null);
      }
    }
  }

  /** @param {string[] | undefined} ids @param {Map<string, string | null>} map */
  const remap = (ids, map) => ids?.map((id) => map.get(id) ?? null);
  /** @type {Record<string, FileResult>} */
  const files = {};
  for (const [file, result] of Object.entries(chunk.files)) {
    // Stryker carries reusable results of files outside the chunk from the chunk's seed; the
    // target's file may hold newer ones (another chunk that ended meanwhile): those win.
    if (!inChunk(file) && previous?.files[file] !== undefined) continue;
    files[file] = {
      ...result,
      mutants: result.mutants.map((mutant) => ({
        ...mutant,
        coveredBy: /** @type {string[] | undefined} */ (remap(mutant.coveredBy, chunkIds)),
        killedBy: /** @type {string[] | undefined} */ (remap(mutant.killedBy, chunkIds)),
      })),
    };
  }
  let dropped = 0;
  for (const [file, result] of Object.entries(previous?.files ?? {})) {
    if (file in files || inChunk(file)) continue;
    const mutants = [];
    for (const mutant of result.mutants) {
      const coveredBy = remap(mutant.coveredBy, previousIds);
      const killedBy = remap(mutant.killedBy, previousIds);
      if (coveredBy?.includes(null) || killedBy?.includes(null)) {
        dropped++;
        continue;
      }
      mutants.push({ ...mutant, coveredBy: /** @type {string[] | undefined} */ (coveredBy), killedBy: /** @type {string[] | undefined} */ (killedBy) });
    }
    files[file] = { ...result, mutants };
  }
  return { report: { ...chunk, files, testFiles }, dropped };
}

/**
 * The count a mutant goes under: `killed`, `timeout`, `survived`, `noCoverage`, `ignoredStatic`
 * (a static mutant that `ignoreStatic`, `DENDRITE_MUTATE_IGNORE_STATIC=1`, left unrun: outside the
 * score, so counted apart from the equivalents) or `other` (ignored by a comment, errors).
 *
 * @param {{ status?: unknown, statusReason?: unknown }} mutant a mutant result
 * @returns {string} the key of its count
 */
export function countKey(mutant) {
  const status = String(mutant.status);
  if (status === 'Ignored' && /static/i.test(String(mutant.statusReason ?? ''))) return 'ignoredStatic';
  return { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage' }[status] ?? 'other';
}

/**
 * Counts a report's mutants by status ({@link countKey}) and its score (detected over valid, as
 * Stryker counts it: neither the equivalents nor the ignored static mutants are in it).
 *
 * @param {Report} report a mutation-testing-elements report
 * @returns {{ mutants: number, score: number, counts: Record<string, number> }} totals over every file
 */
export function summarize(report) {
  /** @type {Record<string, number>} */
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignoredStatic: 0, other: 0 };
  let mutants = 0;
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) {
      mutants++;
      counts[countKey(mutant)]++;
    }
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return { mutants, score: (100 * detected) / Math.max(valid, 1), counts };
}

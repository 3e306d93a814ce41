import { describe, expect, it } from 'vitest';
import { countKey, mergeIncrementalReports, summarize } from '../merge-incremental.mjs';

const mutant = (id: string, status: string, coveredBy: string[], killedBy?: string[]) => ({ id, status, coveredBy, killedBy, mutatorName: 'x', location: {} });

/** A target run before: two source files, one test file whose tests are numbered 0 and 1. */
const previous = {
  files: {
    'src/a.ts': { source: 'a1', mutants: [mutant('1', 'Killed', ['0'], ['0'])] },
    'src/b.ts': { source: 'b', mutants: [mutant('2', 'Killed', ['1'], ['1']), mutant('3', 'Survived', ['0'])] },
  },
  testFiles: { 'src/t.test.ts': { source: 'tests v1', tests: [{ id: '0', name: 'first' }, { id: '1', name: 'second' }] } },
};

describe('mergeIncrementalReports', () => {
  it('takes the chunk for its files, keeps the others, and renumbers tests by file and name', () => {
    // The chunk re-ran src/a.ts; its run numbered the same tests the other way round.
    const chunk = {
      schemaVersion: '1.0',
      files: { 'src/a.ts': { source: 'a2', mutants: [mutant('9', 'Survived', ['0'])] } },
      testFiles: { 'src/t.test.ts': { source: 'tests v1', tests: [{ id: '0', name: 'second' }, { id: '1', name: 'first' }] } },
    };
    const { report, dropped } = mergeIncrementalReports(previous, chunk, (file) => file === 'src/a.ts');
    expect(dropped).toBe(0);
    expect(report.files['src/a.ts']).toEqual({ source: 'a2', mutants: [{ ...mutant('9', 'Survived', ['0']), killedBy: undefined }] });
    const names = Object.fromEntries(report.testFiles['src/t.test.ts'].tests.map((test) => [test.id, test.name]));
    expect(names).toEqual({ 0: 'second', 1: 'first' });
    // b.ts's kill by "second" (old id 1) now points at "second"'s merged id, 0.
    expect(report.files['src/b.ts'].mutants.map((m) => [m.coveredBy, m.killedBy])).toEqual([[['0'], ['0']], [['1'], undefined]]);
    expect(summarize(report)).toEqual({ mutants: 3, score: (100 * 1) / 3, counts: { killed: 1, timeout: 0, survived: 2, noCoverage: 0, ignoredStatic: 0, other: 0 } });
  });

  it('drops a kept result whose tests changed since, so that mutant is tested again', () => {
    const chunk = {
      files: { 'src/a.ts': { source: 'a1', mutants: [mutant('1', 'Killed', ['0'], ['0'])] } },
      testFiles: { 'src/t.test.ts': { source: 'tests v2', tests: [{ id: '0', name: 'first' }, { id: '1', name: 'second' }] } },
    };
    const { report, dropped } = mergeIncrementalReports(previous, chunk, (file) => file === 'src/a.ts');
    expect(dropped).toBe(2);
    expect(report.files['src/b.ts'].mutants).toEqual([]);
  });

  it('keeps the previous files on a first chunk of a file outside them, and starts from nothing', () => {
    const chunk = { files: { 'src/c.ts': { source: 'c', mutants: [mutant('1', 'NoCoverage', [])] } }, testFiles: {} };
    expect(Object.keys(mergeIncrementalReports(previous, chunk, (file) => file === 'src/c.ts').report.files).sort()).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
    expect(Object.keys(mergeIncrementalReports(undefined, chunk, () => true).report.files)).toEqual(['src/c.ts']);
  });

  it('counts static mutants ignored by ignoreStatic apart from the other ignored ones, outside the score', () => {
    const staticReason = 'Static mutant (and "ignoreStatic" was enabled)';
    const report = {
      files: {
        'src/a.ts': {
          source: 'a',
          mutants: [mutant('1', 'Killed', ['0'], ['0']), { ...mutant('2', 'Ignored', []), statusReason: staticReason }, { ...mutant('3', 'Ignored', []), statusReason: 'Ignored by a comment' }, mutant('4', 'Survived', ['0'])],
        },
      },
      testFiles: {},
    };
    expect(countKey({ status: 'Ignored', statusReason: staticReason })).toBe('ignoredStatic');
    expect(summarize(report)).toEqual({ mutants: 4, score: 50, counts: { killed: 1, timeout: 0, survived: 1, noCoverage: 0, ignoredStatic: 1, other: 1 } });
  });
});

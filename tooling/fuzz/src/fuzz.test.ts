import { expect, it } from 'vitest';
import { runCampaign } from './campaign';
import { MODEL_FORMATS } from './formats';

/**
 * The fixed-seed slice of the fuzz campaign that runs with the unit tests (a few hundred cases,
 * under a minute); `pnpm fuzz` runs longer ones. Every case runs in a child process under a time
 * limit and a memory bound.
 */
it('loads every mutated file faithfully or refuses it with an Error naming it; never hangs, crashes or bloats', async () => {
  const report = await runCampaign({ seed: 20261207, casesPerFormat: 20, caseTimeoutMs: 10_000 });
  const describe = (finding: (typeof report.findings)[number]) => `${finding.format} ${finding.problem} in ${finding.file}: ${finding.detail} — mutation ${JSON.stringify(finding.mutation)}`;
  expect(report.cases).toBe(20 * 17);
  // Every format loaded some cases and refused others: the mutations reach past the magic numbers.
  for (const [format, counts] of Object.entries(report.counts)) expect(counts.refused, format).toBeGreaterThan(0);
  // Every format, the model formats included: refused naming the file, or loaded faithfully.
  expect(report.findings.map(describe)).toEqual([]);
  expect(report.counts).toHaveProperty(MODEL_FORMATS[0]);
}, 180_000);

/**
 * `pnpm fuzz`: a longer campaign than the test's slice. Options: `--seed N` (default: the time),
 * `--cases N` per format (default 300), `--formats a,b`, `--report file.json`.
 * Exits 1 when there are findings, after printing them.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCampaign } from './campaign';
import type { FormatName } from './formats';

const { values } = parseArgs({ options: { seed: { type: 'string' }, cases: { type: 'string' }, formats: { type: 'string' }, report: { type: 'string' }, timeout: { type: 'string' } } });
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const casesPerFormat = Number(values.cases ?? 300);
const formats = values.formats?.split(',') as FormatName[] | undefined;
console.log(`fuzz: seed ${seed}, ${casesPerFormat} cases per format${formats ? ` (${formats.join(', ')})` : ''}`);
let last = '';
const report = await runCampaign({
  seed,
  casesPerFormat,
  formats,
  caseTimeoutMs: Number(values.timeout ?? 5000),
  onCase: (format, index) => {
    if (format !== last || (index + 1) % 50 === 0) process.stdout.write(`${format} ${index + 1}\n`);
    last = format;
  },
});
for (const finding of report.findings) console.log(`${finding.format} ${finding.problem} in ${finding.file}: ${finding.detail}\n  mutation ${JSON.stringify(finding.mutation)}`);
console.log(`${report.cases} cases, ${report.findings.length} findings, ${report.childStarts} child starts; loaded/refused by format: ${JSON.stringify(report.counts)}`);
if (values.report) writeFileSync(values.report, JSON.stringify({ seed, ...report }, null, 2));
process.exitCode = report.findings.length > 0 ? 1 : 0;

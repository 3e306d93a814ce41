// @ts-check
/**
 * Runs one TypeScript file against the packages' src/ with the tests' Vite aliases and plugins
 * (`@dendrite/vitest-config/source-runner`), for the tuner's
 * child processes: `node test/run-source.mjs src/cli.ts worker --redis …`.
 */
import path from 'node:path';
import { createSourceRunner } from '@dendrite/vitest-config/source-runner';

const [file, ...args] = process.argv.slice(2);
const runner = await createSourceRunner();
process.argv = [process.argv[0], path.resolve(file), ...args];
await runner.executeFile(path.resolve(file));

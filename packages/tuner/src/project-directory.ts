import { nodeModules, writeFileAtomicSync } from '@dendrite/backend/internal';
import type { OracleState } from './oracles/oracle';
import type { Trial } from './trial';
import { decodeSnapshot, encodeSnapshot, type WeightsSnapshot } from './weights-snapshot';

const PURPOSE = 'for a tuner project directory';

/**
 * A search's folder, laid out as KerasTuner's: `<directory>/<projectName>/oracle.json` and one
 * `trial_<id>/` per trial with `trial.json` and `checkpoint.json` (the best weights). Every file is
 * written to a temporary name then renamed, so a search killed at any moment leaves whole files.
 */
export class ProjectDirectory {
  /** The project folder. */
  readonly path: string;

  constructor(directory: string, projectName: string) {
    this.path = nodeModules(PURPOSE).path.join(directory, projectName);
  }

  /** Removes everything saved (`overwrite: true`). */
  clear(): void {
    nodeModules(PURPOSE).fs.rmSync(this.path, { recursive: true, force: true });
  }

  /** The saved oracle state, if any. */
  readOracle(): OracleState | undefined {
    const file = this.file('oracle.json');
    const { fs } = nodeModules(PURPOSE);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as OracleState) : undefined;
  }

  /** Saves the oracle state. */
  writeOracle(state: OracleState): void {
    writeFileAtomicSync(this.file('oracle.json'), JSON.stringify(state), PURPOSE);
  }

  /** Saves one trial's record (and its best weights, when given). */
  writeTrial(trial: Trial, weights?: WeightsSnapshot): void {
    if (weights !== undefined) writeFileAtomicSync(this.file(`trial_${trial.trialId}`, 'checkpoint.json'), JSON.stringify(encodeSnapshot(weights)), PURPOSE);
    writeFileAtomicSync(this.file(`trial_${trial.trialId}`, 'trial.json'), JSON.stringify(trial, null, 2), PURPOSE);
  }

  /** A trial's best weights, if saved. */
  readWeights(trialId: string): WeightsSnapshot | undefined {
    const file = this.file(`trial_${trialId}`, 'checkpoint.json');
    const { fs } = nodeModules(PURPOSE);
    return fs.existsSync(file) ? decodeSnapshot(JSON.parse(fs.readFileSync(file, 'utf8'))) : undefined;
  }

  private file(...parts: string[]): string {
    return nodeModules(PURPOSE).path.join(this.path, ...parts);
  }
}

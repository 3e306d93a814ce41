import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RELAXED_SIMD_V8_FLAG, relaxedSimdSupported } from './simd-features';

/** Whether a Node child knows the relaxed SIMD flag (Node 20; later versions have the feature on and may drop the flag). */
const nodeKnowsFlag = spawnSync(process.execPath, [RELAXED_SIMD_V8_FLAG, '-e', ''], { encoding: 'utf8' }).status === 0;
const hasBuiltinModule = typeof (process as { getBuiltinModule?: unknown }).getBuiltinModule === 'function';

describe('relaxedSimdSupported', () => {
  it.runIf(nodeKnowsFlag && hasBuiltinModule)('turns on Node 20’s relaxed SIMD flag at run time, without the flag on the command line', () => {
    expect(process.execArgv).not.toContain(RELAXED_SIMD_V8_FLAG);
    expect(relaxedSimdSupported()).toBe(true);
  });

  it('answers the same on every call', () => {
    expect(relaxedSimdSupported()).toBe(relaxedSimdSupported());
  });
});

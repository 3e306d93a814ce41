import { expect, it } from 'vitest';
import * as dn from 'dendrite';

it('dn.clearSession() restarts layer names, as keras.backend.clear_session()', () => {
  dn.clearSession();
  const layers = Array.from({ length: 3 }, () => dn.layers.dense({ units: 10 }));
  expect(layers.at(-1)!.name).toBe('dense_2');
  dn.clearSession();
  expect(dn.layers.dense({ units: 10 }).name).toBe('dense');
  expect(dn.layers.clearSession).toBe(dn.clearSession);
  dn.clearSession();
});

/** `tsx src/perf-namespace.ts`: what reading a function off Dendrite's `tf` namespace costs, against tfjs-core's own and a plain object. */
import * as core from '@tensorflow/tfjs-core';
import { tf } from '@dendrite/backend';
const plain = { ...tf };
let sink = 0;
for (const [name, ns] of [['dendrite tf', tf], ['tfjs-core', core], ['plain', plain], ['dendrite tf', tf], ['tfjs-core', core], ['plain', plain]] as const) {
  const t0 = performance.now();
  for (let i = 0; i < 1e6; i++) sink += (ns.mul === ns.add ? 1 : 0) + (ns.tidy === undefined ? 1 : 0);
  console.log(name, ((performance.now() - t0) / 2e6 * 1e6).toFixed(2), 'ns per read');
}
console.log(sink);

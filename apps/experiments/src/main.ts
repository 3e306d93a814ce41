/**
 * The main job. Until the experiments CLI exists: seed 001's XOR on the fastest backend here.
 */
import { selectBackend, setSeed } from '@dendrite/backend';
import { trainXor } from './xor';

const info = await selectBackend();
console.log(`Backend: ${info.name} (${info.reason})`);
setSeed(42);
const started = performance.now();
const { losses, predictions } = await trainXor(300);
for (let epoch = 0; epoch < losses.length; epoch += 50) console.log(`Epoch ${epoch + 1}/${losses.length} - loss: ${losses[epoch].toFixed(4)}`);
console.log(`Epoch ${losses.length}/${losses.length} - loss: ${losses[losses.length - 1].toFixed(4)}`);
const inputs = ['0 xor 0', '0 xor 1', '1 xor 0', '1 xor 1'];
predictions.forEach((value, index) => console.log(`${inputs[index]} → ${value.toFixed(3)} (${Math.round(value)})`));
console.log(`Trained in ${((performance.now() - started) / 1000).toFixed(2)} s`);

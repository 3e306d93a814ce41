/**
 * The process `crash-saves.test.ts` kills: saves two models in turn, round after round, to every
 * format — `.keras`, `.h5`, `model.json` + weights, `.dndr` — and trains with a ModelCheckpoint
 * writing `.keras`, printing `save <stage>` as each save starts (the test kills inside a chosen one)
 * and `round <n>` after each round. Model `even` holds weights all equal to
 * an even round number, `odd` to an odd one, so a file whose name and weights disagree is a torn save.
 *
 *   node --import tsx --import ./test/register-source-hooks.mjs test/crash-saves-child.ts <dir>
 */
import { tf } from '@dendrite/backend';
import { ModelCheckpoint } from '@dendrite/callbacks';
import { dense } from '@dendrite/layers';
import { sequential } from '@dendrite/models';

const dir = process.argv[2];
await tf.setBackend('cpu');
const makeModel = (name: string) => {
  const model = sequential({ name, layers: [dense({ units: 8, inputShape: [4] }), dense({ units: 2 })] });
  model.compile({ optimizer: 'adam', loss: 'mse' });
  return model;
};
const models = [makeModel('even'), makeModel('odd')];
const x = tf.ones([16, 4]);
const y = tf.zeros([16, 2]);
const checkpoint = new ModelCheckpoint({ filepath: `${dir}/checkpoint.keras`, verbose: 0 });
for (let round = Number(process.argv[3] ?? 0); ; round++) {
  const model = models[round % 2];
  model.setWeights(model.weights.map((weight) => tf.fill(weight.shape, round)));
  for (const [stage, file] of [['keras', 'model.keras'], ['h5', 'model.h5'], ['json', 'json/model.json'], ['dndr', 'model.dndr']]) {
    console.log(`save ${stage}`);
    await model.save(`${dir}/${file}`);
  }
  console.log('save fit');
  await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0, callbacks: [checkpoint] });
  console.log(`round ${round}`);
}

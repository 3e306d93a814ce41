import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';

/**
 * The Keras functional API guide's "models with multiple inputs and outputs": the ticket
 * classifier with named inputs title/body/tags and outputs priority/department, compiled with a
 * list and with a dict of losses and loss weights, trained on dicts of random arrays (the guide's
 * own data) — 64 tickets instead of 1 280.
 */

type Tensor = dn.tf.Tensor;
type Symbolic = dn.layers.SymbolicTensor;
const numTags = 12;
const numWords = 10000;
const numDepartments = 4;
const samples = 64;

/** The guide's graph; `outputs` as a list (tf.keras's guide) — the dict form is checked below. */
function ticketGraph(): { inputs: Symbolic[]; priorityPred: Symbolic; departmentPred: Symbolic } {
  const titleInput = dn.input({ shape: [null], name: 'title' });
  const bodyInput = dn.input({ shape: [null], name: 'body' });
  const tagsInput = dn.input({ shape: [numTags], name: 'tags' });
  let titleFeatures = dn.layers.embedding({ inputDim: numWords, outputDim: 64 }).apply(titleInput) as Symbolic;
  let bodyFeatures = dn.layers.embedding({ inputDim: numWords, outputDim: 64 }).apply(bodyInput) as Symbolic;
  titleFeatures = dn.layers.lstm({ units: 128 }).apply(titleFeatures) as Symbolic;
  bodyFeatures = dn.layers.lstm({ units: 32 }).apply(bodyFeatures) as Symbolic;
  // layers.concatenate([title_features, body_features, tags_input]) — the tensor form is seed 003's test
  const x = dn.layers.concatenate().apply([titleFeatures, bodyFeatures, tagsInput]) as Symbolic;
  const priorityPred = dn.layers.dense({ units: 1, name: 'priority' }).apply(x) as Symbolic;
  const departmentPred = dn.layers.dense({ units: numDepartments, name: 'department' }).apply(x) as Symbolic;
  return { inputs: [titleInput, bodyInput, tagsInput], priorityPred, departmentPred };
}

describe('Keras guide: a multi-input, multi-output model', () => {
  let data: { title: Tensor; body: Tensor; tags: Tensor };
  let targets: { priority: Tensor; department: Tensor };

  beforeAll(async () => {
    await dn.selectBackend();
    dn.setSeed(3);
    data = {
      title: dn.tf.randomUniform([samples, 10], 0, numWords, 'int32'),
      body: dn.tf.randomUniform([samples, 20], 0, numWords, 'int32'),
      tags: dn.tf.tidy(() => dn.tf.randomUniform([samples, numTags], 0, 2, 'int32').toFloat()),
    };
    targets = {
      priority: dn.tf.randomUniform([samples, 1]),
      department: dn.tf.tidy(() => dn.tf.randomUniform([samples, numDepartments], 0, 2, 'int32').toFloat()),
    };
  });

  it('guide [loss=[BinaryCrossentropy(from_logits=True), CategoricalCrossentropy(from_logits=True)], loss_weights=[1.0, 0.2]; fit({"title": …}, {"priority": …})]', async () => {
    const before = dn.tf.memory().numTensors;
    const { inputs, priorityPred, departmentPred } = ticketGraph();
    const model = dn.model({ inputs, outputs: [priorityPred, departmentPred] });
    expect(model.outputNames).toEqual(['priority', 'department']);
    model.compile({
      optimizer: dn.optimizers.rmsprop({ learningRate: 1e-3 }),
      loss: [new dn.losses.BinaryCrossentropy({ fromLogits: true }), new dn.losses.CategoricalCrossentropy({ fromLogits: true })],
      lossWeights: [1.0, 0.2],
    });
    const history = await model.fit(data, targets, { epochs: 1, batchSize: 32, verbose: 0 });
    expect(Object.keys(history.history).sort()).toEqual(['department_loss', 'loss', 'priority_loss']);
    // The total is the weighted sum of the per-output losses.
    const logs = (await model.evaluate(data, targets, { returnDict: true, verbose: 0 })) as Record<string, number>;
    expect(logs.loss).toBeCloseTo(logs.priority_loss + 0.2 * logs.department_loss, 4);
    const [priority, department] = model.predict(data) as Tensor[];
    expect([priority.shape, department.shape]).toEqual([[samples, 1], [samples, numDepartments]]);
    dn.tf.dispose([priority, department]);
    model.dispose();
    expect(dn.tf.memory().numTensors).toBe(before);
  });

  it('guide [loss={"priority": …, "department": …}, loss_weights={"priority": 1.0, "department": 0.2}]: the same as the lists', async () => {
    const { inputs, priorityPred, departmentPred } = ticketGraph();
    const model = dn.model({ inputs, outputs: [priorityPred, departmentPred] });
    model.compile({
      optimizer: dn.optimizers.rmsprop({ learningRate: 1e-3 }),
      loss: { priority: new dn.losses.BinaryCrossentropy({ fromLogits: true }), department: new dn.losses.CategoricalCrossentropy({ fromLogits: true }) },
      lossWeights: { priority: 1.0, department: 0.2 },
    });
    const logs = (await model.evaluate(data, targets, { returnDict: true, verbose: 0 })) as Record<string, number>;
    expect(logs.loss).toBeCloseTo(logs.priority_loss + 0.2 * logs.department_loss, 4);
    model.dispose();
  });

  it('guide [keras.Model(inputs=[title_input, body_input, tags_input], outputs={"priority": priority_pred, "department": department_pred})]', async () => {
    const { inputs, priorityPred, departmentPred } = ticketGraph();
    const model = dn.model({ inputs, outputs: { priority: priorityPred, department: departmentPred } as never });
    model.compile({
      optimizer: dn.optimizers.rmsprop({ learningRate: 1e-3 }),
      loss: { priority: new dn.losses.BinaryCrossentropy({ fromLogits: true }), department: new dn.losses.CategoricalCrossentropy({ fromLogits: true }) },
      lossWeights: { priority: 1.0, department: 0.2 },
    });
    const history = await model.fit(data, targets, { epochs: 1, batchSize: 32, verbose: 0 });
    expect(Object.keys(history.history).sort()).toEqual(['department_loss', 'loss', 'priority_loss']);
    model.dispose();
  });
});

/**
 * Dendrite in one import, read like `keras`:
 *
 * ```ts
 * import * as dn from 'dendrite';
 * await dn.selectBackend();
 * const model = dn.sequential({ layers: [dn.layers.dense({ units: 10, activation: 'softmax', inputShape: [784] })] });
 * model.compile({ optimizer: dn.optimizers.adam(), loss: 'categorical_crossentropy', metrics: ['accuracy'] });
 * await model.fit(x, y, { epochs: 5, callbacks: [dn.callbacks.earlyStopping({ patience: 2 })] });
 * ```
 *
 * @packageDocumentation
 */
export { tf, selectBackend, getBackendInfo, setSeed, type BackendInfo, type BackendName } from '@dendrite/backend';
import type { tf as tfNamespace } from '@dendrite/backend';

/** tfjs-core's `Tensor`, as a type: `const x: dn.Tensor = dn.tf.ones([2, 3])`. */
export type Tensor<R extends tfNamespace.Rank = tfNamespace.Rank> = tfNamespace.Tensor<R>;
export { version } from './version';
export { sequential, model, loadModel, registerClass, Model, Sequential, Functional } from '@dendrite/models';
export { input } from '@dendrite/layers';
export { clearSession } from '@dendrite/layers';
export * as layers from '@dendrite/layers';
export * as models from '@dendrite/models';
export * as optimizers from '@dendrite/optimizers';
export * as losses from '@dendrite/losses';
export { metrics } from '@dendrite/losses';
export * as callbacks from '@dendrite/callbacks';
export * as datasets from '@dendrite/datasets';
export * as tuner from '@dendrite/tuner';
export * as augment from './augment';
export * as utils from './utils';
export * as backend from '@dendrite/backend';

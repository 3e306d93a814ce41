import { adadelta } from '../adadelta';
import { adafactor } from '../adafactor';
import { adagrad } from '../adagrad';
import { adam } from '../adam';
import { adamax } from '../adamax';
import { adamw } from '../adamw';
import { ftrl } from '../ftrl';
import { lion } from '../lion';
import { nadam } from '../nadam';
import type { Optimizer } from '../optimizer';
import { rmsprop } from '../rmsprop';
import { exponentialDecay } from '../schedules/exponential-decay';
import { sgd } from '../sgd';

/** Every optimizer, in every variant with its own slots or state, for tests that must hold for all. */
export const EVERY_OPTIMIZER: Array<[string, () => Optimizer]> = [
  ['SGD', () => sgd({ learningRate: 0.1 })],
  ['SGD momentum', () => sgd({ learningRate: 0.1, momentum: 0.9 })],
  ['SGD nesterov', () => sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01 })],
  ['Adagrad', () => adagrad({ learningRate: 0.1 })],
  ['RMSprop', () => rmsprop({ learningRate: 0.01 })],
  ['RMSprop centered momentum', () => rmsprop({ learningRate: 0.01, centered: true, momentum: 0.5, clipNorm: 1 })],
  ['Adam', () => adam({ learningRate: 0.1 })],
  ['Adam amsgrad', () => adam({ learningRate: 0.1, amsgrad: true, beta2: 0.5 })],
  ['Adam with a schedule', () => adam({ learningRate: exponentialDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.8 }) })],
  ['AdamW', () => adamw({ learningRate: 0.1, weightDecay: 0.1, globalClipNorm: 1 })],
  ['Adamax', () => adamax({ learningRate: 0.1 })],
  ['Nadam', () => nadam({ learningRate: 0.1 })],
  ['Adadelta', () => adadelta({ learningRate: 1, epsilon: 1e-2 })],
  ['Ftrl', () => ftrl({ learningRate: 0.5 })],
  ['Ftrl regularized', () => ftrl({ learningRate: 0.5, l1RegularizationStrength: 0.01, l2RegularizationStrength: 0.01, l2ShrinkageRegularizationStrength: 0.001, beta: 0.1 })],
  ['Lion', () => lion({ learningRate: 0.02, weightDecay: 0.001 })],
  ['Adafactor', () => adafactor({ learningRate: 0.1 })],
];

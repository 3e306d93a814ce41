import { sequential, type Model } from '@dendrite/models';
import { dense } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import type { HyperParameters } from '../hyperparameters/hyperparameters';

/** 40 samples of y = 2·x₀ − x₁ + 0.5, with x on a fixed grid: data for tuner tests in milliseconds. */
export function tinyRegression(samples = 40): { x: { values: Float32Array; shape: number[] }; y: { values: Float32Array; shape: number[] } } {
  const x = new Float32Array(samples * 2);
  const y = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    x[2 * i] = ((i * 7) % 11) / 11 - 0.5;
    x[2 * i + 1] = ((i * 5) % 13) / 13 - 0.5;
    y[i] = 2 * x[2 * i] - x[2 * i + 1] + 0.5;
  }
  return { x: { values: x, shape: [samples, 2] }, y: { values: y, shape: [samples, 1] } };
}

/** A two-layer regressor whose width and rate are tuned: the build function of the tuner tests. */
export function buildTinyRegressor(hp: HyperParameters): Model {
  const model = sequential();
  model.add(dense({ units: hp.int('units', { minValue: 1, maxValue: 8 }), activation: 'relu', inputShape: [2] }));
  model.add(dense({ units: 1 }));
  model.compile({ optimizer: sgd({ learningRate: hp.float('learning_rate', { minValue: 1e-3, maxValue: 1e-1, sampling: 'log' }) }), loss: 'mse' });
  return model;
}

import { normalizeIdentifier } from '@dendrite/backend';
import * as fns from './activations';
import type { Activation } from './activations';

/** An activation as layers accept it: a Keras name in any spelling, a function, or none (linear). */
export type ActivationIdentifier = string | Activation | null | undefined;

/** Keras names of the built-in activations, with their functions. */
const BY_NAME: ReadonlyArray<[string, Activation, string[]]> = [
  ['linear', fns.linear, []],
  ['sigmoid', fns.sigmoid, []],
  ['hard_sigmoid', fns.hardSigmoid, []],
  ['tanh', fns.tanh, []],
  ['relu', fns.relu, []],
  ['relu6', fns.relu6, []],
  ['elu', fns.elu, []],
  ['selu', fns.selu, []],
  ['leaky_relu', fns.leakyRelu, []],
  ['softmax', fns.softmax, []],
  ['log_softmax', fns.logSoftmax, []],
  ['softplus', fns.softplus, []],
  ['softsign', fns.softsign, []],
  ['silu', fns.swish, ['swish']],
  ['gelu', fns.gelu, []],
  ['exponential', fns.exponential, []],
  ['mish', fns.mish, []],
];

const lookup = new Map<string, Activation>();
const names = new Map<Activation, string>();
for (const [name, fn, aliases] of BY_NAME) {
  for (const alias of [name, ...aliases]) lookup.set(normalizeIdentifier(alias), fn);
  names.set(fn, name);
}

/**
 * Resolves an activation: `'relu'`, `'leaky_relu'` / `'leakyRelu'`, `'swish'`, a function (passes
 * through), or null/undefined for linear.
 *
 * @throws Error for an unknown name, listing the known ones
 */
export function getActivation(identifier: ActivationIdentifier): Activation {
  if (identifier == null) return fns.linear;
  if (typeof identifier === 'function') return identifier;
  if (typeof identifier === 'string') {
    const fn = lookup.get(normalizeIdentifier(identifier));
    if (fn) return fn;
    throw new Error(`Unknown activation "${identifier}": expected one of ${BY_NAME.map(([name]) => name).join(', ')}`);
  }
  throw new Error(`Expected an activation name or function, received ${typeof identifier} ${JSON.stringify(identifier)}`);
}

/**
 * The Keras name of an activation, for configs.
 *
 * @throws Error for a custom function that has no name to serialize
 */
export function serializeActivation(activation: Activation): string {
  const name = names.get(activation);
  if (name !== undefined) return name;
  const custom = (activation as Activation & { activationName?: string }).activationName;
  if (custom) return custom;
  throw new Error(`Expected a built-in activation (or a function with an activationName) to serialize, received ${activation.name || 'an anonymous function'}`);
}

/** How a built-in activation runs inside a fused op (`tf.fused.matMul`, `tf.fused.conv2d`). */
export interface FusedActivation {
  name: 'linear' | 'relu' | 'relu6' | 'elu' | 'sigmoid' | 'leakyrelu';
  alpha?: number;
}

/** The built-in activations that tfjs can fuse into a matmul or convolution, with their fused form. */
export const FUSABLE_ACTIVATIONS: ReadonlyMap<Activation, FusedActivation> = new Map<Activation, FusedActivation>([
  [fns.linear, { name: 'linear' }],
  [fns.relu, { name: 'relu' }],
  [fns.relu6, { name: 'relu6' }],
  [fns.elu, { name: 'elu' }],
  [fns.sigmoid, { name: 'sigmoid' }],
  [fns.leakyRelu, { name: 'leakyrelu', alpha: 0.2 }],
]);

/** The fused form of an activation, or undefined when it must run as its own op. */
export function fusedActivationOf(activation: Activation): FusedActivation | undefined {
  return FUSABLE_ACTIVATIONS.get(activation);
}



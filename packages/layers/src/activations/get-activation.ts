import { describeValue, normalizeIdentifier, type KerasSpellings } from '@dendrite/backend/internal';
import type { Activation } from './activation';
import { elu } from './elu';
import { exponential } from './exponential';
import { gelu, geluApproximate } from './gelu';
import { hardSigmoid } from './hard-sigmoid';
import { hardSilu } from './hard-silu';
import { leakyRelu } from './leaky-relu';
import { legacyHardSigmoid } from './legacy-hard-sigmoid';
import { linear } from './linear';
import { logSoftmax } from './log-softmax';
import { mish } from './mish';
import { relu } from './relu';
import { relu6 } from './relu6';
import { selu } from './selu';
import { sigmoid } from './sigmoid';
import { silu } from './silu';
import { softmax } from './softmax';
import { softplus } from './softplus';
import { softsign } from './softsign';
import { tanh } from './tanh';

/** Keras's names of the built-in activations, with its aliases `swish` and `hard_swish`. */
export type KerasActivationName =
  | 'linear' | 'sigmoid' | 'hard_sigmoid' | 'legacy_hard_sigmoid' | 'tanh' | 'relu' | 'relu6' | 'elu' | 'selu'
  | 'leaky_relu' | 'softmax' | 'log_softmax' | 'softplus' | 'softsign' | 'silu' | 'swish' | 'hard_silu'
  | 'hard_swish' | 'gelu' | 'gelu_new' | 'exponential' | 'mish';


/**
 * The names of activations added with {@link registerActivation}, for the types: extend it by
 * declaration merging and its keys join {@link ActivationName}.
 *
 * @example
 * ```ts
 * registerActivation('half_relu', (x) => tf.mul(tf.relu(x), 0.5));
 * declare module '@dendrite/layers' {
 *   interface CustomActivations { half_relu: true }
 * }
 * dense({ units: 4, activation: 'half_relu' }); // compiles; 'half_relux' does not
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
export interface CustomActivations {}

/** An activation's name as the types accept it: Keras's (snake_case), tfjs-layers' (camelCase), or a registered one. */
export type ActivationName = KerasSpellings<KerasActivationName> | (keyof CustomActivations & string);

/**
 * An activation as layers accept it: a Keras name (editors complete them; a misspelling such as
 * `'relux'` is a type error), a function, or none (linear). At run time every spelling of a name
 * resolves (`'LeakyReLU'` too); names added with {@link registerActivation} type-check once they
 * are declared in {@link CustomActivations}.
 */
export type ActivationIdentifier = ActivationName | Activation | null | undefined;

/** Keras's names of the built-ins, each with its function and its other Keras names. */
const BUILT_INS: ReadonlyArray<readonly [string, Activation, readonly string[]]> = [
  ['linear', linear, []],
  ['sigmoid', sigmoid, []],
  ['hard_sigmoid', hardSigmoid, []],
  ['legacy_hard_sigmoid', legacyHardSigmoid, []],
  ['tanh', tanh, []],
  ['relu', relu, []],
  ['relu6', relu6, []],
  ['elu', elu, []],
  ['selu', selu, []],
  ['leaky_relu', leakyRelu, []],
  ['softmax', softmax, []],
  ['log_softmax', logSoftmax, []],
  ['softplus', softplus, []],
  ['softsign', softsign, []],
  ['silu', silu, ['swish']],
  ['hard_silu', hardSilu, ['hard_swish']],
  ['gelu', gelu, []],
  ['gelu_new', geluApproximate, []],
  ['exponential', exponential, []],
  ['mish', mish, []],
];

const byKey = new Map<string, Activation>();
const nameOf = new Map<Activation, string>();
const acceptedNames: string[] = [];
for (const [name, activation, aliases] of BUILT_INS) addName(name, activation, aliases);

function addName(name: string, activation: Activation, aliases: readonly string[]): void {
  for (const spelling of [name, ...aliases]) {
    byKey.set(normalizeIdentifier(spelling), activation);
    acceptedNames.push(spelling);
  }
  nameOf.set(activation, name);
}

/**
 * Resolves an activation identifier, as Keras's `activations.get`: a name in any of Keras's
 * spellings (`'leaky_relu'`, `'leakyRelu'`, `'LeakyReLU'`; aliases `'swish'`, `'hard_swish'`), a
 * function (returned as is), or null/undefined for {@link linear}. Names give the built-in with
 * Keras's default options (`'leaky_relu'` has slope 0.2, `'gelu'` is the exact form).
 *
 * @param identifier a name, a function, null or undefined
 * @returns the activation function
 * @throws Error for an unknown name, listing the known ones, or for a value of another type
 * @example
 * ```ts
 * getActivation('relu')(tf.tensor1d([-1, 2])); // [0, 2]
 * getActivation(undefined) === linear;        // true
 * ```
 */
export function getActivation(identifier: ActivationIdentifier | (string & {})): Activation {
  if (identifier == null) return linear;
  if (typeof identifier === 'function') return identifier;
  if (typeof identifier === 'string') {
    const activation = byKey.get(normalizeIdentifier(identifier));
    if (activation !== undefined) return activation;
    throw new Error(`Unknown activation "${identifier}": expected one of ${acceptedNames.join(', ')}`);
  }
  throw new Error(`Expected an activation name, a function, null or undefined, received ${typeof identifier} ${describeValue(identifier)}`);
}

/**
 * The Keras name of a built-in or registered activation, or undefined for any other function.
 *
 * @param activation a function
 * @returns its name (`'silu'` for both `silu` and `swish`)
 * @example
 * ```ts
 * activationName(leakyRelu); // 'leaky_relu'
 * ```
 */
export function activationName(activation: Activation): string | undefined {
  return nameOf.get(activation);
}

/**
 * The Keras name of an activation, as layer configs store it (Keras's `activations.serialize`).
 *
 * @param activation a built-in or one given to {@link registerActivation}
 * @returns its name: `'relu'`, `'leaky_relu'`, `'silu'`…
 * @throws Error for a function that is neither built in nor registered
 * @example
 * ```ts
 * serializeActivation(getActivation('LeakyReLU')); // 'leaky_relu'
 * ```
 */
export function serializeActivation(activation: Activation): string {
  const name = nameOf.get(activation);
  if (name !== undefined) return name;
  throw new Error(
    `Expected a built-in or registered activation to serialize, received the function "${activation.name || 'anonymous'}"; register it with registerActivation(name, fn)`,
  );
}

/**
 * Registers a custom activation under a name, so layer configs naming it can be rebuilt and
 * {@link serializeActivation} can name it.
 *
 * @param name the name configs use; any spelling of it resolves
 * @param activation the function
 * @throws Error when the name (in any spelling) is already taken, or `activation` is not a function
 * @example
 * ```ts
 * registerActivation('half_relu', (x) => tf.mul(tf.relu(x), 0.5));
 * dense({ units: 4, activation: 'half_relu' });
 * ```
 */
export function registerActivation(name: string, activation: Activation): void {
  if (typeof activation !== 'function') {
    throw new TypeError(`Expected activation to be a function in registerActivation("${name}"), received ${typeof activation}`);
  }
  const existing = byKey.get(normalizeIdentifier(name));
  if (existing !== undefined) {
    throw new Error(`Expected a new activation name in registerActivation, received "${name}", already registered for ${nameOf.get(existing)}`);
  }
  addName(name, activation, []);
}

/**
 * Every activation name {@link getActivation} accepts, aliases included, in Keras's spelling.
 *
 * @example
 * ```ts
 * activationNames().includes('swish'); // true
 * ```
 */
export function activationNames(): string[] {
  return [...acceptedNames];
}

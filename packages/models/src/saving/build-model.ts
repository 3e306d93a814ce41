import { UnknownObjectError, withCustomObjects } from '@dendrite/backend';
import { type KerasSerialized, findCustomObject, isKerasSerialized } from '@dendrite/backend/internal';
import { deserializeLayer } from '@dendrite/layers';
import { metrics } from '@dendrite/losses';
import * as optimizers from '@dendrite/optimizers';
import type { ModelContract } from '../contracts/model-contract';
import { compileArgsFromKeras, fromKeras3 } from './keras-v3-config';
import { withFloat32Policies } from './dtype-policies';
import { legacyOptimizerConfig, plainClassName } from './legacy-optimizer-config';
import type { LoadModelOptions } from './load-model-options';
import { withDendriteModelNodes } from './nested-model-nodes';

/** The {@link UnknownObjectError} behind an error (itself or along its causes), if any. */
function unknownObjectOf(error: unknown): UnknownObjectError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++) {
    if (current instanceof UnknownObjectError) return current;
  }
  return undefined;
}

/** How to make a name known: `customObjects` for this load, or `registerClass` for classes. */
function customObjectsHint(unknown: UnknownObjectError): string {
  const key = /^[A-Za-z_$][\w$]*$/.test(unknown.objectName) ? unknown.objectName : `${JSON.stringify(unknown.objectName)}: …`;
  const what = unknown.kind === 'loss' || unknown.kind === 'metric' ? 'the function or class' : 'the class';
  return `; pass ${what} as loadModel(…, { customObjects: { ${key} } }), or register a class once with registerClass`;
}

/**
 * Builds the model of a config (Keras 3 or legacy dialect; the calls of nested models counted as
 * that dialect counts them, see {@link withDendriteModelNodes}), compiles it when `compile` is given
 * (and `options.compile` is not `false`), and calls `fill` to set its weights; a failure frees the
 * half-made model. `options.customObjects` resolve by name ahead of the registries meanwhile.
 *
 * @throws Error naming `where`; for a name nobody knows, how to pass it in `customObjects`
 */
export function buildModel(config: unknown, compile: Record<string, unknown> | null | undefined, where: string, fill: (model: ModelContract) => void, options: LoadModelOptions = {}): ModelContract {
  return withCustomObjects(options.customObjects, () => {
    let model: ModelContract;
    try {
      model = deserializeLayer(fromKeras3(withFloat32Policies(withDendriteModelNodes(config), where)) as KerasSerialized) as ModelContract;
    } catch (error) {
      const unknown = unknownObjectOf(error);
      throw new Error(`Expected a model config Dendrite can build in "${where}", received one that fails: ${(error as Error).message}${unknown ? customObjectsHint(unknown) : ''}`, { cause: error });
    }
    try {
      if (compile && options.compile !== false) compileSaved(model, compile, where);
      fill(model);
      return model;
    } catch (error) {
      model.dispose();
      throw error;
    }
  });
}

/**
 * Metric identifiers with the metrics that custom objects name resolved now: compile resolves
 * metrics at the first batch (`accuracy` needs the shapes), after the load's scope has ended.
 */
function resolveCustomMetrics(identifiers: unknown): unknown {
  if (Array.isArray(identifiers)) return identifiers.map(resolveCustomMetrics);
  const name = typeof identifiers === 'string' ? identifiers : isKerasSerialized(identifiers) ? identifiers.class_name : undefined;
  if (name !== undefined) return findCustomObject(name, () => true) === undefined ? identifiers : metrics.get(identifiers as never);
  if (typeof identifiers === 'object' && identifiers !== null) {
    return Object.fromEntries(Object.entries(identifiers).map(([output, value]) => [output, resolveCustomMetrics(value)]));
  }
  return identifiers;
}

/**
 * Compiles a loaded model as its file recorded, when that can be restored. A training config that
 * cannot (an optimizer Dendrite lacks, a Keras option it does not implement, a loss that fails) does
 * not block a model that may only predict: as Keras does, the model loads uncompiled, with one
 * warning naming the file and what was dropped. A loss, metric or optimizer the file names that
 * nobody registered still throws, with how to pass it in `customObjects`: that the user can fix.
 */
function compileSaved(model: ModelContract, compile: Record<string, unknown>, where: string): void {
  let args: { optimizer?: unknown; metrics?: unknown };
  try {
    args = compileArgsFromKeras(compile) as { optimizer?: unknown; metrics?: unknown };
    if (args.optimizer !== undefined) args = { ...args, optimizer: optimizers.get(legacyOptimizerConfig(args.optimizer) as optimizers.OptimizerIdentifier) };
  } catch (error) {
    const unknown = unknownObjectOf(error);
    if (unknown && !isKerasOptimizerName(unknown.objectName)) throw new Error(`Expected compile settings Dendrite can resolve in "${where}", received ${(error as Error).message}${customObjectsHint(unknown)}`, { cause: error });
    warnUncompiled(where, `its optimizer ${describeOptimizer(compile)}`, error);
    return;
  }
  try {
    model.compile({ ...args, metrics: resolveCustomMetrics(args.metrics) } as never);
  } catch (error) {
    const unknown = unknownObjectOf(error);
    if (unknown) throw new Error(`Expected compile settings Dendrite can resolve in "${where}", received ${(error as Error).message}${customObjectsHint(unknown)}`, { cause: error });
    warnUncompiled(where, 'its loss and metrics', error);
  }
}

/** Keras's built-in optimizers (not a user's class): one Dendrite lacks is dropped with a warning. */
const KERAS_OPTIMIZERS = new Set(['SGD', 'RMSprop', 'Adam', 'AdamW', 'Adadelta', 'Adagrad', 'Adamax', 'Adafactor', 'Nadam', 'Ftrl', 'Lion', 'LossScaleOptimizer']);

function isKerasOptimizerName(name: string): boolean {
  return KERAS_OPTIMIZERS.has(plainClassName(name));
}

function describeOptimizer(compile: Record<string, unknown>): string {
  const optimizer = compile.optimizer ?? compile.optimizer_config;
  return isKerasSerialized(optimizer) ? `"${optimizer.class_name}"` : JSON.stringify(optimizer);
}

function warnUncompiled(where: string, what: string, error: unknown): void {
  console.warn(`Loaded "${where}" uncompiled: ${what} cannot be restored (${(error as Error).message}); the model predicts as saved, call compile() before training it`);
}

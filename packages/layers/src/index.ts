/**
 * @dendrite/layers: the Layer contract and Keras's layers, activations, initializers,
 * regularizers and constraints.
 *
 * @packageDocumentation
 */
export { Layer, type LayerArgs, type CallArgs, type AddWeightOptions, type TensorOrList } from './engine/layer';
export type { ResolvedWeightOptions } from './engine/resolve-weight-options';
export { LayerVariable, type WeightInitializer, type WeightRegularizer, type WeightConstraint } from './engine/layer-variable';
export { type InputSpec, assertInputCompatible } from './engine/input-spec';
export { SymbolicTensor, isSymbolic, type LayerNode } from './engine/symbolic-tensor';
export { InputLayer, input, inputLayer, type InputLayerArgs } from './engine/input-layer';
export { registerLayer, serializeLayer, deserializeLayer, isLayerRegistered, registeredLayerClasses, type LayerClass } from './engine/layer-registry';
export { positionalOptions, isOptionsObject } from './engine/positional-options';
export { type Shape, shapeToString, isShapeList, singleShape, shapesCompatible } from './engine/shape';
export { getMask, setMask } from './engine/masking';
export { classNameToSnakeCase, uniqueName, resetUniqueNames } from './engine/unique-names';
export { clearSession } from './engine/clear-session';
export { Dense, dense, type DenseArgs } from './core/dense';
export { Lambda, lambda, type LambdaArgs, type LambdaFunction } from './core/lambda';
export * as activations from './activations/index';
export * as initializers from './initializers/index';
export * as regularizers from './regularizers/index';
export * as constraints from './constraints/index';
export { getActivation, serializeActivation, type ActivationIdentifier, type ActivationName, type KerasActivationName, type CustomActivations } from './activations/index';
export { Initializer, getInitializer, serializeInitializer, type InitializerIdentifier } from './initializers/index';
export { Regularizer, getRegularizer, serializeRegularizer, type RegularizerIdentifier } from './regularizers/index';
export { Constraint, getConstraint, serializeConstraint, type ConstraintIdentifier } from './constraints/index';
export * from './regularization/index';
export * from './merging/index';
export * from './reshaping/index';
export * from './convolutional/index';
export * from './pooling/index';
export * from './normalization/index';
export * from './embedding/index';
export * from './activation-layers/index';
export * from './recurrent/index';
export * from './preprocessing/index';
export * from './attention/index';
export * from './tf-op/index';

/**
 * tf.keras 2.x's TFOpLambda / SlicingOpLambda: TF ops called on Keras tensors, as functional
 * configs record them.
 *
 * @packageDocumentation
 */
export { TFOpLambda, SlicingOpLambda, type TFOpLambdaArgs, type TFOpCall, isTensorPlaceholder, mapTensorPlaceholders } from './tf-op-lambda';
export { TF_OP_FUNCTIONS, TF_OP_ALIASES } from './tf-op-functions';

/**
 * Convolution layers, channels last: Conv1D, Conv2D (groups, dilation, fused bias + activation),
 * Conv2DTranspose, DepthwiseConv2D and SeparableConv2D, with Keras's output-size arithmetic.
 *
 * @packageDocumentation
 */
export { SpatialConv, type SpatialConvArgs } from './spatial-conv';
export { BaseConv, type ConvArgs } from './base-conv';
export { Conv1D, conv1d } from './conv1d';
export { Conv2D, conv2d } from './conv2d';
export { Conv2DTranspose, conv2dTranspose, type Conv2DTransposeArgs } from './conv2d-transpose';
export { DepthwiseConv2D, depthwiseConv2d, type DepthwiseConv2DArgs } from './depthwise-conv2d';
export { SeparableConv2D, separableConv2d, type SeparableConv2DArgs } from './separable-conv2d';
export { convOutputLength, deconvOutputLength, type ConvPadding } from './conv-utils';
export type { DataFormat } from './check-data-format';

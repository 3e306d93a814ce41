export { BaseConv, type ConvArgs } from './base-conv';
export { Conv1D, Conv2D, Conv2DTranspose, DepthwiseConv2D, SeparableConv2D, conv1d, conv2d, conv2dTranspose, depthwiseConv2d, separableConv2d, type DepthwiseConvArgs, type SeparableConvArgs } from './conv-layers';
export { convOutputLength, deconvOutputLength } from './conv-utils';

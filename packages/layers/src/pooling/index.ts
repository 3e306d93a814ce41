/**
 * Pooling layers, channels last: max and average pooling over 1-D and 2-D windows, and global
 * max and average pooling (GlobalAveragePooling1D honours masks, as Keras).
 *
 * @packageDocumentation
 */
export { BasePooling, type PoolingArgs } from './base-pooling';
export { MaxPooling1D, maxPooling1d } from './max-pooling1d';
export { MaxPooling2D, maxPooling2d } from './max-pooling2d';
export { AveragePooling1D, averagePooling1d } from './average-pooling1d';
export { AveragePooling2D, averagePooling2d } from './average-pooling2d';
export { BaseGlobalPooling, type GlobalPoolingArgs } from './base-global-pooling';
export { GlobalMaxPooling1D, globalMaxPooling1d } from './global-max-pooling1d';
export { GlobalMaxPooling2D, globalMaxPooling2d } from './global-max-pooling2d';
export { GlobalAveragePooling1D, globalAveragePooling1d } from './global-average-pooling1d';
export { GlobalAveragePooling2D, globalAveragePooling2d } from './global-average-pooling2d';

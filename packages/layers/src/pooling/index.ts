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
// Keras's short names (`layers.MaxPool2D`, as Keras's own examples write them).
export { MaxPooling1D as MaxPool1D, maxPooling1d as maxPool1d } from './max-pooling1d';
export { MaxPooling2D as MaxPool2D, maxPooling2d as maxPool2d } from './max-pooling2d';
export { AveragePooling1D as AvgPool1D, averagePooling1d as avgPool1d } from './average-pooling1d';
export { AveragePooling2D as AvgPool2D, averagePooling2d as avgPool2d } from './average-pooling2d';
export { GlobalMaxPooling1D as GlobalMaxPool1D, globalMaxPooling1d as globalMaxPool1d } from './global-max-pooling1d';
export { GlobalMaxPooling2D as GlobalMaxPool2D, globalMaxPooling2d as globalMaxPool2d } from './global-max-pooling2d';
export { GlobalAveragePooling1D as GlobalAvgPool1D, globalAveragePooling1d as globalAvgPool1d } from './global-average-pooling1d';
export { GlobalAveragePooling2D as GlobalAvgPool2D, globalAveragePooling2d as globalAvgPool2d } from './global-average-pooling2d';

/**
 * Normalization layers: BatchNormalization (batch statistics in training, moving ones otherwise)
 * and LayerNormalization (per-sample statistics).
 *
 * @packageDocumentation
 */
export { BatchNormalization, batchNormalization, type BatchNormalizationArgs } from './batch-normalization';
export { LayerNormalization, layerNormalization, type LayerNormalizationArgs } from './layer-normalization';

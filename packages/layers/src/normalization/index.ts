export { BatchNormalization, LayerNormalization, batchNormalization, layerNormalization, type BatchNormalizationArgs } from './batch-normalization';

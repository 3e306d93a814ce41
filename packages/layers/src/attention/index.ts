/**
 * Attention layers: Attention (dot-product), AdditiveAttention (Bahdanau) and MultiHeadAttention,
 * with Keras 3's semantics, weights and configs.
 *
 * @packageDocumentation
 */
export { BaseDenseAttention, type BaseDenseAttentionArgs, type AttentionCallArgs } from './base-dense-attention';
export { Attention, attention, type AttentionArgs, type AttentionScoreMode } from './attention';
export { AdditiveAttention, additiveAttention, type AdditiveAttentionArgs } from './additive-attention';
export { MultiHeadAttention, multiHeadAttention, type MultiHeadAttentionArgs, type MultiHeadAttentionCallArgs } from './multi-head-attention';
export { causalMask } from './attention-masks';

/**
 * The Embedding layer: integer indices to dense vectors, with an optional padding mask.
 *
 * @packageDocumentation
 */
export { Embedding, embedding, type EmbeddingArgs } from './embedding';

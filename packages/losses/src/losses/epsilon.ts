/**
 * Keras's fuzz factor (`keras.backend.epsilon()`): probabilities are clipped to `[ε, 1 − ε]`
 * before a logarithm, and divisors kept at least ε.
 */
export const EPSILON = 1e-7;

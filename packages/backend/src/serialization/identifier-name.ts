/**
 * `'leaky_relu'` → `'leakyRelu'`: the tfjs-layers spelling of a Keras snake_case name, for
 * identifier types that accept both spellings (`ActivationName`, `LossName`, `OptimizerName`).
 *
 * @example
 * ```ts
 * type Names = 'mean_squared_error' | CamelCaseName<'mean_squared_error'>; // + 'meanSquaredError'
 * ```
 */
export type CamelCaseName<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCaseName<Tail>>}` : S;

/**
 * A name in the Keras spellings the types accept: snake_case as Keras writes it and the
 * tfjs-layers camelCase form. (At run time every spelling resolves, see `normalizeIdentifier`.)
 */
export type KerasSpellings<S extends string> = S | CamelCaseName<S>;

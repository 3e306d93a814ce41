import { kullbackLeiblerDivergence } from './kl-divergence';
import { meanAbsoluteError } from './mean-absolute-error';
import { meanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { meanSquaredError } from './mean-squared-error';
import { meanSquaredLogarithmicError } from './mean-squared-logarithmic-error';

// Keras's (and tfjs-layers') short names for the loss functions. They are the same functions, so
// `fn.name` stays the long Keras name, as `keras.losses.MSE.__name__` is `mean_squared_error`.
// The `typeof` annotations keep the published `.d.ts` naming only
// @dendrite/backend's types (an inferred type would import @tensorflow/tfjs-core, not a dependency).

/** {@link meanSquaredError}. */
export const mse: typeof meanSquaredError = meanSquaredError;
/** {@link meanSquaredError}. */
export const MSE: typeof meanSquaredError = meanSquaredError;
/** {@link meanAbsoluteError}. */
export const mae: typeof meanAbsoluteError = meanAbsoluteError;
/** {@link meanAbsoluteError}. */
export const MAE: typeof meanAbsoluteError = meanAbsoluteError;
/** {@link meanAbsolutePercentageError}. */
export const mape: typeof meanAbsolutePercentageError = meanAbsolutePercentageError;
/** {@link meanAbsolutePercentageError}. */
export const MAPE: typeof meanAbsolutePercentageError = meanAbsolutePercentageError;
/** {@link meanSquaredLogarithmicError}. */
export const msle: typeof meanSquaredLogarithmicError = meanSquaredLogarithmicError;
/** {@link meanSquaredLogarithmicError}. */
export const MSLE: typeof meanSquaredLogarithmicError = meanSquaredLogarithmicError;
/** {@link kullbackLeiblerDivergence}. */
export const KLD: typeof kullbackLeiblerDivergence = kullbackLeiblerDivergence;

import { kullbackLeiblerDivergence } from './kl-divergence';
import { meanAbsoluteError } from './mean-absolute-error';
import { meanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { meanSquaredError } from './mean-squared-error';
import { meanSquaredLogarithmicError } from './mean-squared-logarithmic-error';

// Keras's (and tfjs-layers') short names for the loss functions. They are the same functions, so
// `fn.name` stays the long Keras name, as `keras.losses.MSE.__name__` is `mean_squared_error`.

/** {@link meanSquaredError}. */
export const mse = meanSquaredError;
/** {@link meanSquaredError}. */
export const MSE = meanSquaredError;
/** {@link meanAbsoluteError}. */
export const mae = meanAbsoluteError;
/** {@link meanAbsoluteError}. */
export const MAE = meanAbsoluteError;
/** {@link meanAbsolutePercentageError}. */
export const mape = meanAbsolutePercentageError;
/** {@link meanAbsolutePercentageError}. */
export const MAPE = meanAbsolutePercentageError;
/** {@link meanSquaredLogarithmicError}. */
export const msle = meanSquaredLogarithmicError;
/** {@link meanSquaredLogarithmicError}. */
export const MSLE = meanSquaredLogarithmicError;
/** {@link kullbackLeiblerDivergence}. */
export const KLD = kullbackLeiblerDivergence;

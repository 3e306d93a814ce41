/**
 * Registers every tfjs-core gradient. tfjs-core registers none by itself, and the file that does
 * cannot be loaded by plain Node; the build compiles it in (see tooling/tfjs-gradients).
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';

/**
 * Registers every tfjs-core gradient and the chained ops (`x.reshape()`, `x.square()`). tfjs-core
 * registers neither by itself, and the files that do cannot be loaded by plain Node; the build
 * compiles them in (see tooling/tfjs-gradients). Then Dendrite's own (`../gradients`): zero
 * gradients where TensorFlow does not differentiate, and those tfjs-core lacks.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import './dilated-conv-gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import './fused-mat-mul-gradient';
import '../gradients/index';

/**
 * The gradient of the `_FusedMatMul` kernel itself, which tfjs-core leaves unregistered (its
 * `tf.fused.matMul` op differentiates through `customGrad` instead, or runs unfused under a tape).
 * Registered so that {@link fusedDense} can run the fused kernel while recording: linear and relu
 * activations, any transposition, a bias of any broadcastable shape; a call recorded on a tape must
 * pass a bias (tfjs saves every input named here). Each input's gradient is computed only if
 * backpropagation asks for it.
 */
import * as tf from '@tensorflow/tfjs-core';


tf.registerGradient({
  kernelName: '_FusedMatMul',
  // Saving needs every named input present: a recorded call must pass a bias (fusedDense does).
  inputsToSave: ['a', 'b', 'bias'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const { transposeA, transposeB, activation } = attrs as unknown as { transposeA: boolean; transposeB: boolean; activation: string };
    if (activation !== 'linear' && activation !== 'relu') {
      throw new Error(`Expected the recorded _FusedMatMul to have a linear or relu activation, received ${activation}: use tf.fused.matMul`);
    }
    const [a, b, bias, y] = saved;
    const gradient = activation === 'relu' ? tf.mul(dy as tf.Tensor, tf.step(y)) : (dy as tf.Tensor);
    return {
      // BatchMatMul's own gradient: one lazy closure per input, all four transpositions.
      ...tf.getGradient('BatchMatMul')!.gradFunc(gradient, [a, b], { transposeA, transposeB }),
      bias: () => {
        const axes = tf.backend_util.getReductionAxes(bias.shape, gradient.shape);
        return tf.reshape(axes.length > 0 ? tf.sum(gradient, axes) : gradient, bias.shape);
      },
    };
  },
});

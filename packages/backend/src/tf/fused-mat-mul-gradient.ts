/**
 * The gradient of the `_FusedMatMul` kernel itself, which tfjs-core leaves unregistered (its
 * `tf.fused.matMul` op differentiates through `customGrad` instead, or runs unfused under a tape).
 * Registered so that {@link fusedDense} can run the fused kernel while recording: linear and relu
 * activations, any transposition, a bias of any broadcastable shape; a call recorded on a tape with a
 * bias must pass its shape as the attribute `biasShape` (the bias itself is not saved). Each input's gradient is computed only if
 * backpropagation asks for it.
 */
import * as tf from '@tensorflow/tfjs-core';


tf.registerGradient({
  kernelName: '_FusedMatMul',
  // The bias's gradient needs only its shape, which a recorded call passes as the attribute
  // `biasShape` (fusedDense does): each saved tensor costs a copy kernel on every step.
  inputsToSave: ['a', 'b'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const { transposeA, transposeB, activation, biasShape } = attrs as unknown as { transposeA: boolean; transposeB: boolean; activation: string; biasShape?: number[] };
    if (activation !== 'linear' && activation !== 'relu') {
      throw new Error(`Expected the recorded _FusedMatMul to have a linear or relu activation, received ${activation}: use tf.fused.matMul`);
    }
    const [a, b, y] = saved;
    const gradient = activation === 'relu' ? tf.mul(dy as tf.Tensor, tf.step(y)) : (dy as tf.Tensor);
    return {
      // BatchMatMul's own gradient: one lazy closure per input, all four transpositions.
      ...tf.getGradient('BatchMatMul')!.gradFunc(gradient, [a, b], { transposeA, transposeB }),
      // Checked only when backpropagation asks for the bias's gradient: a call without a bias needs no shape.
      bias: () => {
        if (biasShape === undefined) throw new Error('Expected the recorded _FusedMatMul to have the attribute biasShape (the bias\'s shape), received none: use fusedDense or tf.fused.matMul');
        const axes = tf.backend_util.getReductionAxes(biasShape, gradient.shape);
        return tf.reshape(axes.length > 0 ? tf.sum(gradient, axes) : gradient, biasShape);
      },
    };
  },
});

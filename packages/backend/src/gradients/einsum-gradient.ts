/**
 * The gradient of `Einsum`, which tfjs-core leaves unregistered. An operand's gradient is another
 * einsum: the output gradient contracted with the other operand, onto the operand's labels. A label
 * the operand alone sums away (in neither the output nor the other operand) gets `dy` broadcast
 * along it. tfjs's einsum takes one or two operands, no repeated label within one, no ellipsis.
 */
import * as tf from '@tensorflow/tfjs-core';

/** The operands' labels and the output's, from an equation such as `ab,bc->ac`. */
export function parseEinsumEquation(equation: string): { operands: string[]; output: string } {
  const compact = equation.replace(/\s/g, '');
  const [left, right] = compact.split('->');
  const operands = left.split(',');
  if (right !== undefined) return { operands, output: right };
  // The implicit form: the labels used once, in alphabetical order (numpy's rule).
  const counts = new Map<string, number>();
  for (const label of operands.join('')) counts.set(label, (counts.get(label) ?? 0) + 1);
  return { operands, output: [...counts].filter(([, count]) => count === 1).map(([label]) => label).sort().join('') };
}

/** The gradient of operand `index` of an einsum. */
function operandGradient(dy: tf.Tensor, operands: string[], output: string, inputs: tf.Tensor[], index: number): tf.Tensor {
  const own = operands[index];
  const other = operands.length === 2 ? operands[1 - index] : '';
  const reachable = new Set(output + other);
  const kept = [...own].filter((label) => reachable.has(label)).join('');
  const equation = other === '' ? `${output}->${kept}` : `${output},${other}->${kept}`;
  let gradient = tf.einsum(equation, ...(other === '' ? [dy] : [dy, inputs[1 - index]]));
  if (kept.length === own.length) return gradient;
  // Labels summed within this operand alone: the gradient is the same along each of them.
  const x = inputs[index];
  const keptShape = [...own].map((label, axis) => (reachable.has(label) ? x.shape[axis] : 1));
  gradient = tf.reshape(gradient, keptShape);
  return tf.broadcastTo(gradient, x.shape);
}

tf.registerGradient({
  kernelName: 'Einsum',
  saveAllInputs: true,
  gradFunc: (dy, saved, attrs) => {
    const { operands, output } = parseEinsumEquation((attrs as unknown as { equation: string }).equation);
    return Object.fromEntries(saved.map((_, index) => [String(index), () => operandGradient(dy as tf.Tensor, operands, output, saved, index)]));
  },
});

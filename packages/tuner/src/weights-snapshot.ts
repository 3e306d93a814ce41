import { tf } from '@dendrite/backend';
import type { Model } from '@dendrite/models';

/** A model's weight values, copied out of the backend: kept per trial, saved and sent to the chief. */
export interface WeightsSnapshot {
  /** Each weight's shape, in `model.weights` order. */
  shapes: number[][];
  /** Every value, concatenated. */
  values: Float32Array;
}

/** Copies a model's weights out (one read back per weight, once per improved epoch). */
export async function takeSnapshot(model: Model): Promise<WeightsSnapshot> {
  const tensors = model.getWeights();
  try {
    const arrays = await Promise.all(tensors.map((tensor) => tensor.data() as Promise<Float32Array>));
    const values = new Float32Array(arrays.reduce((total, array) => total + array.length, 0));
    let offset = 0;
    for (const array of arrays) {
      values.set(array, offset);
      offset += array.length;
    }
    return { shapes: tensors.map((tensor) => [...tensor.shape]), values };
  } finally {
    tf.dispose(tensors);
  }
}

/** Sets a model's weights from a snapshot. */
export function restoreSnapshot(model: Model, snapshot: WeightsSnapshot): void {
  let offset = 0;
  const tensors = snapshot.shapes.map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const tensor = tf.tensor(snapshot.values.subarray(offset, offset + size), shape, 'float32');
    offset += size;
    return tensor;
  });
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
}

/** A snapshot as JSON-able data (base64 values), for `checkpoint.json` and the job queue. */
export function encodeSnapshot(snapshot: WeightsSnapshot): { shapes: number[][]; values: string } {
  const bytes = new Uint8Array(snapshot.values.buffer, snapshot.values.byteOffset, snapshot.values.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { shapes: snapshot.shapes, values: btoa(binary) };
}

/** The inverse of {@link encodeSnapshot}. */
export function decodeSnapshot(encoded: { shapes: number[][]; values: string }): WeightsSnapshot {
  const binary = atob(encoded.values);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { shapes: encoded.shapes, values: new Float32Array(bytes.buffer) };
}

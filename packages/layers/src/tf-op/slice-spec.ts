import { tf } from '@dendrite/backend';

/** One item of a `__operators__.getitem` slice spec as tf.keras 2.x writes it. */
type SliceItem = number | null | { start: number | null; stop: number | null; step: number | null } | { class_name: '__ellipsis__' };

const isEllipsis = (item: unknown): boolean => typeof item === 'object' && item !== null && (item as { class_name?: unknown }).class_name === '__ellipsis__';
const isSlice = (item: unknown): item is { start: number | null; stop: number | null; step: number | null } =>
  typeof item === 'object' && item !== null && 'start' in item && 'stop' in item;

/**
 * `tensor[slice_spec]` with TF's meaning, as `SlicingOpLambda` records it: ints (dropping the
 * axis), slices `{start, stop, step}` (null for an open end), `{class_name: '__ellipsis__'}` and
 * null (`tf.newaxis`); one item or a list of them.
 *
 * @throws Error naming `owner` for an item of another kind
 */
export function sliceTensor(x: tf.Tensor, spec: unknown, owner: string): tf.Tensor {
  const items = (Array.isArray(spec) ? spec : [spec]) as SliceItem[];
  const begin: number[] = [];
  const end: number[] = [];
  const strides: number[] = [];
  let beginMask = 0;
  let endMask = 0;
  let ellipsisMask = 0;
  let newAxisMask = 0;
  let shrinkAxisMask = 0;
  items.forEach((item, index) => {
    const bit = 1 << index;
    if (item === null) {
      newAxisMask |= bit;
      begin.push(0), end.push(0), strides.push(1);
    } else if (isEllipsis(item)) {
      ellipsisMask |= bit;
      begin.push(0), end.push(0), strides.push(1);
    } else if (typeof item === 'number' && Number.isInteger(item)) {
      shrinkAxisMask |= bit;
      begin.push(item), end.push(item === -1 ? 0 : item + 1), strides.push(1);
      if (item === -1) endMask |= bit;
    } else if (isSlice(item)) {
      if (item.start === null) beginMask |= bit;
      if (item.stop === null) endMask |= bit;
      begin.push(item.start ?? 0), end.push(item.stop ?? 0), strides.push(item.step ?? 1);
    } else {
      throw new Error(`Expected a slice spec of ints, slices, "..." and newaxis in ${owner}, received ${JSON.stringify(item)}`);
    }
  });
  return tf.stridedSlice(x, begin, end, strides, beginMask, endMask, ellipsisMask, newAxisMask, shrinkAxisMask);
}

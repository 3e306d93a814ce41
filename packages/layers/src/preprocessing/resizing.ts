import { tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';
import { checkOneOf, checkPositiveInteger } from '../core/argument-checks';
import { asBatch, checkImageRank, type ImageInterpolation, resizedShape } from './image-preprocessing';

/** Arguments of {@link Resizing}. */
export interface ResizingArgs extends LayerArgs {
  height: number;
  width: number;
  /** 'bilinear' (default) or 'nearest', with half-pixel centres as TensorFlow. */
  interpolation?: ImageInterpolation;
  /** Crop the largest centred window of the target aspect ratio first, so nothing is distorted. */
  cropToAspectRatio?: boolean;
}

/** Resizes a batch, optionally after a centred crop to the target's aspect ratio (Keras's smart resize). */
export function resizeBatch(batch: tf.Tensor4D, height: number, width: number, interpolation: ImageInterpolation, cropToAspectRatio: boolean): tf.Tensor4D {
  let x = batch;
  if (cropToAspectRatio) {
    const [, h, w] = x.shape;
    const cropHeight = Math.min(h, Math.floor((w * height) / width));
    const cropWidth = Math.min(w, Math.floor((h * width) / height));
    x = tf.slice(x, [0, Math.floor((h - cropHeight) / 2), Math.floor((w - cropWidth) / 2), 0], [-1, cropHeight, cropWidth, -1]);
  }
  if (x.shape[1] === height && x.shape[2] === width) return x;
  return interpolation === 'nearest' ? tf.image.resizeNearestNeighbor(x, [height, width], false, true) : tf.image.resizeBilinear(x, [height, width], false, true);
}

/** Keras's `Resizing`: every image to `height × width`. */
export class Resizing extends Layer {
  static override className = 'Resizing';
  readonly height: number;
  readonly width: number;
  readonly interpolation: ImageInterpolation;
  readonly cropToAspectRatio: boolean;

  /** @throws Error naming the layer for a bad size or interpolation */
  constructor(args: ResizingArgs) {
    super(args);
    this.height = checkPositiveInteger(args.height, 'height', this.name);
    this.width = checkPositiveInteger(args.width, 'width', this.name);
    this.interpolation = checkOneOf(args.interpolation ?? 'bilinear', ['bilinear', 'nearest'] as const, 'interpolation', this.name);
    this.cropToAspectRatio = args.cropToAspectRatio ?? false;
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    checkImageRank(x.shape, this.name);
    return asBatch(x, (batch) => resizeBatch(batch, this.height, this.width, this.interpolation, this.cropToAspectRatio));
  }

  override computeOutputShape(inputShape: Shape): Shape {
    return resizedShape(inputShape, this.height, this.width, this.name);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), height: this.height, width: this.width, interpolation: this.interpolation, crop_to_aspect_ratio: this.cropToAspectRatio };
  }
}

registerLayer(Resizing);

/** Makes a {@link Resizing} layer. */
export function resizing(args: ResizingArgs): Resizing {
  return new Resizing(args);
}

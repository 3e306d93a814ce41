import { tf } from '@dendrite/backend';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, singleShape } from '../engine/shape';
import { checkOneOf, normalizeTuple } from '../core/argument-checks';

type Pairs = [[number, number], [number, number]];

/** `p`, `[h, w]` or `[[top, bottom], [left, right]]` as Keras's 2-D padding/cropping arguments. */
function pairs(value: number | [number, number] | Pairs, argumentName: string, layerName: string): Pairs {
  if (typeof value === 'number' || (Array.isArray(value) && typeof value[0] === 'number')) {
    const [h, w] = normalizeTuple(value, 2, argumentName, layerName, 0);
    return [[h, h], [w, w]];
  }
  const [[top, bottom], [left, right]] = value as Pairs;
  for (const size of [top, bottom, left, right]) normalizeTuple(size, 1, argumentName, layerName, 0);
  return [[top, bottom], [left, right]];
}

function checkChannelsLast(dataFormat: string | undefined, layerName: string): void {
  if (dataFormat !== undefined && dataFormat !== 'channels_last' && dataFormat !== 'channelsLast') {
    throw new Error(`Expected dataFormat channels_last in layer "${layerName}", received ${JSON.stringify(dataFormat)}`);
  }
}

/** Pads rows and columns of `[batch, h, w, c]` images with zeros. */
export class ZeroPadding2D extends Layer {
  static override className = 'ZeroPadding2D';
  readonly padding: Pairs;
  constructor(args: LayerArgs & { padding?: number | [number, number] | Pairs; dataFormat?: string } = {}) {
    super(args);
    checkChannelsLast(args.dataFormat, this.name);
    this.padding = pairs(args.padding ?? 1, 'padding', this.name);
    this.inputSpec = { ndim: 4 };
  }
  override call(inputs: TensorOrList): tf.Tensor {
    return tf.pad(inputs as tf.Tensor, [[0, 0], ...this.padding, [0, 0]]);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [b, h, w, c] = singleShape(inputShape, this.name);
    const [[top, bottom], [left, right]] = this.padding;
    return [b, h === null ? null : h + top + bottom, w === null ? null : w + left + right, c];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), padding: this.padding, data_format: 'channels_last' };
  }
}

/** Crops rows and columns off `[batch, h, w, c]` images. */
export class Cropping2D extends Layer {
  static override className = 'Cropping2D';
  readonly cropping: Pairs;
  constructor(args: LayerArgs & { cropping?: number | [number, number] | Pairs; dataFormat?: string } = {}) {
    super(args);
    checkChannelsLast(args.dataFormat, this.name);
    this.cropping = pairs(args.cropping ?? 0, 'cropping', this.name);
    this.inputSpec = { ndim: 4 };
  }
  override call(inputs: TensorOrList): tf.Tensor {
    const x = inputs as tf.Tensor;
    const [, h, w] = x.shape;
    const [[top, bottom], [left, right]] = this.cropping;
    return tf.slice(x, [0, top, left, 0], [-1, h - top - bottom, w - left - right, -1]);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [b, h, w, c] = singleShape(inputShape, this.name);
    const [[top, bottom], [left, right]] = this.cropping;
    const cut = (size: number | null, amount: number, axis: string) => {
      if (size === null) return null;
      if (size - amount < 1) throw new Error(`Expected cropping smaller than the ${axis} (${size}) in layer "${this.name}", received ${amount}`);
      return size - amount;
    };
    return [b, cut(h, top + bottom, 'height'), cut(w, left + right, 'width'), c];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), cropping: this.cropping, data_format: 'channels_last' };
  }
}

/** Repeats rows and columns `size` times (nearest) or resizes bilinearly. */
export class UpSampling2D extends Layer {
  static override className = 'UpSampling2D';
  readonly size: number[];
  readonly interpolation: 'nearest' | 'bilinear';
  constructor(args: LayerArgs & { size?: number | [number, number]; interpolation?: 'nearest' | 'bilinear'; dataFormat?: string } = {}) {
    super(args);
    checkChannelsLast(args.dataFormat, this.name);
    this.size = normalizeTuple(args.size ?? 2, 2, 'size', this.name);
    this.interpolation = checkOneOf(args.interpolation ?? 'nearest', ['nearest', 'bilinear'] as const, 'interpolation', this.name);
    this.inputSpec = { ndim: 4 };
  }
  override call(inputs: TensorOrList): tf.Tensor {
    const x = inputs as tf.Tensor4D;
    const target: [number, number] = [x.shape[1] * this.size[0], x.shape[2] * this.size[1]];
    return this.interpolation === 'nearest' ? tf.image.resizeNearestNeighbor(x, target) : tf.image.resizeBilinear(x, target);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [b, h, w, c] = singleShape(inputShape, this.name);
    return [b, h === null ? null : h * this.size[0], w === null ? null : w * this.size[1], c];
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), size: this.size, interpolation: this.interpolation, data_format: 'channels_last' };
  }
}

for (const layer of [ZeroPadding2D, Cropping2D, UpSampling2D]) registerLayer(layer as never);

export const zeroPadding2d = (args: ConstructorParameters<typeof ZeroPadding2D>[0] = {}) => new ZeroPadding2D(args);
export const cropping2d = (args: ConstructorParameters<typeof Cropping2D>[0] = {}) => new Cropping2D(args);
export const upSampling2d = (args: ConstructorParameters<typeof UpSampling2D>[0] = {}) => new UpSampling2D(args);

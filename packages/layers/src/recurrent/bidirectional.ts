import { type KerasSerialized, tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { deserializeLayer, registerLayer, serializeLayer } from '../engine/layer-registry';
import { type Shape, isShapeList } from '../engine/shape';
import { checkOneOf } from '../core/argument-checks';
import { Recurrent } from './recurrent';

/** How {@link Bidirectional} joins the two directions. */
export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave' | null;

/** Arguments of {@link Bidirectional}. */
export interface BidirectionalArgs extends LayerArgs {
  /** The recurrent layer to run forwards (and, mirrored, backwards). */
  layer: Recurrent;
  mergeMode?: MergeMode;
  /** The backward layer (default: the forward one's config with goBackwards flipped). */
  backwardLayer?: Recurrent;
}

/** Runs a recurrent layer forwards and backwards over the sequence and merges the two. */
export class Bidirectional extends Layer {
  static override className = 'Bidirectional';
  readonly forwardLayer: Recurrent;
  readonly backwardLayer: Recurrent;
  readonly mergeMode: MergeMode;

  constructor(args: BidirectionalArgs) {
    super(args);
    if (!(args.layer instanceof Recurrent)) throw new Error(`Expected a recurrent layer to wrap in layer "${this.name}", received ${String(args.layer)}`);
    this.mergeMode = args.mergeMode === null ? null : checkOneOf(args.mergeMode ?? 'concat', ['concat', 'sum', 'mul', 'ave'] as const, 'mergeMode', this.name);
    this.forwardLayer = this.trackLayer(args.layer);
    if (args.backwardLayer) {
      this.backwardLayer = this.trackLayer(args.backwardLayer);
    } else {
      const { class_name, config } = serializeLayer(args.layer);
      this.backwardLayer = this.trackLayer(deserializeLayer({ class_name, config: { ...config, name: `backward_${args.layer.name}`, go_backwards: !args.layer.goBackwards } }) as Recurrent);
    }
    if (this.forwardLayer.returnState) throw new Error(`Expected a wrapped layer without returnState in layer "${this.name}", received returnState true`);
    this.inputSpec = { ndim: 3 };
    this.supportsMasking = true;
  }

  override build(inputShape: Shape | Shape[]): void {
    this.forwardLayer.maybeBuild(inputShape);
    this.backwardLayer.maybeBuild(inputShape);
  }

  override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
    const forward = this.forwardLayer.apply(inputs, args) as tf.Tensor;
    let backward = this.backwardLayer.apply(inputs, args) as tf.Tensor;
    if (this.forwardLayer.returnSequences) backward = tf.reverse(backward, 1);
    switch (this.mergeMode) {
      case 'concat':
        return tf.concat([forward, backward], -1);
      case 'sum':
        return tf.add(forward, backward);
      case 'mul':
        return tf.mul(forward, backward);
      case 'ave':
        return tf.div(tf.add(forward, backward), 2);
      default:
        return [forward, backward];
    }
  }

  override computeMask(_inputs: TensorOrList, mask: tf.Tensor | tf.Tensor[] | null): tf.Tensor | null {
    return this.forwardLayer.returnSequences ? ((Array.isArray(mask) ? mask[0] : mask) ?? null) : null;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const shape = this.forwardLayer.computeOutputShape(inputShape);
    const single = isShapeList(shape) ? shape[0] : shape;
    if (this.mergeMode === null) return [single, [...single]];
    if (this.mergeMode !== 'concat') return single;
    const last = single[single.length - 1];
    return [...single.slice(0, -1), last === null ? null : last * 2];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), layer: serializeLayer(this.forwardLayer), backward_layer: serializeLayer(this.backwardLayer), merge_mode: this.mergeMode };
  }

  static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    return new Bidirectional({
      name: config.name as string,
      trainable: config.trainable as boolean,
      layer: deserializeLayer(config.layer as KerasSerialized) as Recurrent,
      backwardLayer: config.backward_layer ? (deserializeLayer(config.backward_layer as KerasSerialized) as Recurrent) : undefined,
      mergeMode: config.merge_mode === undefined ? 'concat' : (config.merge_mode as MergeMode),
    }) as unknown as T;
  }
}

registerLayer(Bidirectional);

/** Makes a {@link Bidirectional} wrapper. */
export const bidirectional = (args: BidirectionalArgs) => new Bidirectional(args);

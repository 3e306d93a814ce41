import { describeValue } from '@dendrite/backend/internal';

/** The one data format Dendrite's spatial layers support: `[batch, ...spatial, channels]`. */
export type DataFormat = 'channels_last';

/**
 * Checks a layer's `dataFormat` argument: channels last (Keras's default), in Keras's or tfjs's
 * spelling, or unset.
 *
 * @param value the argument as given
 * @param layerName the layer, for the message
 * @returns `'channels_last'`, as configs store it
 * @throws Error naming the layer for `channels_first` or anything else
 * @example
 * ```ts
 * checkDataFormat(undefined, 'conv2d'); // 'channels_last'
 * checkDataFormat('channels_first', 'conv2d'); // throws
 * ```
 */
export function checkDataFormat(value: unknown, layerName: string): DataFormat {
  if (value == null || value === 'channels_last' || value === 'channelsLast') return 'channels_last';
  const hint = value === 'channels_first' || value === 'channelsFirst' ? ' (channels_first is not supported: transpose the input to channels last)' : '';
  throw new Error(`Expected dataFormat to be channels_last${hint}, received ${describeValue(value)} in layer "${layerName}"`);
}

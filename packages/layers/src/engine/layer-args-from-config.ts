import { classOptionKeys, keysToCamelCase, splitOptionKeys } from '@dendrite/backend/internal';

/**
 * A config's keys in camelCase, without the nulls Keras writes for unset options (the constructors
 * read undefined as unset) and without keys the class does not read (see {@link Layer.fromConfig}).
 *
 * @param layerClass the class being rebuilt; a class that declares no option keys keeps every key
 * @param config the config, snake_case or camelCase keys
 */
export function layerArgsFromConfig(layerClass: Function, config: Record<string, unknown>): Record<string, unknown> {
  const set = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== null));
  const args = keysToCamelCase(set) as Record<string, unknown>;
  const known = classOptionKeys(layerClass);
  return known === undefined ? args : splitOptionKeys(args, known).known;
}


/**
 * An initializer's, regularizer's or constraint's config as constructor options: keys in
 * camelCase, without the keys the class itself does not read. Files carry such keys (TF.js writes
 * `scale`, `mode` and `distribution` for GlorotUniform, whose constructor reads only `seed`); they
 * are dropped so that every file that loads keeps loading. Only the class's own `optionKeys`
 * count (a preset does not read its parent's keys); a class declaring none keeps every key.
 *
 * @param declarer the class being rebuilt
 * @param config the config, snake_case or camelCase keys
 */
export function ownArgsFromConfig(declarer: Function, config: Record<string, unknown>): Record<string, unknown> {
  const args = keysToCamelCase(config) as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(declarer, 'optionKeys')) return args;
  return splitOptionKeys(args, (declarer as unknown as { optionKeys: readonly string[] }).optionKeys).known;
}

/** Folds Keras's spellings of one name together: `binary_crossentropy`, `binaryCrossentropy`, `BinaryCrossentropy`. */
export function normalizeIdentifier(name: string): string {
  return name.replace(/[_\s-]/g, '').toLowerCase();
}

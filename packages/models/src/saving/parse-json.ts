/**
 * `JSON.parse` of a file's or attribute's text, its error naming what was parsed and where.
 *
 * @param what the text's name in the message: `config.json`, `the model_config attribute`
 * @throws Error `Expected JSON in config.json of "model.keras", received Unexpected token …`
 */
export function parseJsonText<T = Record<string, unknown>>(text: string, what: string, where: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`Expected JSON in ${what} of "${where}", received ${(error as Error).message}`);
  }
}

/**
 * {@link parseJsonText} of text that must hold a JSON object (a config, metadata): `null`, a
 * number or a list is refused with the file's name rather than failing later on a missing key.
 *
 * @throws Error `Expected a JSON object in config.json of "model.keras", received null`
 */
export function parseJsonObject<T = Record<string, unknown>>(text: string, what: string, where: string): T {
  const value = parseJsonText<unknown>(text, what, where);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`Expected a JSON object in ${what} of "${where}", received ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`);
  }
  return value as T;
}

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

import { expect, it } from 'vitest';
import { parseJsonText } from './parse-json';

it('parses JSON and names what and where when it is not', () => {
  expect(parseJsonText('{"a": 1}', 'config.json', 'm.keras')).toEqual({ a: 1 });
  expect(() => parseJsonText('{a', 'the model_config attribute', 'm.h5')).toThrow(/^Expected JSON in the model_config attribute of "m.h5", received /);
});

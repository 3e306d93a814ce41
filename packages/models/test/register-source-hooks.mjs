// @ts-check
/** `node --import tsx --import <this file> child.ts`: see `source-hooks.mjs`. */
import { register } from 'node:module';

register('./source-hooks.mjs', import.meta.url);

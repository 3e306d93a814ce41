// A deliberate type error: tsc must report it (TS2322 here), which proves the types are not `any`.
import * as dn from 'dendrite';

export const wrong: number = dn.version;

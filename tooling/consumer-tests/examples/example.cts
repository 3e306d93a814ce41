// The CommonJS view of the types (dist/*.d.cts), compiled under node16.
import * as dn from 'dendrite';

export const model = dn.sequential({ layers: [dn.layers.dense({ units: 1, inputShape: [3] })] });
export const version: string = dn.version;

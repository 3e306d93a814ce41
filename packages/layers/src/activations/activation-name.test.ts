import { describe, expect, expectTypeOf, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { dense } from '../core/dense';
import { getActivation, registerActivation, type ActivationIdentifier, type ActivationName } from './get-activation';

// A user's registered activation joins the names the types accept, by declaration merging.
declare module './get-activation' {
  interface CustomActivations {
    half_relu_for_types: true;
  }
}

describe('ActivationName', () => {
  it("accepts Keras's and tfjs-layers' spellings and rejects misspellings (checked by typecheck)", () => {
    expectTypeOf<'leaky_relu'>().toMatchTypeOf<ActivationName>();
    expectTypeOf<'leakyRelu'>().toMatchTypeOf<ActivationName>();
    expectTypeOf<'hardSwish'>().toMatchTypeOf<ActivationName>();
    expectTypeOf<'relux'>().not.toMatchTypeOf<ActivationIdentifier>();
    // @ts-expect-error a misspelled activation is a type error
    const misspelled: ActivationIdentifier = 'relux';
    expect(() => getActivation(misspelled)).toThrow(/Unknown activation "relux"/);
    // @ts-expect-error in a layer's options too
    expect(() => dense({ units: 2, activation: 'msee' })).toThrow(/Unknown activation "msee"/);
  });

  it('accepts a registered name declared in CustomActivations', () => {
    registerActivation('half_relu_for_types', (x) => tf.mul(tf.relu(x), 0.5));
    const layer = dense({ units: 2, activation: 'half_relu_for_types' });
    expect(layer.getConfig().activation).toBe('half_relu_for_types');
  });
});

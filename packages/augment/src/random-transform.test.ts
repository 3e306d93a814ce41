import { describe, expect, it } from 'vitest';
import { type Draw, createRandom } from '@dendrite/backend';
import { IDENTITY_PARAMETERS } from './affine';
import { type ImageDataGeneratorOptions, resolveOptions } from './generator-options';
import { drawTransform, transforms } from './random-transform';

/** A draw that returns `values` in turn and refuses to draw more, recording how many it gave. */
function scripted(values: number[]): Draw & { used: () => number } {
  let next = 0;
  const draw = () => {
    if (next >= values.length) throw new Error(`Expected at most ${values.length} draws`);
    return values[next++];
  };
  return Object.assign(draw, { used: () => next });
}

const DRAWS = 10_000;
// Binomial(10 000, ½): standard deviation 50; 5 of them (250) bound a fair coin's count with
// probability 1 − 6e-7, and exclude any rate outside [0.475, 0.525].
const BOUND = 250;

describe('drawTransform flips', () => {
  it('flips horizontally and vertically with probability ½ each, independently (Keras: np.random.random() < 0.5)', () => {
    const options = resolveOptions({ horizontalFlip: true, verticalFlip: true });
    const draw = createRandom(2024);
    let horizontal = 0;
    let vertical = 0;
    let both = 0;
    for (let i = 0; i < DRAWS; i++) {
      const { flipHorizontal, flipVertical } = drawTransform(options, 8, 8, draw);
      horizontal += Number(flipHorizontal);
      vertical += Number(flipVertical);
      both += Number(flipHorizontal && flipVertical);
    }
    expect(Math.abs(horizontal - DRAWS / 2), `horizontal flips: ${horizontal} of ${DRAWS}`).toBeLessThan(BOUND);
    expect(Math.abs(vertical - DRAWS / 2), `vertical flips: ${vertical} of ${DRAWS}`).toBeLessThan(BOUND);
    // Binomial(10 000, ¼): standard deviation ≈ 43.
    expect(Math.abs(both - DRAWS / 4), `both flips: ${both} of ${DRAWS}`).toBeLessThan(5 * 43.3);
  });

  it('never flips when the options leave flips off', () => {
    const options = resolveOptions({ rotationRange: 10 });
    const draw = createRandom(7);
    for (let i = 0; i < 1000; i++) expect(drawTransform(options, 8, 8, draw)).toMatchObject({ flipHorizontal: false, flipVertical: false });
  });
});

describe('drawTransform parameters, drawn in Keras’s order from scripted draws', () => {
  // Keras's get_random_transform: theta, tx (rows), ty (columns), shear, zx, zy, horizontal flip,
  // vertical flip, channel shift, brightness — each uniform(low, high) = low + (high − low)·u.
  it('maps each draw to its parameter, a shift range below 1 as a fraction of the image side', () => {
    const options = resolveOptions({
      rotationRange: 40, heightShiftRange: 0.2, widthShiftRange: 3, shearRange: 10, zoomRange: [0.5, 0.9],
      horizontalFlip: true, verticalFlip: true, channelShiftRange: 5, brightnessRange: [0.2, 0.4],
    });
    const draw = scripted([0.75, 0.25, 0.875, 0.25, 0.5, 0.25, 0.4, 0.5, 0.75, 0.5]);
    const p = drawTransform(options, 10, 20, draw);
    expect(draw.used()).toBe(10);
    const expected = { theta: 20, tx: -1, ty: 2.25, shear: -5, zx: 0.7, zy: 0.6, channelShiftIntensity: 2.5, brightness: 0.3 };
    for (const [name, value] of Object.entries(expected)) expect(p[name as keyof typeof expected], name).toBeCloseTo(value, 12);
    // u < ½ flips (0.4), u = ½ does not.
    expect([p.flipHorizontal, p.flipVertical]).toEqual([true, false]);
    const flips = drawTransform(resolveOptions({ horizontalFlip: true, verticalFlip: true }), 10, 20, scripted([0.5, 0.25]));
    expect([flips.flipHorizontal, flips.flipVertical]).toEqual([false, true]);
  });

  it('draws nothing and returns the identity when no option is set (zoom [1, 1] included)', () => {
    for (const options of [{}, { zoomRange: [1, 1] }, { heightShiftRange: 0, widthShiftRange: [] }] as ImageDataGeneratorOptions[]) {
      const draw = scripted([]);
      expect(drawTransform(resolveOptions(options), 8, 8, draw)).toEqual(IDENTITY_PARAMETERS);
    }
  });

  it('zooms when only one end of the range differs from 1', () => {
    for (const zoomRange of [[1, 1.5], [0.5, 1]] as [number, number][]) {
      const p = drawTransform(resolveOptions({ zoomRange }), 8, 8, scripted([0.5, 0.25]));
      expect([p.zx, p.zy]).toEqual([zoomRange[0] + (zoomRange[1] - zoomRange[0]) * 0.5, zoomRange[0] + (zoomRange[1] - zoomRange[0]) * 0.25]);
    }
  });

  it('reads a shift range of 1 or more in pixels', () => {
    const p = drawTransform(resolveOptions({ heightShiftRange: 1, widthShiftRange: 4 }), 10, 20, scripted([0.75, 0.25]));
    expect([p.tx, p.ty]).toEqual([0.5, -2]);
  });

  it('picks a shift from a list with a random sign, as a fraction of the side when every entry is below 1', () => {
    // Keras: tx = choice(range) · choice([-1, 1]); times the side when max(range) < 1.
    const options = resolveOptions({ heightShiftRange: [0.1, 0.2], widthShiftRange: [2, 0.5] });
    const draw = scripted([0.6, 0.7, 0.2, 0.3]);
    const p = drawTransform(options, 10, 20, draw);
    expect(draw.used()).toBe(4);
    expect(p.tx).toBeCloseTo(0.2 * 10, 12);
    expect(p.ty).toBe(-2);
    // The first entry of [0.5, 1] with a plus sign (u = ½ is not below ½): 0.5 pixels, max(range) being 1.
    expect(drawTransform(resolveOptions({ widthShiftRange: [0.5, 1] }), 10, 20, scripted([0.2, 0.5])).ty).toBe(0.5);
  });
});

describe('transforms', () => {
  it('is false for no option and true for each random transform alone', () => {
    expect(transforms(resolveOptions({}))).toBe(false);
    expect(transforms(resolveOptions({ zoomRange: [1, 1], widthShiftRange: [], heightShiftRange: 0, rescale: 2 }))).toBe(false);
    const each: ImageDataGeneratorOptions[] = [
      { rotationRange: 5 }, { widthShiftRange: 0.1 }, { widthShiftRange: [2] }, { heightShiftRange: 0.1 }, { heightShiftRange: [2] },
      { shearRange: 5 }, { zoomRange: [0.5, 1] }, { zoomRange: [1, 2] }, { horizontalFlip: true }, { verticalFlip: true },
      { channelShiftRange: 5 }, { brightnessRange: [0.5, 1] },
    ];
    for (const options of each) expect(transforms(resolveOptions(options)), JSON.stringify(options)).toBe(true);
  });
});

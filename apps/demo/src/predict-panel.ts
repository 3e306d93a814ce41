import * as dn from 'dendrite';
import { acceptsDigitImages, currentModel, element, onModelChange, recordTensorCount, yieldToPage } from './app-state';
import { imageTensor, loadDataset } from './demo-data';
import { DigitPad, imageCanvas } from './digit-pad';

/** Test images whose predictions make a model's fingerprint (compared after a save and a reload). */
const FINGERPRINT_IMAGES = 16;
/** Mistakes shown at most. */
const MISTAKES_SHOWN = 60;

/** The model's class probabilities for one image of 784 values in [0, 1]. */
export async function classify(model: dn.Model, pixels: Float32Array): Promise<Float32Array> {
  const shape = [1, ...(model.inputShapes![0].slice(1) as number[])];
  const input = dn.tf.tensor(pixels, shape);
  const output = model.predict(input) as dn.tf.Tensor;
  const probabilities = (await output.data()) as Float32Array;
  dn.tf.dispose([input, output]);
  return probabilities;
}

/** Draws probability bars into `container`; each row carries `data-class` and `data-probability`. */
export function showProbabilities(container: HTMLElement, probabilities: Float32Array, classNames: string[]): number {
  let best = 0;
  probabilities.forEach((p, i) => (best = p > probabilities[best] ? i : best));
  container.textContent = '';
  probabilities.forEach((probability, index) => {
    const row = document.createElement('div');
    row.className = index === best ? 'bar best' : 'bar';
    row.dataset.class = String(index);
    row.dataset.probability = String(probability);
    row.innerHTML = `<span class="bar-label">${classNames[index] ?? index}</span><span class="bar-fill" style="width:${(probability * 100).toFixed(1)}%"></span><span class="bar-value">${(probability * 100).toFixed(1)} %</span>`;
    container.append(row);
  });
  container.dataset.predicted = String(best);
  return best;
}

/**
 * The Predict panel: a canvas to draw a digit on and the current model's class probabilities,
 * and the test images the model gets wrong.
 */
export function mountPredictPanel(root: HTMLElement): void {
  const bars = element('#probabilities', root);
  const seen = element('#model-sees', root);
  const mistakes = element('#mistakes', root);
  const fingerprint = element('#fingerprint', root);
  const pad = new DigitPad(280, () => void predictDrawing());
  element('#pad-holder', root).append(pad.canvas);
  element('#clear-pad', root).addEventListener('click', () => {
    pad.clear();
    bars.textContent = '';
    delete bars.dataset.predicted;
  });

  async function predictDrawing(): Promise<void> {
    const current = currentModel();
    if (current === undefined || !pad.hasInk) return;
    const pixels = pad.toMnistPixels();
    seen.replaceChildren(imageCanvas(pixels, 3));
    if (!acceptsDigitImages(current.model)) {
      bars.textContent = `The model "${current.model.name}" takes inputs of shape ${JSON.stringify(current.model.inputShapes?.[0])}, not 28×28 images: use "Predict on an image" under Save and load.`;
      return;
    }
    showProbabilities(bars, await classify(current.model, pixels), current.classNames);
    recordTensorCount();
  }

  onModelChange(async (current) => {
    element('#predict-model', root).textContent = `Model: ${current.model.name} (${current.origin})`;
    mistakes.textContent = '';
    fingerprint.textContent = '';
    if (current.dataset === undefined && !acceptsDigitImages(current.model)) return;
    await predictDrawing();
    const { test } = await loadDataset(current.dataset ?? 'mnist');
    const images = imageTensor(test, 0, test.count, current.model.inputShapes![0].slice(1) as number[]);
    const output = current.model.predict(images, { batchSize: 250, verbose: 0 }) as dn.tf.Tensor;
    const probabilities = (await output.data()) as Float32Array;
    dn.tf.dispose([images, output]);
    fingerprint.textContent = JSON.stringify(Array.from(probabilities.subarray(0, FINGERPRINT_IMAGES * 10)));
    let wrong = 0;
    for (let index = 0; index < test.count; index++) {
      const row = probabilities.subarray(index * 10, index * 10 + 10);
      const predicted = row.indexOf(Math.max(...row));
      if (predicted === test.labels[index]) continue;
      wrong++;
      if (wrong > MISTAKES_SHOWN) continue;
      const figure = document.createElement('figure');
      figure.className = 'mistake';
      figure.dataset.index = String(index);
      figure.append(imageCanvas(test.images.subarray(index * 784, index * 784 + 784), 2, true));
      const caption = document.createElement('figcaption');
      caption.textContent = `${current.classNames[predicted]} (is ${current.classNames[test.labels[index]]})`;
      figure.append(caption);
      mistakes.append(figure);
    }
    element('#mistake-count', root).textContent = `${wrong} of the ${test.count} test images are misclassified${wrong > MISTAKES_SHOWN ? ` (first ${MISTAKES_SHOWN} shown)` : ''}: predicted (true label).`;
    await yieldToPage();
  });
}

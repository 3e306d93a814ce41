import * as dn from 'dendrite';
import { acceptsDigitImages, currentModel, element, onModelChange, setCurrentModel } from './app-state';
import { CLASS_NAMES } from './demo-data';
import { mnistPixels } from './digit-pad';
import { classify, showProbabilities } from './predict-panel';

function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Class names for a loaded model: a dropped `labels.txt` (Teachable Machine), the digits, or numbers. */
function classNamesFor(model: dn.Model, labels: string[] | undefined): string[] {
  // The number of classes, from one prediction (a loaded Sequential keeps no symbolic output).
  const classes = dn.tf.tidy(() => {
    const probe = dn.tf.zeros([1, ...(model.inputShapes![0].slice(1) as number[])]);
    return (model.predict(probe, { verbose: 0 }) as dn.tf.Tensor).shape.at(-1) ?? 10;
  });
  if (labels !== undefined && labels.length >= classes) return labels.slice(0, classes);
  if (classes === 10 && acceptsDigitImages(model)) return CLASS_NAMES.mnist;
  return Array.from({ length: classes }, (_, index) => `class ${index}`);
}

/** Teachable Machine's labels.txt: "0 Cat" per line. */
function parseLabels(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => line.replace(/^\d+\s+/, '').trim());
}

/**
 * Loads a model from dropped or chosen files: one `.keras` or `.h5`, or a `model.json` with its
 * `.bin` shards (through tfjs's `browserFiles`), plus an optional Teachable Machine `labels.txt`.
 */
export async function modelFromFiles(files: File[]): Promise<{ model: dn.Model; labels?: string[]; name: string }> {
  const labelsFile = files.find((file) => /\.txt$/i.test(file.name));
  const labels = labelsFile === undefined ? undefined : parseLabels(await labelsFile.text());
  const modelFiles = files.filter((file) => file !== labelsFile);
  const json = modelFiles.find((file) => /\.json$/i.test(file.name));
  if (json !== undefined) {
    const shards = modelFiles.filter((file) => file !== json);
    return { model: await dn.loadModel(dn.tf.io.browserFiles([json, ...shards])), labels, name: json.name };
  }
  if (modelFiles.length !== 1) {
    throw new Error(`Expected one .keras or .h5 file, or a model.json with its .bin shards, received ${modelFiles.map((file) => file.name).join(', ') || 'no model file'}`);
  }
  const bytes = new Uint8Array(await modelFiles[0].arrayBuffer());
  return { model: await dn.loadModel(bytes), labels, name: modelFiles[0].name };
}

/** An uploaded picture as the model's input: a 28×28 digit (MNIST preprocessing) or an RGB image in [-1, 1]. */
async function imagePixels(model: dn.Model, file: File): Promise<Float32Array> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  const shape = model.inputShapes![0];
  const rgb = shape.length === 4 && shape[3] === 3;
  canvas.width = rgb ? (shape[2] ?? 224) : bitmap.width;
  canvas.height = rgb ? (shape[1] ?? 224) : bitmap.height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  if (rgb) {
    // Teachable Machine's image models take RGB scaled to [-1, 1].
    const pixels = new Float32Array(canvas.width * canvas.height * 3);
    for (let i = 0; i < canvas.width * canvas.height; i++) for (let c = 0; c < 3; c++) pixels[i * 3 + c] = data[i * 4 + c] / 127.5 - 1;
    return pixels;
  }
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += data[i];
  if (sum / (data.length / 4) > 127) {
    // A dark digit on paper: invert to MNIST's light digit on black.
    for (let i = 0; i < data.length; i += 4) data[i] = data[i + 1] = data[i + 2] = 255 - data[i];
    context.putImageData(new ImageData(data, canvas.width, canvas.height), 0, 0);
  }
  return mnistPixels(canvas);
}

/**
 * The Save and load panel: downloads (`.keras`, `.h5`, `model.json`), IndexedDB, and files
 * dropped on the page to load a model and predict on an uploaded image.
 */
export function mountSaveLoadPanel(root: HTMLElement): void {
  const status = element('#save-status', root);
  const list = element('#idb-list', root);
  const nameInput = element<HTMLInputElement>('#idb-name', root);
  const report = (text: string, state: 'ok' | 'error') => {
    status.textContent = text;
    status.dataset.state = state;
  };
  const guarded = <Args extends unknown[]>(action: (...args: Args) => Promise<void>) => (...args: Args) =>
    void action(...args).catch((error: unknown) => {
      report((error as Error).message, 'error');
      status.title = String((error as Error).stack);
    });
  const modelOrFail = () => {
    const current = currentModel();
    if (current === undefined) throw new Error('Train or load a model first.');
    return current.model;
  };

  async function refreshList(): Promise<void> {
    const stored = await dn.tf.io.listModels();
    list.textContent = '';
    for (const url of Object.keys(stored).filter((key) => key.startsWith('indexeddb://'))) {
      const button = Object.assign(document.createElement('button'), { textContent: `Load ${url.slice('indexeddb://'.length)}`, type: 'button' });
      button.dataset.load = url;
      button.addEventListener('click', guarded(async () => {
        const model = await dn.loadModel(url);
        await setCurrentModel({ model, origin: `IndexedDB: ${url}`, classNames: classNamesFor(model, undefined), dataset: acceptsDigitImages(model) ? 'mnist' : undefined });
        report(`Loaded ${url}.`, 'ok');
      }));
      list.append(button);
    }
  }

  element('#download-keras', root).addEventListener('click', guarded(async () => {
    const model = modelOrFail();
    download(await dn.models.saveModelBytes(model, 'keras'), `${model.name}.keras`);
    report(`Downloaded ${model.name}.keras.`, 'ok');
  }));
  element('#download-h5', root).addEventListener('click', guarded(async () => {
    const model = modelOrFail();
    download(await dn.models.saveModelBytes(model, 'h5'), `${model.name}.h5`);
    report(`Downloaded ${model.name}.h5.`, 'ok');
  }));
  element('#download-json', root).addEventListener('click', guarded(async () => {
    const model = modelOrFail();
    await model.save(`downloads://${model.name}`);
    report(`Downloaded ${model.name}.json and its weights.`, 'ok');
  }));
  element('#save-idb', root).addEventListener('click', guarded(async () => {
    const url = `indexeddb://${nameInput.value.trim() || modelOrFail().name}`;
    await modelOrFail().save(url);
    await refreshList();
    report(`Saved to ${url}.`, 'ok');
  }));

  const loadFiles = guarded(async (files: File[]) => {
    report(`Loading ${files.map((file) => file.name).join(', ')}…`, 'ok');
    const { model, labels, name } = await modelFromFiles(files);
    await setCurrentModel({ model, origin: `file: ${name}`, classNames: classNamesFor(model, labels), dataset: acceptsDigitImages(model) && labels === undefined ? 'mnist' : undefined });
    report(`Loaded ${name}: ${model.name}, input ${JSON.stringify(model.inputShapes?.[0])}.`, 'ok');
  });
  const dropZone = element('#drop-zone', root);
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('over');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('over');
    loadFiles([...(event.dataTransfer?.files ?? [])]);
  });
  const fileInput = element<HTMLInputElement>('#file-input', root);
  fileInput.addEventListener('change', () => loadFiles([...(fileInput.files ?? [])]));

  const imageInput = element<HTMLInputElement>('#image-input', root);
  imageInput.addEventListener('change', guarded(async () => {
    const file = imageInput.files?.[0];
    const current = currentModel();
    if (file === undefined || current === undefined) throw new Error('Load a model, then choose an image.');
    const probabilities = await classify(current.model, await imagePixels(current.model, file));
    showProbabilities(element('#upload-probabilities', root), probabilities, current.classNames);
  }));

  onModelChange(({ model, origin }) => {
    element('#save-model', root).textContent = `Model: ${model.name} (${origin})`;
  });
  void refreshList().catch(() => undefined);
}

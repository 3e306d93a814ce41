import * as dn from 'dendrite';

/** What the panels share: the model in use and what it classifies. */
export interface CurrentModel {
  model: dn.Model;
  /** Where it came from: "trained here", "IndexedDB: name", "file: name.keras". */
  origin: string;
  /** Class names by output index. */
  classNames: string[];
  /** The dataset its inputs come from, when it is one of the demo's (else uploaded images only). */
  dataset?: 'mnist' | 'fashion';
}

type Listener = (current: CurrentModel) => void | Promise<void>;

const listeners: Listener[] = [];
let current: CurrentModel | undefined;

/** The model every panel shows, or undefined before the first training or load. */
export function currentModel(): CurrentModel | undefined {
  return current;
}

/** Makes `next` the current model (disposing the previous one) and tells every panel. */
export async function setCurrentModel(next: CurrentModel): Promise<void> {
  if (current !== undefined && current.model !== next.model) current.model.dispose();
  current = next;
  for (const listener of listeners) await listener(next);
  recordTensorCount();
}

/** Writes `tf.memory().numTensors` to `body[data-tensors]`: what the page holds, for a look (and the tests). */
export function recordTensorCount(): void {
  document.body.dataset.tensors = String(dn.tf.memory().numTensors);
}

/** Calls `listener` whenever the current model changes. */
export function onModelChange(listener: Listener): void {
  listeners.push(listener);
}

/** Resolves on the next macrotask, so the page paints and handles input between training steps. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Shorthand for `document.querySelector` that throws when the element is missing. */
export function element<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T {
  const found = root.querySelector<T>(selector);
  if (found === null) throw new Error(`Expected an element ${selector} in the page, received none`);
  return found;
}

/** The input length one image must have for `model`: 784 for the demo's shapes, else undefined. */
export function acceptsDigitImages(model: dn.Model): boolean {
  const shape = model.inputShapes?.[0];
  if (shape === undefined) return false;
  return shape.slice(1).reduce<number>((product, size) => product * (size ?? Number.NaN), 1) === 784;
}

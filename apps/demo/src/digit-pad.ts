/**
 * A canvas to draw a digit on with the mouse (or a finger), and the MNIST preprocessing of what
 * is drawn: the ink's bounding box scaled to fit 20×20 pixels, placed in a 28×28 image with its
 * centre of mass at the centre, grayscale in [0, 1] (white ink on black, as MNIST).
 */
export class DigitPad {
  readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private drawing = false;
  private inked = false;

  constructor(size: number, private readonly onStroke: () => void) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = size;
    this.canvas.height = size;
    this.canvas.className = 'digit-pad';
    this.context = this.canvas.getContext('2d', { willReadFrequently: true })!;
    this.clear();
    this.canvas.addEventListener('pointerdown', (event) => {
      this.drawing = true;
      this.canvas.setPointerCapture?.(event.pointerId);
      const [x, y] = this.position(event);
      this.context.beginPath();
      this.context.moveTo(x, y);
      this.context.lineTo(x + 0.01, y);
      this.context.stroke();
      this.inked = true;
    });
    this.canvas.addEventListener('pointermove', (event) => {
      if (!this.drawing) return;
      const [x, y] = this.position(event);
      this.context.lineTo(x, y);
      this.context.stroke();
    });
    const end = () => {
      if (!this.drawing) return;
      this.drawing = false;
      this.onStroke();
    };
    this.canvas.addEventListener('pointerup', end);
    this.canvas.addEventListener('pointerleave', end);
  }

  /** Whether anything has been drawn since the last clear. */
  get hasInk(): boolean {
    return this.inked;
  }

  /** Black canvas, white round brush as wide as about two MNIST pixels. */
  clear(): void {
    const { context, canvas } = this;
    context.fillStyle = '#000';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.strokeStyle = '#fff';
    context.lineWidth = canvas.width / 14;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    this.inked = false;
  }

  /** The drawing as MNIST would hold it: 784 values in [0, 1]. */
  toMnistPixels(): Float32Array {
    return mnistPixels(this.canvas);
  }

  private position(event: PointerEvent): [number, number] {
    const box = this.canvas.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * this.canvas.width, ((event.clientY - box.top) / box.height) * this.canvas.height];
  }
}

/** Grayscale (0…1) of every pixel of a canvas. */
function grayscale(canvas: HTMLCanvasElement): Float32Array {
  const { data } = canvas.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, canvas.width, canvas.height);
  const gray = new Float32Array(canvas.width * canvas.height);
  for (let i = 0; i < gray.length; i++) gray[i] = (data[i * 4] * 0.299 + data[i * 4 + 1] * 0.587 + data[i * 4 + 2] * 0.114) / 255;
  return gray;
}

/**
 * MNIST's preprocessing of a picture of one light digit on a dark background: crop to the ink,
 * scale to fit 20×20 keeping the aspect ratio, centre of mass to (14, 14) in a 28×28 image.
 */
export function mnistPixels(source: HTMLCanvasElement): Float32Array {
  const { width, height } = source;
  const gray = grayscale(source);
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (gray[y * width + x] > 0.1) [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
    }
  }
  if (right < 0) return new Float32Array(784);
  const boxWidth = right - left + 1;
  const boxHeight = bottom - top + 1;
  const scale = 20 / Math.max(boxWidth, boxHeight);
  const small = document.createElement('canvas');
  small.width = 28;
  small.height = 28;
  const context = small.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = '#000';
  context.fillRect(0, 0, 28, 28);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  const drawnWidth = boxWidth * scale;
  const drawnHeight = boxHeight * scale;
  context.drawImage(source, left, top, boxWidth, boxHeight, (28 - drawnWidth) / 2, (28 - drawnHeight) / 2, drawnWidth, drawnHeight);
  const pixels = grayscale(small);
  let [mass, sumX, sumY] = [0, 0, 0];
  pixels.forEach((value, index) => {
    mass += value;
    sumX += value * (index % 28);
    sumY += value * Math.floor(index / 28);
  });
  const shiftX = Math.round(13.5 - sumX / mass);
  const shiftY = Math.round(13.5 - sumY / mass);
  const centred = new Float32Array(784);
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const fromX = x - shiftX;
      const fromY = y - shiftY;
      if (fromX >= 0 && fromX < 28 && fromY >= 0 && fromY < 28) centred[y * 28 + x] = pixels[fromY * 28 + fromX];
    }
  }
  return centred;
}

/** A small canvas showing 784 values in [0, 1] (a test image, or what the model sees). */
export function imageCanvas(pixels: ArrayLike<number>, scale = 2, bytes = false): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = 28;
  canvas.height = 28;
  canvas.style.width = `${28 * scale}px`;
  canvas.style.height = `${28 * scale}px`;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    const value = bytes ? pixels[i] : Math.round(pixels[i] * 255);
    image.data.set([value, value, value, 255], i * 4);
  }
  context.putImageData(image, 0, 0);
  return canvas;
}

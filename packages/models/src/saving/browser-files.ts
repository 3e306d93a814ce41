import { tf } from '@dendrite/backend';

/**
 * Files a page holds: what an `<input type="file">` or a drop gives (`FileList`, `File[]`), or a
 * single `Blob`/`File` — one `.keras` or `.h5` file, or a `model.json` with its weight files.
 */
export type BrowserModelFiles = Blob | ArrayLike<Blob>;

/** What a page's files hold: the bytes of one model file, or a TF.js model.json with its shards. */
export type BrowserModelInput = { kind: 'bytes'; bytes: Uint8Array; where: string } | { kind: 'layers-model'; handler: tf.io.IOHandler; where: string };

const BlobClass = (globalThis as { Blob?: typeof Blob }).Blob;

/** Whether `source` is a Blob/File or a list of them (a `FileList`, an array). */
export function isBrowserModelFiles(source: unknown): source is BrowserModelFiles {
  if (BlobClass == null || source == null || typeof source !== 'object') return false;
  if (source instanceof BlobClass) return true;
  const list = source as ArrayLike<unknown>;
  return typeof list.length === 'number' && list.length > 0 && Array.from(list).every((item) => item instanceof BlobClass);
}

function fileName(blob: Blob, index: number): string {
  return (blob as Partial<File>).name || `blob ${index + 1}`;
}

/**
 * Reads a page's files as one model: a single file as its bytes (its format is then told by its
 * first bytes), or `model.json` and the weight files its manifest names (matched by file name, as
 * `tf.io.browserFiles` does) as a TF.js IO handler that reads them when the model loads.
 *
 * @throws Error when the files are neither one model file nor one `model.json` with its weights,
 *   naming the files received
 * @example
 * ```ts
 * input.onchange = async () => {
 *   const model = await loadModel(input.files!); // model.keras, keras_model.h5, or model.json + weights.bin
 * };
 * ```
 */
export async function readBrowserModelFiles(files: BrowserModelFiles): Promise<BrowserModelInput> {
  const list = BlobClass != null && files instanceof BlobClass ? [files] : Array.from(files as ArrayLike<Blob>);
  const names = list.map(fileName);
  const jsonIndexes = names.flatMap((name, index) => (/\.json$/i.test(name) ? [index] : []));
  if (list.length === 1 && jsonIndexes.length === 0) {
    return { kind: 'bytes', bytes: new Uint8Array(await list[0].arrayBuffer()), where: names[0] };
  }
  if (jsonIndexes.length !== 1) {
    throw new Error(
      `Expected one .keras or .h5 file, or one model.json with its weight files, received ${list.length} files (${names.join(', ')})`,
    );
  }
  const [jsonIndex] = jsonIndexes;
  const weightFiles = new Map(list.flatMap((blob, index) => (index === jsonIndex ? [] : [[names[index], blob] as const])));
  return { kind: 'layers-model', handler: layersModelFiles(list[jsonIndex], names[jsonIndex], weightFiles), where: names[jsonIndex] };
}

/**
 * An IO handler over `model.json` and its weight files, matched by file name (the last part of
 * each manifest path), as `tf.io.browserFiles` matches them; read with `Blob.text()` and
 * `arrayBuffer()`, so it also runs where there is no `FileReader` (Node, workers).
 */
function layersModelFiles(json: Blob, jsonName: string, weightFiles: Map<string, Blob>): tf.io.IOHandler {
  return {
    async load() {
      let modelJson: tf.io.ModelJSON;
      try {
        modelJson = JSON.parse(await json.text());
      } catch (error) {
        throw new Error(`Expected TF.js model JSON in "${jsonName}", received text that does not parse: ${(error as Error).message}`);
      }
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const buffers: ArrayBuffer[] = [];
        for (const path of manifest.flatMap((group) => group.paths)) {
          const name = path.split('/').pop() ?? path;
          const file = weightFiles.get(name);
          if (file == null) {
            const given = [...weightFiles.keys()];
            throw new Error(`Expected the weight file "${name}" that "${jsonName}" names, received ${given.length === 0 ? 'no weight file' : `only ${given.join(', ')}`}: pass model.json together with its weight files`);
          }
          buffers.push(await file.arrayBuffer());
        }
        return [manifest.flatMap((group) => group.weights), tf.io.concatenateArrayBuffers(buffers)];
      });
    },
  };
}

import { expect, it } from 'vitest';
import { readArray, readHdf5, writeHdf5 } from './hdf5';

it("refuses a dataset whose declared shape its file cannot hold, before asking HDF5 for the values", async () => {
  const bytes = await writeHdf5((file) => {
    file.create_dataset({ name: 'small', data: Float32Array.of(1, 2, 3), shape: [3], dtype: '<f' });
  }, 'small.h5');
  let valuesRead = false;
  // What a bit flip in a dataset's dataspace makes of a small file: a 20000×20000 float32 dataset.
  const flipped = {
    get: () => ({
      shape: [20000, 20000],
      metadata: { type: 1, size: 4, signed: false },
      get value() {
        valuesRead = true;
        return new Float32Array(0);
      },
    }),
  };
  await expect(readHdf5(bytes, 'model.h5', () => readArray(flipped as never, 'layers/dense/vars/0', 'model.h5'))).rejects.toThrow(
    `Expected dataset "layers/dense/vars/0" of "model.h5" to fit its file, received shape [20000,20000] (1600000000 bytes) in a file of ${bytes.length} bytes`,
  );
  expect(valuesRead).toBe(false);
  const small = await readHdf5(bytes, 'small.h5', (file) => readArray(file, 'small', 'small.h5'));
  expect([...small.values]).toEqual([1, 2, 3]);
});

it("turns HDF5's failures met while reading into errors naming the file", async () => {
  const bytes = await writeHdf5((file) => {
    file.create_dataset({ name: 'small', data: Float32Array.of(1), shape: [1], dtype: '<f' });
  }, 'small.h5');
  const diagnostic = 'HDF5-DIAG: Error detected in HDF5 (1.14.2):\n  #000: H5Gdeprec.c line 967 in H5Gget_objinfo(): get objinfo failed\n    minor: Object not found';
  await expect(readHdf5(bytes, 'flipped.h5', () => { throw new Error(diagnostic); })).rejects.toThrow('Expected a readable HDF5 file in "flipped.h5", received an HDF5 error: Object not found');
  await expect(readHdf5(bytes, 'flipped.h5', () => { throw new Error('Expected 2 variables'); })).rejects.toThrow(/^Expected 2 variables$/);
});

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listImageFiles } from './list-image-files';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding `files` (empty files: listing reads names only). */
function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'dendrite-list-'));
  dirs.push(root);
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
}

describe('listImageFiles', () => {
  it('walks each class folder in sorted order, keeping Keras’s extensions in any case and nothing else', () => {
    const root = tree(['b/.png', 'b/2.PNG', 'b/10.jpeg', 'b/1.Jpg', 'b/sub/0.bmp', 'b/x.ppm', 'b/y.pgm', 'b/README', 'b/notes.txt', 'b/png', 'b/a.png.txt', 'a/only.gif', 'c/c.png']);
    const list = listImageFiles(root);
    expect(list.classNames).toEqual(['a', 'b', 'c']);
    // Sorted by code unit ('.' < '1' < '2' < 's' < 'x'), sub-folders walked where they sort; '.png' ends with '.png', as Keras reads it.
    expect(list.filenames).toEqual(['b/.png', 'b/1.Jpg', 'b/10.jpeg', 'b/2.PNG', 'b/sub/0.bmp', 'b/x.ppm', 'b/y.pgm', 'c/c.png']);
    expect(Array.from(list.classes)).toEqual([1, 1, 1, 1, 1, 1, 1, 2]);
  });

  it('takes the classes given, in their order, and the fraction [from, to) of each class', () => {
    const root = tree(['a/1.png', 'a/2.png', 'a/3.png', 'a/4.png', 'a/5.png', 'a/6.png', 'a/7.png', 'b/1.png', 'b/2.png', 'b/3.png', 'z/1.png']);
    const given = listImageFiles(root, { classes: ['b', 'a'] });
    expect(given.classNames).toEqual(['b', 'a']);
    expect(given.filenames.slice(0, 4)).toEqual(['b/1.png', 'b/2.png', 'b/3.png', 'a/1.png']);
    expect(Array.from(given.classes)).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    // floor(0.3 · 7) = 2 and floor(0.3 · 3) = 0: validation [0, 0.3), training [0.3, 1).
    expect(listImageFiles(root, { split: [0, 0.3] }).filenames).toEqual(['a/1.png', 'a/2.png']);
    expect(listImageFiles(root, { split: [0.3, 1] }).filenames).toEqual(['a/3.png', 'a/4.png', 'a/5.png', 'a/6.png', 'a/7.png', 'b/1.png', 'b/2.png', 'b/3.png', 'z/1.png']);
  });

  it('follows symbolic links to class folders and sub-folders only with followLinks', () => {
    const elsewhere = tree(['x/1.png', 'deep/2.png']);
    const root = tree(['cats/0.png']);
    symlinkSync(join(elsewhere, 'x'), join(root, 'dogs'));
    symlinkSync(join(elsewhere, 'deep'), join(root, 'cats', 'linked'));
    symlinkSync(join(elsewhere, 'x', '1.png'), join(root, 'cats', '9.png'));
    const plain = listImageFiles(root);
    expect(plain.classNames).toEqual(['cats']);
    // A link to a file is listed either way; a link to a folder is not walked.
    expect(plain.filenames).toEqual(['cats/0.png', 'cats/9.png']);
    const followed = listImageFiles(root, { followLinks: true });
    expect(followed.classNames).toEqual(['cats', 'dogs']);
    expect(followed.filenames).toEqual(['cats/0.png', 'cats/9.png', 'cats/linked/2.png', 'dogs/1.png']);
  });

  it('names a root that is a file or missing, and a class without its folder', () => {
    const root = tree(['a/1.png']);
    expect(() => listImageFiles(join(root, 'a', '1.png'))).toThrow(`Expected a folder of class folders at "${join(root, 'a', '1.png')}", received a file`);
    expect(() => listImageFiles(join(root, 'none'))).toThrow(`Expected a folder of class folders at "${join(root, 'none')}", received nothing`);
    expect(() => listImageFiles(root, { classes: ['a', 'b'] })).toThrow(`Expected a folder for class "b" at "${join(root, 'b')}", received nothing`);
    expect(() => listImageFiles(root, { clases: ['a'] } as never)).toThrow(TypeError);
  });
});

/** A stand-in for the Large Movie Review Dataset, for the imdb-raw experiment's tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GOOD = ['A wonderful, moving film.', 'Great acting and a great story!', 'I loved it; brilliant.'];
const BAD = ['A dull, boring mess.', 'Terrible acting, awful plot.', 'I hated it: a waste.'];

/** Writes a tiny folder in aclImdb's layout under `root`: train/ and test/ with neg/ and pos/, plus train/unsup/. */
export function writeTinyAclImdb(root: string): void {
  for (const split of ['train', 'test']) {
    for (const [label, texts] of [['pos', GOOD], ['neg', BAD]] as const) {
      mkdirSync(join(root, 'aclImdb', split, label), { recursive: true });
      texts.forEach((text, index) => writeFileSync(join(root, 'aclImdb', split, label, `${index}_${label === 'pos' ? 9 : 2}.txt`), `${text} <br /><br />Seen in ${split}.`));
    }
  }
  mkdirSync(join(root, 'aclImdb', 'train', 'unsup'));
  writeFileSync(join(root, 'aclImdb', 'train', 'unsup', '0_0.txt'), 'no label');
}

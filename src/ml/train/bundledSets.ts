// Labelled sets that ship inside the repository (resources/datasets), because their licence allows it
// and a model trained from them must be reproducible from any clone. Found by walking up from this
// file, so the same code works from the sources (src/ml/train) and from a bundle (out/cli).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MARKER = join('resources', 'datasets');

/** The repository's resources/datasets folder; throws when neither this file nor a parent holds one. */
export function bundledDatasetsDir(from: string = import.meta.dirname): string {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, MARKER);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`No ${MARKER} folder above ${from}: the bundled datasets are missing from this checkout.`);
}

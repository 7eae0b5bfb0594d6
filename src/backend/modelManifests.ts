// Lists the models shipped in models/: each folder with a manifest.json naming it and its version.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ModelInfo {
  readonly name: string;
  readonly version: string;
}

export function listModelManifests(modelsDir: string): ModelInfo[] {
  if (!existsSync(modelsDir)) return [];
  const models: ModelInfo[] = [];
  for (const entry of readdirSync(modelsDir, { withFileTypes: true })) {
    const manifestFile = join(modelsDir, entry.name, 'manifest.json');
    if (!entry.isDirectory() || !existsSync(manifestFile)) continue;
    try {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { name?: unknown; version?: unknown };
      models.push({
        name: typeof manifest.name === 'string' ? manifest.name : entry.name,
        version: typeof manifest.version === 'string' ? manifest.version : 'unknown',
      });
    } catch {
      // A broken manifest is reported by the model registry when the model is loaded; listing skips it.
    }
  }
  return models.sort((a, b) => a.name.localeCompare(b.name));
}

// `stoa media import FILE... [--keep-metadata]` and `stoa media list`: the studio's media library
// from the terminal. Each file is imported on its own, so one bad file is reported and the rest
// still go in; the exit code is 1 when any file was refused.
import type { Command } from 'commander';
import { writeJson } from '../output.ts';

interface MediaFlags {
  readonly dataDir?: string;
  readonly json?: boolean;
}

interface ImportedLine {
  readonly file: string;
  readonly id: string;
  readonly duplicate: boolean;
  readonly format: string;
  readonly width: number;
  readonly height: number;
  readonly sha256: string;
  readonly path: string;
  readonly renditions: readonly { readonly target: string; readonly width: number; readonly height: number; readonly path: string }[];
}

const dataDirOption = ['-d, --data-dir <dir>', 'workspace folder (default: $STOA_DATA_DIR or the OS app-data folder)'] as const;

export function registerMedia(program: Command): void {
  const media = program.command('media').description('The studio media library: import images, list them with their renditions.');

  media
    .command('import')
    .description('Import JPEG, PNG or WebP files: upright, location metadata removed (unless --keep-metadata), renditions for each target.')
    .argument('<files...>', 'image files')
    .option(...dataDirOption)
    .option('--keep-metadata', 'keep EXIF/XMP/IPTC (location included) and the exact bytes')
    .option('--json', 'print one JSON object: imported (each with id), errors (each file, message)')
    .action(async (files: string[], flags: MediaFlags & { keepMetadata?: boolean }) => {
      const { readFile, stat } = await import('node:fs/promises');
      const { basename } = await import('node:path');
      const { createClient } = await import('../../api/client.ts');
      const { inProcessTransport } = await import('../../api/inProcess.ts');
      const { MEDIA_MAX_IMPORT_BYTES } = await import('../../api/mediaEndpoints.ts');
      const { openSyncWorkspace } = await import('../../backend/sync/workspace.ts');
      const workspace = openSyncWorkspace(flags.dataDir);
      const client = createClient(inProcessTransport(workspace.backend.handlers, workspace.backend.events));
      const imported: ImportedLine[] = [];
      const errors: { file: string; message: string }[] = [];
      try {
        for (const file of files) {
          const size = await stat(file).then((s) => (s.isFile() ? s.size : -1), () => null);
          if (size === null || size < 0) {
            errors.push({ file, message: size === null ? `${file} does not exist.` : `${file} is not a file.` });
            continue;
          }
          if (size > MEDIA_MAX_IMPORT_BYTES) {
            errors.push({ file, message: `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; Stoa imports images up to ${MEDIA_MAX_IMPORT_BYTES / 1024 / 1024} MB.` });
            continue;
          }
          const input = { name: basename(file), dataBase64: (await readFile(file)).toString('base64'), keepMetadata: flags.keepMetadata === true };
          const reply = await client.call('media.import', input);
          if (!reply.ok) {
            errors.push({ file, message: reply.error.message });
            continue;
          }
          const { asset, duplicate } = reply.value;
          imported.push({
            file,
            id: asset.id,
            duplicate,
            format: asset.format,
            width: asset.width,
            height: asset.height,
            sha256: asset.sha256,
            path: asset.path,
            renditions: asset.renditions.map((r) => ({ target: r.target, width: r.width, height: r.height, path: r.path })),
          });
        }
      } finally {
        await workspace.close();
      }
      if (flags.json) {
        writeJson({ imported, errors });
      } else {
        for (const line of imported) {
          process.stdout.write(`${line.id}\t${line.file}\t${line.format} ${line.width}×${line.height}${line.duplicate ? '\t(already in the library)' : ''}\n`);
        }
        for (const error of errors) process.stderr.write(`stoa: ${error.message}\n`);
      }
      if (errors.length > 0) process.exitCode = 1;
    });

  media
    .command('list')
    .description('List the media library, newest first, with ids and rendition sizes.')
    .option(...dataDirOption)
    .option('--json', 'print one JSON object: assets, total')
    .action(async (flags: MediaFlags) => {
      const { callOrThrow, createClient } = await import('../../api/client.ts');
      const { inProcessTransport } = await import('../../api/inProcess.ts');
      const { openSyncWorkspace } = await import('../../backend/sync/workspace.ts');
      const workspace = openSyncWorkspace(flags.dataDir);
      try {
        const client = createClient(inProcessTransport(workspace.backend.handlers, workspace.backend.events));
        const { assets, total } = await callOrThrow(client, 'media.list', { limit: 200 });
        if (flags.json) {
          writeJson({ assets, total });
          return;
        }
        for (const asset of assets) {
          const renditions = asset.renditions.map((r) => `${r.ratio} ${r.width}×${r.height}`).join(', ');
          process.stdout.write(`${asset.id}\t${asset.originalName}\t${asset.format} ${asset.width}×${asset.height}\t${renditions}\n`);
        }
        if (total > assets.length) process.stdout.write(`… and ${total - assets.length} more\n`);
      } finally {
        await workspace.close();
      }
    });
}

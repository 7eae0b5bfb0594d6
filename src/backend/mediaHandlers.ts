// media.* endpoints: composes the media pipeline (files) with the media store (records). Writes run
// one at a time: two imports of the same photo cannot race to the same content-addressed file, a
// failed step removes only files no record uses, and one large decode at a time bounds memory.
// Opening a workspace sweeps what a killed process left in the media folder (files no row names,
// temporaries, abandoned uploads); the sweep runs first in the same one-at-a-time chain. Moving a
// focal point moves the product tags of the posts that send the image cropped (store/postTagRemap.ts).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import type { OutputOf } from '../api/endpoints.ts';
import { CENTRE, type FocalPoint } from '../core/renditionTargets.ts';
import { findMediaBySource, getMediaAsset, insertMediaAsset, listMediaAssets, replaceFocalPoint, setMediaAltText, UnknownMediaError, type MediaAsset } from '../store/media.ts';
import { remapTagsForFocalPoint } from '../store/postTagRemap.ts';
import { deleteMediaAsset, MediaInUseError, referencedMediaFiles } from '../store/mediaDelete.ts';
import type { BackendContext } from './context.ts';

type MediaMethod = 'media.uploadPart' | 'media.import' | 'media.list' | 'media.get' | 'media.preview' | 'media.setFocalPoint' | 'media.setAltText' | 'media.delete';
type AssetView = OutputOf<'media.get'>;

export const mediaDirIn = (dataDir: string): string => join(dataDir, 'media');

/** sharp loads on first use, so opening a backend (and every CLI start) does not pay for it. */
const loadMedia = () => import('../media/index.ts');

export function mediaHandlers(ctx: BackendContext): Pick<Handlers, MediaMethod> {
  const mediaDir = mediaDirIn(ctx.dataDir);
  let writes: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = writes.then(work, work);
    writes = run.catch(() => undefined);
    return run;
  };

  if (existsSync(mediaDir)) {
    // Read now, while the database is surely open; the files are looked at in the background.
    const referenced = referencedMediaFiles(ctx.db);
    void oneAtATime(async () => {
      const { sweepMediaFolder } = await import('../media/sweep.ts');
      const swept = await sweepMediaFolder(mediaDir, referenced, Date.now());
      if (swept.orphans + swept.temporaries + swept.uploads > 0) {
        console.warn(`stoa: removed ${swept.orphans} media file(s) no record uses, ${swept.temporaries} temporary file(s) and ${swept.uploads} abandoned upload(s) left by an interrupted run.`);
      }
    }).catch((error: unknown) => console.warn(`stoa: the media folder sweep stopped: ${error instanceof Error ? error.message : String(error)}`));
  }

  const view = (asset: MediaAsset): AssetView => ({
    id: asset.id,
    sha256: asset.sha256,
    originalName: asset.originalName,
    format: asset.format,
    width: asset.width,
    height: asset.height,
    bytes: asset.bytes,
    path: join(mediaDir, asset.file),
    sourceOrientation: asset.sourceOrientation,
    orientationApplied: asset.orientationApplied,
    metadataStripped: asset.metadataStripped,
    focalPoint: asset.focalPoint,
    altText: asset.altText,
    createdAt: asset.createdAt,
    renditions: asset.renditions.map((r) => ({ target: r.target as AssetView['renditions'][number]['target'], ratio: r.ratio, width: r.width, height: r.height, sha256: r.sha256, path: join(mediaDir, r.file) })),
  });

  const assetOrFail = (id: string): MediaAsset => getMediaAsset(ctx.db, id) ?? fail('not_found', `There is no media asset with id ${id}.`);

  /** Runs a pipeline step, turning its expected refusals into API errors. */
  async function refusing<T>(step: () => Promise<T>): Promise<T> {
    const { MediaRefusedError, UnknownUploadError } = await loadMedia();
    try {
      return await step();
    } catch (error) {
      if (error instanceof MediaRefusedError || error instanceof UnknownUploadError) return fail('invalid_input', error.message);
      throw error;
    }
  }

  async function importBytes(name: string, bytes: Buffer, keepMetadata: boolean): Promise<OutputOf<'media.import'>> {
    const media = await loadMedia();
    const sourceSha256 = createHash('sha256').update(bytes).digest('hex');
    const earlier = findMediaBySource(ctx.db, sourceSha256, !keepMetadata);
    if (earlier) return { asset: view(earlier), duplicate: true };
    const { image, created } = await refusing(() => media.importImage(mediaDir, bytes, name, { keepMetadata }));
    const written = [...created];
    try {
      // Cut from the bytes given (one decode generation fewer than the re-encoded copy; renditions
      // never carry metadata either way). Later re-renders read the stored copy.
      const renditions = await media.renderAllRenditions(mediaDir, { input: bytes, width: image.width, height: image.height }, CENTRE, written);
      const asset = insertMediaAsset(ctx.db, { ...image, originalName: name, focalPoint: CENTRE }, renditions, ctx.who, ctx.clock);
      return { asset: view(asset), duplicate: false };
    } catch (error) {
      await media.removeCreated(written);
      throw error;
    }
  }

  async function moveFocalPoint(id: string, focal: FocalPoint): Promise<OutputOf<'media.setFocalPoint'>> {
    const media = await loadMedia();
    const asset = assetOrFail(id);
    if (asset.focalPoint.x === focal.x && asset.focalPoint.y === focal.y && asset.renditions.length > 0) return { ...view(asset), tagsRemapped: { posts: 0, tags: 0, outside: 0 } };
    const written: string[] = [];
    try {
      const renditions = await refusing(() => media.renderAllRenditions(mediaDir, { input: join(mediaDir, asset.file), width: asset.width, height: asset.height }, focal, written));
      // One transaction: the new renditions and the tags that move with them.
      const { asset: moved, unusedFiles, tagsRemapped } = ctx.db.transaction(() => {
        const replaced = replaceFocalPoint(ctx.db, id, focal, renditions, ctx.who, ctx.clock);
        return { ...replaced, tagsRemapped: remapTagsForFocalPoint(ctx.db, asset, asset.focalPoint, focal, ctx.who, ctx.clock) };
      })();
      await Promise.all(unusedFiles.map((file) => rm(join(mediaDir, file), { force: true })));
      return { ...view(moved), tagsRemapped };
    } catch (error) {
      await media.removeCreated(written);
      if (error instanceof UnknownMediaError) return fail('not_found', error.message);
      throw error;
    }
  }

  async function dataUrlOf(file: string, type: string): Promise<string> {
    try {
      return `data:${type};base64,${(await readFile(join(mediaDir, file))).toString('base64')}`;
    } catch {
      return fail('not_found', `The file ${join(mediaDir, file)} is missing from the workspace's media folder; import the image again.`);
    }
  }

  return {
    'media.uploadPart': ({ uploadId, dataBase64 }) =>
      oneAtATime(async () => {
        const { appendUploadPart } = await loadMedia();
        return refusing(() => appendUploadPart(mediaDir, uploadId, Buffer.from(dataBase64, 'base64')));
      }),
    'media.import': ({ name, dataBase64, uploadId, keepMetadata }) =>
      oneAtATime(async () => {
        const { takeUpload } = await loadMedia();
        const bytes = dataBase64 !== undefined ? Buffer.from(dataBase64, 'base64') : await refusing(() => takeUpload(mediaDir, uploadId as string));
        return importBytes(name, bytes, keepMetadata);
      }),
    'media.list': ({ limit, cursor }) => {
      const offset = cursor === null ? 0 : Number(cursor);
      if (!Number.isSafeInteger(offset) || offset < 0) return fail('invalid_input', 'The media page cursor is not one Stoa issued.');
      const { assets, total } = listMediaAssets(ctx.db, limit, offset);
      return { assets: assets.map(view), total, nextCursor: offset + assets.length < total ? String(offset + assets.length) : null };
    },
    'media.get': ({ id }) => view(assetOrFail(id)),
    'media.preview': async ({ id, target }) => {
      const asset = assetOrFail(id);
      if (target === undefined) return { dataUrl: await dataUrlOf(asset.thumbnailFile, 'image/webp'), width: null, height: null };
      const rendition = asset.renditions.find((r) => r.target === target) ?? fail('not_found', `The asset ${id} has no ${target} rendition.`);
      return { dataUrl: await dataUrlOf(rendition.file, 'image/jpeg'), width: rendition.width, height: rendition.height };
    },
    'media.setFocalPoint': ({ id, x, y }) => oneAtATime(() => moveFocalPoint(id, { x, y })),
    'media.delete': ({ id }) =>
      oneAtATime(async () => {
        let unusedFiles: string[];
        try {
          ({ unusedFiles } = deleteMediaAsset(ctx.db, id, ctx.who, ctx.clock));
        } catch (error) {
          if (error instanceof UnknownMediaError) return fail('not_found', error.message);
          if (error instanceof MediaInUseError) return fail('conflict', error.message);
          throw error;
        }
        // After the commit: a crash here leaves only files no row names, which the next sweep removes.
        await Promise.all(unusedFiles.map((file) => rm(join(mediaDir, file), { force: true })));
        return { id, removedFiles: unusedFiles.length };
      }),
    'media.setAltText': ({ id, altText }) => {
      try {
        return view(setMediaAltText(ctx.db, id, altText, ctx.who, ctx.clock));
      } catch (error) {
        if (error instanceof UnknownMediaError) return fail('not_found', error.message);
        throw error;
      }
    },
  };
}

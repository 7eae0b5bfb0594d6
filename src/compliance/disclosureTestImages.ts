// Rendered test images for OCR of superimposed disclosures: each wording a profile counts, drawn
// over coloured backgrounds with a shape behind it, at three sizes and three heights of a 1080²
// square (the feed format). SVG only; the media room rasterises it. Used by the OCR benchmark.
export const OCR_TEST_WORDINGS = [
  { text: '#ad', wording: 'hashtag_ad' },
  { text: 'Ad', wording: 'ad' },
  { text: 'Paid partnership', wording: 'paid_partnership' },
  { text: 'Sponsored', wording: 'sponsored' },
  { text: 'Advertisement', wording: 'advert' },
] as const;
const BACKGROUNDS = ['#d9c7b0', '#1d3557', '#f1faee', '#e63946'];

export interface DisclosureTestImage {
  readonly text: string;
  readonly wording: string;
  readonly background: string;
  readonly svg: string;
}

export function disclosureTestImages(): DisclosureTestImage[] {
  return OCR_TEST_WORDINGS.flatMap((w, wi) =>
    BACKGROUNDS.map((bg, bi) => {
      const i = wi * BACKGROUNDS.length + bi;
      const dark = bg === '#1d3557' || bg === '#e63946';
      const size = [36, 48, 64][i % 3] ?? 48;
      const y = [90, 540, 980][i % 3] ?? 90;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="1080"><rect width="100%" height="100%" fill="${bg}"/>
    <circle cx="700" cy="420" r="260" fill="${dark ? '#457b9d' : '#a8dadc'}"/>
    <text x="60" y="${y}" font-family="DejaVu Sans" font-weight="bold" font-size="${size}" fill="${dark ? '#ffffff' : '#111111'}">${w.text}</text></svg>`;
      return { text: w.text, wording: w.wording, background: bg, svg };
    }),
  );
}

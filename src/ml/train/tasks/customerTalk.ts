// Customers talking about products and places: the UCI "Sentiment Labelled Sentences" (Amazon product
// reviews and Yelp reviews, 1,000 each, CC BY 4.0), bundled in resources/datasets/customer-talk.
// Questions, praise and complaints about a product are not advertising: negatives for `commercial`.
import { loadSet } from '../datasets.ts';
import { dropDuplicates, splitRows, type Split } from '../split.ts';

export const CUSTOMER_TALK_TEST_FRACTION = 0.5;

/** Deduplicated sentences labelled not commercial, split into a training half and a held-out half. */
export function customerTalk(seed: number): Split {
  return splitRows(dropDuplicates(loadSet('', 'customer-talk')), CUSTOMER_TALK_TEST_FRACTION, seed + 113);
}

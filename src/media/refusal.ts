// Why an image was refused, as a stable code and a sentence that tells the person what to do.
export type RefusalReason = 'too_large' | 'too_many_pixels' | 'not_an_image' | 'unsupported_format' | 'damaged';

export class MediaRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'MediaRefusedError';
  }
}

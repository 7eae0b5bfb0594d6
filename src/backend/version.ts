// The version the app reports; package.json is the one source of truth.
import pkg from '../../package.json' with { type: 'json' };

export const STOA_VERSION: string = pkg.version;

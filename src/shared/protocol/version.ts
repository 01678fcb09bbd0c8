/** Protocol versions: the one this build speaks, and the ones a host accepts in hello. */
export const PROTOCOL_VERSION = 1;
export const SUPPORTED_PROTOCOLS: readonly number[] = [1];

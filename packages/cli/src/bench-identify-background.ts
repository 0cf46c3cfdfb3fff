/**
 * The background generators `sarhad bench identify` can build its gallery with (its worker makes the templates;
 * this module holds only the names, so the command can import them without starting a worker's code).
 */

/**
 * Background generators: `realistic` is the engine's background generator (ridge-flow minutiae); `uniform` is the
 * template-level generator (minutiae spread uniformly), several times cheaper to make, for scale runs where the
 * cost of building, not the realism of impostors, is the limit.
 */
export const BACKGROUNDS = ['realistic', 'uniform'] as const;
export type Background = (typeof BACKGROUNDS)[number];


/**
 * The closed set of template serialisations the engine reads and writes. The names are stable identifiers used in
 * decoded records, in format detection and by callers (CLI flags, the server's upload API); they name the
 * standard and its edition because later editions (ISO/IEC 19794-2:2011, ANSI/INCITS 378-2009) are different
 * layouts behind the same magic number.
 */

export const TEMPLATE_FORMATS = ['sarhad', 'iso19794-2:2005', 'ansi378-2004'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

/** Sarhad's own compact binary template ({@link encodeTemplate}). */
export const SARHAD_FORMAT = 'sarhad' satisfies TemplateFormat;
/** ISO/IEC 19794-2:2005 finger minutiae record. */
export const ISO19794_2_2005_FORMAT = 'iso19794-2:2005' satisfies TemplateFormat;
/** ANSI/INCITS 378-2004 finger minutiae record. */
export const ANSI378_2004_FORMAT = 'ansi378-2004' satisfies TemplateFormat;

/**
 * Parsers for option values, for commander's `.option(flags, description, parser)`. They throw CLI_INVALID_OPTION
 * naming the flag and the value, so `sarhad ... --dpi abc` fails with a stable code rather than running with NaN.
 */
import { CliError } from './errors.js';

/** A finite number > 0, e.g. `--dpi 569`. */
export function positiveNumber(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
      throw new CliError('CLI_INVALID_OPTION', `${flag} must be a positive number, got "${value}"`);
    }
    return n;
  };
}

/** A whole number >= 1, e.g. `--speed-runs 5`. */
export function positiveInteger(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
      throw new CliError('CLI_INVALID_OPTION', `${flag} must be a whole number >= 1, got "${value}"`);
    }
    return n;
  };
}

/** An image size `<width>x<height>` in pixels, e.g. `--frame 388x374`. */
export function frameSize(flag: string): (value: string) => { width: number; height: number } {
  return (value) => {
    const m = /^\s*(\d+)\s*[xX×]\s*(\d+)\s*$/.exec(value);
    const width = Number(m?.[1]);
    const height = Number(m?.[2]);
    if (m === null || width < 1 || height < 1) {
      throw new CliError('CLI_INVALID_OPTION', `${flag} must be <width>x<height> in pixels, such as 388x374, got "${value}"`);
    }
    return { width, height };
  };
}

/**
 * Maps a template back to the geometry of the finger it came from, for templates a vendor SDK made from images
 * that had been resized first. The SecuGen records in the shared data were made from FVC images resized to
 * 300 x 400 whatever their true size, and their header says 197 px/cm (500 dpi), so distances and angles between
 * minutiae are distorted differently for every set (a 388 x 374 FVC2002 DB1 image is squeezed by 0.77 across and
 * stretched by 1.07 down). The matcher's tolerances assume true 500-dpi geometry, so we undo the resize:
 *
 *   x' = x · sx,   y' = y · sy,   sx = (W · 500 / dpi) / w,   sy = (H · 500 / dpi) / h
 *
 * where w x h is the template's frame (as decoded, in engine pixels) and W x H at `dpi` the original image. That is
 * x · W / 300 back to the original pixels, then · 500 / dpi to 500 dpi (FVC2002 DB2 is 569 dpi).
 *
 * A direction θ points along the image vector (cos θ, -sin θ) (ISO/IEC 19794-2:2005 clause 6.4.1; template.ts).
 * An anisotropic scale maps that vector to (sx cos θ, -sy sin θ), so the new direction is
 *   θ' = atan2(sy · sin θ, sx · cos θ),
 * the direction of the ridge in the undistorted print (it is not θ: angles change unless sx = sy).
 */
import type { FingerprintTemplate, Minutia } from '@sarhad/engine';
import { ENGINE_DPI } from '@sarhad/engine';

/** The original capture a template's coordinates should be mapped to. */
export interface CaptureFrame {
  /** Original image width in pixels at `dpi`. */
  readonly width: number;
  /** Original image height in pixels at `dpi`. */
  readonly height: number;
  /** Original scanning resolution. */
  readonly dpi: number;
}

const TURN = 2 * Math.PI;

/** `template` with its minutiae, size and directions mapped from its own frame to `frame` at 500 dpi. */
export function mapTemplateFrame(template: FingerprintTemplate, frame: CaptureFrame): FingerprintTemplate {
  const width = (frame.width * ENGINE_DPI) / frame.dpi;
  const height = (frame.height * ENGINE_DPI) / frame.dpi;
  const sx = width / template.width;
  const sy = height / template.height;
  const minutiae = template.minutiae.map((m): Minutia => {
    let direction = Math.atan2(sy * Math.sin(m.direction), sx * Math.cos(m.direction));
    if (direction < 0) direction += TURN;
    // -1e-17 + 2π rounds to 2π, which is outside [0, 2π).
    if (direction >= TURN) direction = 0;
    return { ...m, x: m.x * sx, y: m.y * sy, direction };
  });
  return { ...template, width: Math.round(width), height: Math.round(height), minutiae };
}

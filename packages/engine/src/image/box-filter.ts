/**
 * Box sums over square windows through integral images: the cost per pixel is constant whatever the radius, which
 * keeps local statistics (mean, contrast, vote counts) cheap at 500 dpi. Windows are clipped at the image border
 * and the helpers report how many samples each clipped window holds.
 */

/** Integral image of `values` (width x height), (width + 1) x (height + 1) entries, Float64 for exact sums. */
export function integralImage(values: ArrayLike<number>, width: number, height: number): Float64Array {
  const stride = width + 1;
  const sums = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    const inRow = y * width;
    const outRow = (y + 1) * stride;
    for (let x = 0; x < width; x++) {
      row += values[inRow + x]!;
      sums[outRow + x + 1] = sums[outRow - stride + x + 1]! + row;
    }
  }
  return sums;
}

/**
 * Mean of `values` over the (2·radius + 1)² window around every pixel, clipped at the border. Writes into `out`
 * (allocated when omitted) and returns it.
 */
export function boxMean(
  values: ArrayLike<number>,
  width: number,
  height: number,
  radius: number,
  out: Float32Array = new Float32Array(width * height),
): Float32Array {
  const sums = integralImage(values, width, height);
  const stride = width + 1;
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(width, x + radius + 1);
      const sum = sums[y1 * stride + x1]! - sums[y0 * stride + x1]! - sums[y1 * stride + x0]! + sums[y0 * stride + x0]!;
      out[y * width + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

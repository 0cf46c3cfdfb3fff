/**
 * Box means over square windows by separable running sums: the cost per pixel is constant whatever the radius,
 * which keeps local statistics (mean, contrast) cheap at 500 dpi. Windows are clipped at the image border and each
 * pixel is divided by the number of samples its clipped window holds.
 */

/**
 * Mean of `values` over the (2·radius + 1)² window around every pixel, clipped at the border. Separable running
 * sums (Float64, exact for 8-bit data and its squares) cost four additions per pixel whatever the radius. Writes
 * into `out` (allocated when omitted) and returns it; `out` may be `values` itself.
 */
export function boxMean(
  values: Float32Array,
  width: number,
  height: number,
  radius: number,
  out: Float32Array = new Float32Array(width * height),
): Float32Array {
  const rows = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    let sum = 0;
    for (let x = 0; x < Math.min(width, radius); x++) sum += values[base + x]!;
    for (let x = 0; x < width; x++) {
      if (x + radius < width) sum += values[base + x + radius]!;
      if (x - radius - 1 >= 0) sum -= values[base + x - radius - 1]!;
      rows[base + x] = sum;
    }
  }
  const xCount = new Float64Array(width);
  for (let x = 0; x < width; x++) xCount[x] = Math.min(width - 1, x + radius) - Math.max(0, x - radius) + 1;
  const column = new Float64Array(width);
  for (let y = 0; y < Math.min(height, radius); y++) {
    for (let x = 0; x < width; x++) column[x] += rows[y * width + x]!;
  }
  for (let y = 0; y < height; y++) {
    const add = y + radius < height ? (y + radius) * width : -1;
    const remove = y - radius - 1 >= 0 ? (y - radius - 1) * width : -1;
    const yCount = Math.min(height - 1, y + radius) - Math.max(0, y - radius) + 1;
    const base = y * width;
    for (let x = 0; x < width; x++) {
      let c = column[x]!;
      if (add >= 0) c += rows[add + x]!;
      if (remove >= 0) c -= rows[remove + x]!;
      column[x] = c;
      out[base + x] = c / (yCount * xCount[x]!);
    }
  }
  return out;
}

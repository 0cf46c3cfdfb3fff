/**
 * Separable Gaussian blur of a float raster: the optical blur of an impression. A 2-D Gaussian is the product of
 * two 1-D ones, so two 1-D passes cost 2·(2r+1) instead of (2r+1)² operations a pixel. Borders replicate the
 * edge pixel, so a flat border stays flat.
 */

/** Blurs `input` (row-major width x height) with standard deviation `sigma` px; returns a new array. σ <= 0 copies. */
export function gaussianBlur(input: Float32Array, width: number, height: number, sigma: number): Float32Array {
  if (sigma <= 0) return input.slice();
  const radius = Math.max(1, Math.ceil(3 * sigma)); // ±3σ holds 99.7 % of the weight
  const kernel = new Float32Array(2 * radius + 1);
  let total = 0;
  for (let k = -radius; k <= radius; k++) {
    kernel[k + radius] = Math.exp((-k * k) / (2 * sigma * sigma));
    total += kernel[k + radius];
  }
  for (let k = 0; k < kernel.length; k++) kernel[k] /= total;
  const rows = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) {
        const xx = x + k < 0 ? 0 : x + k >= width ? width - 1 : x + k;
        sum += kernel[k + radius] * input[row + xx];
      }
      rows[row + x] = sum;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) {
        const yy = y + k < 0 ? 0 : y + k >= height ? height - 1 : y + k;
        sum += kernel[k + radius] * rows[yy * width + x];
      }
      out[y * width + x] = sum;
    }
  }
  return out;
}

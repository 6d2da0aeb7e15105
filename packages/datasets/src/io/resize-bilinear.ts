/**
 * Bilinear resize of an HWC image with half-pixel centres (as tf.image.resize, which Keras's
 * image_dataset_from_directory uses). Returns float32 values in the input's range.
 */
export function resizeBilinear(
  src: Uint8Array,
  height: number,
  width: number,
  channels: number,
  outHeight: number,
  outWidth: number,
): Float32Array {
  const out = new Float32Array(outHeight * outWidth * channels);
  const scaleY = height / outHeight;
  const scaleX = width / outWidth;
  for (let y = 0; y < outHeight; y++) {
    const sy = Math.min(Math.max((y + 0.5) * scaleY - 0.5, 0), height - 1);
    const y0 = Math.floor(sy);
    const y1 = Math.min(y0 + 1, height - 1);
    const fy = sy - y0;
    for (let x = 0; x < outWidth; x++) {
      const sx = Math.min(Math.max((x + 0.5) * scaleX - 0.5, 0), width - 1);
      const x0 = Math.floor(sx);
      const x1 = Math.min(x0 + 1, width - 1);
      const fx = sx - x0;
      for (let c = 0; c < channels; c++) {
        const a = src[(y0 * width + x0) * channels + c];
        const b = src[(y0 * width + x1) * channels + c];
        const d = src[(y1 * width + x0) * channels + c];
        const e = src[(y1 * width + x1) * channels + c];
        const top = a + (b - a) * fx;
        const bottom = d + (e - d) * fx;
        out[(y * outWidth + x) * channels + c] = top + (bottom - top) * fy;
      }
    }
  }
  return out;
}

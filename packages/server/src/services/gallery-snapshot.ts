/**
 * Gallery snapshot files: the engine writes and reads snapshots through small sink and source interfaces and does
 * no I/O itself (ARCHITECTURE.md), so the file handling is here (`sarhad bench identify` uses it
 * too). A write goes to `<file>.tmp` and is renamed into place after an fsync, so a crash mid-write
 * never leaves a half snapshot under the real name.
 */
import { closeSync, fsyncSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { FingerprintGallery, type FingerprintGalleryOptions } from '@sarhad/engine';

/** Writes `gallery` to `path` atomically with `watermark`; returns the bytes written. */
export function writeGallerySnapshot(gallery: FingerprintGallery, path: string, watermark: string): number {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  let bytes = 0;
  try {
    gallery.writeSnapshot(
      {
        write(chunk) {
          let at = 0;
          while (at < chunk.byteLength) at += writeSync(fd, chunk, at, chunk.byteLength - at);
          bytes += chunk.byteLength;
        },
      },
      { watermark },
    );
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return bytes;
}

/** Loads a gallery from a snapshot file (ENGINE_SNAPSHOT_INVALID / _CORRUPT when it is not a sound snapshot). */
export function readGallerySnapshot(
  path: string,
  options: FingerprintGalleryOptions = {},
): { gallery: FingerprintGallery; watermark: string | undefined } {
  const fd = openSync(path, 'r');
  try {
    return FingerprintGallery.loadSnapshot({ read: (into) => readSync(fd, into, 0, into.byteLength, null) }, options);
  } finally {
    closeSync(fd);
  }
}

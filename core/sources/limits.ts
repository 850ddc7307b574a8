// Caps that keep hostile archives from exhausting disk, memory or time (SECURITY.md section 3).
// A real cost export compresses 10–40:1; a decompression bomb compresses about 1000:1.

export interface SourceLimits {
  /** Largest decompressed size of one .gz file or zip entry. */
  maxDecompressedBytes: number
  /** Largest compression ratio, checked once a stream has produced `ratioCheckAfterBytes`. */
  maxCompressionRatio: number
  ratioCheckAfterBytes: number
  /** Largest number of entries in one zip archive. */
  maxZipEntries: number
  /** Largest total decompressed size of all entries of one zip archive. */
  maxZipTotalBytes: number
  /** Files found below one folder (a guard against pointing at a whole disk). */
  maxFolderFiles: number
}

const GB = 1024 * 1024 * 1024

export const DEFAULT_LIMITS: SourceLimits = {
  maxDecompressedBytes: 32 * GB,
  maxCompressionRatio: 300,
  ratioCheckAfterBytes: 64 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxZipTotalBytes: 64 * GB,
  maxFolderFiles: 100_000,
}

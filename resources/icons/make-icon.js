#!/usr/bin/env node
// Draws the CUR Lens icon (a magnifying lens over a bar chart) into icon.png, 512×512 RGBA, with
// no dependency: shapes are sampled 4×4 per pixel for smooth edges and written as a PNG with zlib.
// Run `node resources/icons/make-icon.js` after changing the drawing.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const SAMPLES = 4

const BACKGROUND_TOP = [24, 62, 104]
const BACKGROUND_BOTTOM = [40, 112, 178]
const GLASS = [226, 238, 248]
const RING = [255, 255, 255]
const BARS = [242, 169, 0]

const LENS = { x: 226, y: 222, outer: 152, inner: 120 }
const HANDLE = { x1: 334, y1: 330, x2: 432, y2: 428, width: 46 }
const BAR_LIST = [
  { x0: 156, x1: 196, top: 238 },
  { x0: 208, x1: 248, top: 186 },
  { x0: 260, x1: 300, top: 146 },
]
const BAR_BOTTOM = 292

function insideRoundedSquare(x, y, radius = 100) {
  const cx = Math.min(Math.max(x, radius), SIZE - radius)
  const cy = Math.min(Math.max(y, radius), SIZE - radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}

function distanceToSegment(x, y, { x1, y1, x2, y2 }) {
  const dx = x2 - x1
  const dy = y2 - y1
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))
}

/** The color at a point, or null outside the icon. */
function colorAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null
  const r = Math.hypot(x - LENS.x, y - LENS.y)
  if (r <= LENS.inner) {
    const bar = BAR_LIST.find((b) => x >= b.x0 && x <= b.x1 && y >= b.top && y <= BAR_BOTTOM)
    return bar ? BARS : GLASS
  }
  if (r <= LENS.outer || distanceToSegment(x, y, HANDLE) <= HANDLE.width / 2) return RING
  const t = y / SIZE
  return BACKGROUND_TOP.map((c, i) => c + (BACKGROUND_BOTTOM[i] - c) * t)
}

function render() {
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 4))
  for (let py = 0; py < SIZE; py++) {
    const rowStart = py * (1 + SIZE * 4)
    rows[rowStart] = 0
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0]
      let covered = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const color = colorAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)
          if (!color) continue
          covered++
          for (let i = 0; i < 3; i++) sum[i] += color[i]
        }
      }
      const at = rowStart + 1 + px * 4
      for (let i = 0; i < 3; i++) rows[at + i] = covered ? Math.round(sum[i] / covered) : 0
      rows[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES))
    }
  }
  return rows
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header[8] = 8 // bit depth
header[9] = 6 // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(render(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
writeFileSync(new URL('./icon.png', import.meta.url), png)

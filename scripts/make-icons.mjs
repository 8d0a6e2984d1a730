#!/usr/bin/env node
// Draws the application icon with plain Node (no image libraries) and writes every format the
// installers need: resources/icon.png (512×512), resources/icon-256.png, resources/icon.ico
// (16–256 px) and resources/icon.icns (16–512 px). The motif: three routines wired by connections.
// Run: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const out = fileURLToPath(new URL('../resources/', import.meta.url))

// ---------- drawing (signed distance fields, anti-aliased by coverage) ----------

const clamp01 = (v) => Math.min(1, Math.max(0, v))
const mix = (a, b, t) => a + (b - a) * t

function roundedRect(px, py, cx, cy, hw, hh, r) {
  const qx = Math.abs(px - cx) - hw + r
  const qy = Math.abs(py - cy) - hh + r
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}
const circle = (px, py, cx, cy, r) => Math.hypot(px - cx, py - cy) - r
function segment(px, py, ax, ay, bx, by, r) {
  const [dx, dy, ex, ey] = [px - ax, py - ay, bx - ax, by - ay]
  const t = clamp01((dx * ex + dy * ey) / (ex * ex + ey * ey))
  return Math.hypot(dx - ex * t, dy - ey * t) - r
}
/** A cubic Bézier as a chain of capsules (a smooth connection like the editor draws). */
function curve(px, py, a, b, r) {
  const c1 = [mix(a[0], b[0], 0.5), a[1]]
  const c2 = [mix(a[0], b[0], 0.5), b[1]]
  let best = Number.POSITIVE_INFINITY
  let prev = a
  for (let i = 1; i <= 16; i++) {
    const t = i / 16
    const u = 1 - t
    const p = [
      u * u * u * a[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t * t * t * b[0],
      u * u * u * a[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t * t * t * b[1],
    ]
    best = Math.min(best, segment(px, py, prev[0], prev[1], p[0], p[1], r))
    prev = p
  }
  return best
}

/** Paints the icon in a 512-unit space onto a size×size RGBA buffer. */
function render(size) {
  const s = size / 512
  const pixels = Buffer.alloc(size * size * 4)
  const cover = (d) => clamp01(0.5 - d * s) // d in icon units, one pixel of antialiasing
  const layers = (x, y) => {
    // Background: rounded square with a diagonal blue gradient.
    const t = clamp01((x + y) / 1024)
    let rgb = [mix(0x35, 0x1b, t), mix(0x6f, 0x3a, t), mix(0xc4, 0x72, t)]
    let alpha = cover(roundedRect(x, y, 256, 256, 240, 240, 100))
    const paint = (color, coverage) => {
      rgb = rgb.map((c, i) => mix(c, color[i], coverage))
    }
    const left = [148, 256]
    const topRight = [372, 168]
    const bottomRight = [372, 344]
    // Connections from the left routine's event to the right routines' slots.
    paint([255, 255, 255], 0.9 * cover(curve(x, y, [196, 256], [324, 168], 11)))
    paint([255, 255, 255], 0.9 * cover(curve(x, y, [196, 256], [324, 344], 11)))
    // Routines: white cards.
    for (const [cx, cy] of [left, topRight, bottomRight])
      paint([255, 255, 255], cover(roundedRect(x, y, cx, cy, 52, 40, 14)))
    // Ports: the event (orange) on the left card, the slots (blue) on the right cards.
    paint([0xf5, 0x9e, 0x0b], cover(circle(x, y, 200, 256, 15)))
    paint([0x25, 0x63, 0xeb], cover(circle(x, y, 320, 168, 15)))
    paint([0x25, 0x63, 0xeb], cover(circle(x, y, 320, 344, 15)))
    // A title bar on each card hints at a routine node.
    for (const [cx, cy] of [left, topRight, bottomRight])
      paint([0xdb, 0xe6, 0xf6], cover(roundedRect(x, y, cx, cy - 22, 38, 6, 6)))
    alpha = clamp01(alpha)
    return [...rgb, alpha * 255]
  }
  // 3×3 supersampling on top of the distance-based coverage for small sizes.
  const n = size < 64 ? 3 : 1
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0]
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [r, g, b, a] = layers(
            ((px + (sx + 0.5) / n) * 512) / size,
            ((py + (sy + 0.5) / n) * 512) / size,
          )
          acc[0] += r * a
          acc[1] += g * a
          acc[2] += b * a
          acc[3] += a
        }
      }
      const i = (py * size + px) * 4
      const a = acc[3] / (n * n)
      pixels[i] = acc[3] ? Math.round(acc[0] / acc[3]) : 0
      pixels[i + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0
      pixels[i + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0
      pixels[i + 3] = Math.round(a)
    }
  }
  return pixels
}

// ---------- PNG encoder ----------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
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
function png(size) {
  const rgba = render(size)
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0 // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// ---------- ICO (PNG-compressed entries) and ICNS ----------

function ico(images) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  const entries = []
  let offset = 6 + 16 * images.length
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0)
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(data.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += data.length
    entries.push(entry)
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)])
}

function icns(images) {
  const parts = images.map(({ type, data }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(data.length + 8, 4)
    return Buffer.concat([head, data])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4)
  return Buffer.concat([head, ...parts])
}

const sizes = [16, 32, 48, 64, 128, 256, 512]
const pngs = new Map(sizes.map((size) => [size, png(size)]))
const get = (size) => pngs.get(size)

writeFileSync(join(out, 'icon.png'), get(512))
writeFileSync(join(out, 'icon-256.png'), get(256))
writeFileSync(
  join(out, 'icon.ico'),
  ico([16, 32, 48, 64, 128, 256].map((size) => ({ size, data: get(size) }))),
)
writeFileSync(
  join(out, 'icon.icns'),
  icns([
    { type: 'icp4', data: get(16) },
    { type: 'icp5', data: get(32) },
    { type: 'icp6', data: get(64) },
    { type: 'ic07', data: get(128) },
    { type: 'ic08', data: get(256) },
    { type: 'ic09', data: get(512) },
  ]),
)
process.stdout.write(`icons written to ${out}: icon.png, icon-256.png, icon.ico, icon.icns\n`)

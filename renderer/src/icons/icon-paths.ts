/**
 * The studio's icon set: SVG path data on a 16 × 16 grid, drawn with `currentColor`. Icons are
 * inline SVG so they look the same on every system (no icon font, no system glyphs, nothing fetched).
 * Paths are stroked, unless the whole icon is in `FILLED` or the path is given as `{ fill }`.
 */

const circle = (cx: number, cy: number, r: number): string =>
  `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`

/** One path of an icon: stroked path data, or `{ fill }` for a filled shape within an outline icon. */
export type IconPath = string | { readonly fill: string }

export const ICON_PATHS = {
  // Routine types and categories
  play: ['M5 3.2v9.6L12.6 8z'],
  split: ['M2 8h4.5', 'M6.5 8 13 3.5', 'M6.5 8H13', 'M6.5 8 13 12.5'],
  aggregate: ['M3 3.5 9.5 8', 'M3 8h6.5', 'M3 12.5 9.5 8', 'M9.5 8H14'],
  branch: ['M2 8h3.5c2.5 0 3-4.5 5.5-4.5H14', 'M5.5 8c2.5 0 3 4.5 5.5 4.5H14'],
  map: ['M3 5v6', 'M3 8h9', 'M9.5 5.5 12 8l-2.5 2.5'],
  pencil: ['M3 13l.9-3.3 7-7 2.4 2.4-7 7z', 'M9.6 4l2.4 2.4'],
  stack: ['M2.5 3.5h11v9h-11z', 'M2.5 6.5h11', 'M2.5 9.5h11'],
  waves: [
    'M2 5c2-1.4 4 1.4 6 0s4-1.4 6 0',
    'M2 8c2-1.4 4 1.4 6 0s4-1.4 6 0',
    'M2 11c2-1.4 4 1.4 6 0s4-1.4 6 0',
  ],
  join: ['M2.5 4v8L8 8z', 'M13.5 4v8L8 8z'],
  filter: ['M2.5 3h11L9.3 8v5l-2.6-1.5V8z'],
  hourglass: ['M4 2.5h8', 'M4 13.5h8', 'M5 2.5v1.7L8 8l3-3.8V2.5', 'M5 13.5v-1.7L8 8l3 3.8v1.7'],
  clock: [circle(8, 8, 5.5), 'M8 5v3l2.2 1.6'],
  flow: ['M2 5h10', 'M10 3l2 2-2 2', 'M2 11h10', 'M10 9l2 2-2 2'],
  braces: [
    'M6 2.5c-1.4 0-2 .6-2 2V6c0 1-.5 2-1.5 2 1 0 1.5 1 1.5 2v1.5c0 1.4.6 2 2 2',
    'M10 2.5c1.4 0 2 .6 2 2V6c0 1 .5 2 1.5 2-1 0-1.5 1-1.5 2v1.5c0 1.4-.6 2-2 2',
  ],
  text: ['M3 3.5h10', 'M8 3.5v9.5'],
  gear: [
    'M12.76 6.82 14.53 7.02v1.96l-1.77.2-.56 1.35 1.11 1.39-1.39 1.39-1.39-1.11-1.35.56-.2 1.77H7.02l-.2-1.77-1.35-.56-1.39 1.11-1.39-1.39 1.11-1.39-.56-1.35-1.77-.2V7.02l1.77-.2.56-1.35-1.11-1.39 1.39-1.39 1.39 1.11 1.35-.56.2-1.77h1.96l.2 1.77 1.35.56 1.39-1.11 1.39 1.39-1.11 1.39z',
    circle(8, 8, 2),
  ],
  function: ['M11 2.5c-2 0-2.6 1-2.9 3L6.6 12c-.3 1.4-.9 1.9-2.4 1.9', 'M5.5 7h5'],
  code: ['M5.5 4.5 2 8l3.5 3.5', 'M10.5 4.5 14 8l-3.5 3.5'],
  check: ['M3 8.5l3 3 7-7'],
  database: [
    'M3 4c0-1 2.2-1.8 5-1.8s5 .8 5 1.8v8c0 1-2.2 1.8-5 1.8S3 13 3 12z',
    'M3 4c0 1 2.2 1.8 5 1.8S13 5 13 4',
    'M3 8c0 1 2.2 1.8 5 1.8S13 9 13 8',
  ],
  sink: ['M8 2.5v8', 'M4.5 7 8 10.5 11.5 7', 'M3 13.5h10'],
  source: ['M8 13.5v-8', 'M4.5 9 8 5.5 11.5 9', 'M3 2.5h10'],
  scissors: [circle(4, 4.5, 1.8), circle(4, 11.5, 1.8), 'M5.6 5.5 13.5 12', 'M5.6 10.5 13.5 4'],
  list: ['M3 4h10', 'M3 8h10', 'M3 12h10'],
  unknown: ['M5.8 6a2.2 2.2 0 1 1 3.3 1.9c-.7.4-1.1.9-1.1 1.7v.6', 'M8 12.3v.4'],
  diamond: ['M8 2.5 13.5 8 8 13.5 2.5 8z'],
  // Live status of a routine
  circle: [circle(8, 8, 4.5)],
  dot: [{ fill: circle(8, 8, 4.5) }],
  retry: ['M12.5 8a4.5 4.5 0 1 1-1.3-3.2', 'M12 2.5v2.8H9.2'],
  skip: ['M3 11.5c0-4 2.5-6.5 6.5-6.5H13', 'M10.5 2.5 13 5l-2.5 2.5'],
  alert: ['M8 3v6', 'M8 12.3v.4'],
  // Window controls
  pause: ['M4 3h3v10H4z', 'M9 3h3v10H9z'],
  stop: ['M3.5 3.5h9v9h-9z'],
  sliders: ['M2.5 4.5h11', 'M2.5 11.5h11', circle(5.5, 4.5, 1.6), circle(10.5, 11.5, 1.6)],
  sun: [
    circle(8, 8, 2.8),
    'M8 1.5v1.6M8 12.9v1.6M1.5 8h1.6M12.9 8h1.6M3.4 3.4l1.1 1.1M11.5 11.5l1.1 1.1M3.4 12.6l1.1-1.1M11.5 4.5l1.1-1.1',
  ],
  moon: ['M13 9.6A5.5 5.5 0 1 1 6.4 3a4.4 4.4 0 0 0 6.6 6.6z'],
  contrast: [circle(8, 8, 5.5), { fill: 'M8 2.5v11a5.5 5.5 0 0 0 0-11z' }],
  close: ['M4 4l8 8', 'M12 4l-8 8'],
  folder: ['M2 4h4.2l1.5 1.5H14v7H2z'],
  file: ['M4 2h5l3 3v9H4z', 'M9 2v3h3'],
  download: ['M8 2.5v7.5', 'M4.8 7 8 10.2 11.2 7', 'M3 13.5h10'],
  alignLeft: ['M2.5 2v12', 'M5 4h8v2.5H5z', 'M5 9.5h5V12H5z'],
  alignCenter: ['M8 2v12', 'M3.5 4h9v2.5h-9z', 'M5 9.5h6V12H5z'],
  alignRight: ['M13.5 2v12', 'M3 4h8v2.5H3z', 'M6 9.5h5V12H6z'],
  alignTop: ['M2 2.5h12', 'M4 5h2.5v8H4z', 'M9.5 5H12v5H9.5z'],
  alignMiddle: ['M2 8h12', 'M4 3.5h2.5v9H4z', 'M9.5 5H12v6H9.5z'],
  alignBottom: ['M2 13.5h12', 'M4 3h2.5v8H4z', 'M9.5 6H12v5H9.5z'],
  brand: ['M2 4.5h4v3H2z', 'M10 8.5h4v3h-4z', 'M6 6c2.5 0 1.5 4 4 4'],
} as const satisfies Record<string, readonly IconPath[]>

/** Name of an icon of the set. */
export type IconName = keyof typeof ICON_PATHS

/** Icons drawn as filled shapes rather than outlines. */
export const FILLED: ReadonlySet<IconName> = new Set<IconName>(['play', 'pause', 'stop', 'diamond'])

/** Whether `name` is an icon of the set. */
export function isIconName(name: string): name is IconName {
  return Object.hasOwn(ICON_PATHS, name)
}

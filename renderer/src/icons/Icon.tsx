/** One icon of the studio's inline SVG set, sized by CSS (1em by default) and coloured by `color`. */
import { memo } from 'react'
import { FILLED, ICON_PATHS, type IconName, type IconPath } from './icon-paths'

interface IconProps {
  readonly name: IconName
  readonly className?: string
}

function IconView({ name, className }: IconProps) {
  const filled = FILLED.has(name)
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 16 16"
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      focusable="false"
      data-icon={name}
    >
      {ICON_PATHS[name].map((path: IconPath) =>
        typeof path === 'string' ? (
          <path key={path} d={path} />
        ) : (
          <path key={path.fill} d={path.fill} fill="currentColor" stroke="none" />
        ),
      )}
    </svg>
  )
}

export const Icon = memo(IconView)

/** Applies the theme: the user's choice, or the operating system's when set to follow it. */
import { useEffect, useState } from 'react'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'

const selectTheme = (s: StudioState) => s.theme
const DARK_QUERY = '(prefers-color-scheme: dark)'

/** Sets `data-theme` on the root element and returns the theme in effect. */
export function useTheme(): 'light' | 'dark' {
  const preference = useStudio(selectTheme)
  const [systemDark, setSystemDark] = useState(() => globalThis.matchMedia?.(DARK_QUERY).matches ?? false)
  useEffect(() => {
    const query = globalThis.matchMedia?.(DARK_QUERY)
    if (!query) return
    const onChange = () => setSystemDark(query.matches)
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [])
  const effective = preference === 'system' ? (systemDark ? 'dark' : 'light') : preference
  useEffect(() => {
    document.documentElement.dataset.theme = effective
    document.documentElement.style.colorScheme = effective
  }, [effective])
  return effective
}

/**
 * In a browser tab (web mode) closing or reloading with unsaved changes asks first. The desktop
 * shell has its own close prompt, so the guard stays off there.
 */
import { useEffect } from 'react'
import { isDirty } from '../store/files-slice'
import { useStudioStore } from '../store/StoreProvider'

export function useUnloadGuard(): void {
  const store = useStudioStore()
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const state = store.getState()
      if (state.appInfo?.capabilities.windowShell || !isDirty(state)) return
      event.preventDefault()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [store])
}

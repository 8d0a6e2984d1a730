/**
 * Subscribes a component to a slice of the studio store, re-rendering it at most once per `ms` (the
 * latest value always lands). For views of fast-changing run data — the event log, the job list —
 * that need not follow every batch.
 */
import { useEffect, useState } from 'react'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'

export function useStudioThrottled<T>(selector: (state: StudioState) => T, ms: number): T {
  const store = useStudioStore()
  const [value, setValue] = useState(() => selector(store.getState()))
  useEffect(() => {
    let last = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const update = () => {
      last = Date.now()
      timer = undefined
      setValue(() => selector(store.getState()))
    }
    const unsubscribe = store.subscribe(selector, () => {
      if (timer !== undefined) return
      const wait = last + ms - Date.now()
      if (wait <= 0) update()
      else timer = setTimeout(update, wait)
    })
    update()
    return () => {
      unsubscribe()
      clearTimeout(timer)
    }
  }, [store, selector, ms])
  return value
}

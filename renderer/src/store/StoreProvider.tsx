/** Makes one studio store available to the component tree. */
import { createContext, type ReactNode, useContext } from 'react'
import type { StudioStore } from './state'

const StoreContext = createContext<StudioStore | null>(null)

export function StoreProvider({ store, children }: { store: StudioStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

/** The studio store (for actions and imperative reads); throws outside a provider. */
export function useStudioStore(): StudioStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useStudioStore must be used inside <StoreProvider>')
  return store
}

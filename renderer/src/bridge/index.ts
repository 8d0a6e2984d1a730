export { getBridge, setBridge } from './bridge'
export { type BridgeEnvironment, createBridge, webSocketUrl } from './create-bridge'
export { createIpcBridge } from './ipc-bridge'
export { RETRY_POLICY, type RetryPolicy, retryPolicyOf } from './retry-policy'
export {
  type ClosableBridge,
  createWebSocketBridge,
  type WebSocketBridgeOptions,
  type WebSocketLike,
} from './ws-bridge'

export * from './d2-renderer'

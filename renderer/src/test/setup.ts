/**
 * Setup of every renderer test file. The editor's live validation loads its checks on first use; a
 * test that ends before that import settles would see the environment torn down under it, so the
 * checks are loaded once up front.
 */
import '../document/check-flow'

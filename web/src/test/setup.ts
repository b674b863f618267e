import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { tokenStore } from '../auth/tokenStore';

// findBy…/waitFor give up after 1 s by default; on a busy 2-core machine (the test files run
// in parallel) a first render can take longer than that without anything being wrong.
configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  cleanup();
  tokenStore.reset();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { tokenStore } from '../auth/tokenStore';

afterEach(() => {
  cleanup();
  tokenStore.reset();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

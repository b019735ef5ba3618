import { describe, expect, it } from 'vitest';
import { ErrorCode, isReaderError, ReaderError } from './errors.js';

describe('ReaderError', () => {
  it('keeps the error it explains as its cause, and its code and context', () => {
    const low = new TypeError('SQLITE_FULL: database or disk is full');
    const e = new ReaderError(
      ErrorCode.Store_Failed,
      'cannot store the result',
      { counter: 7 },
      { cause: low },
    );
    expect(e.cause).toBe(low);
    expect(e.codeName).toBe('Store_Failed');
    expect(e.context).toEqual({ counter: 7 });
    expect(isReaderError(e, ErrorCode.Store_Failed)).toBe(true);
    expect(new ReaderError(ErrorCode.Usage, 'x').cause).toBeUndefined();
  });
});

import { z } from 'zod';

/** A comma-separated setting as a list of its trimmed, non-empty items (`a, b,,c` → `['a', 'b', 'c']`). */
export const commaList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) =>
      s
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

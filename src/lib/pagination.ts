export interface PageSlice<T> {
  items: T[];
  currentPage: number;
  lastPage: number;
}

/** Splits `items` into pages of `size`; there is always at least one (possibly empty) page. */
export function paginateItems<T>(items: readonly T[], size: number): PageSlice<T>[] {
  const lastPage = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: lastPage }, (_, index) => ({
    items: items.slice(index * size, (index + 1) * size),
    currentPage: index + 1,
    lastPage,
  }));
}

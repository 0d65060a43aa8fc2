/** How many rows a console list shows at once, and where it starts. */
export type PageRequest = { take?: number; skip?: number };

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export function clampPage(request: PageRequest): { take: number; skip: number } {
  const take = Number.isInteger(request.take) ? Math.min(Math.max(request.take!, 1), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const skip = Number.isInteger(request.skip) ? Math.max(request.skip!, 0) : 0;
  return { take, skip };
}

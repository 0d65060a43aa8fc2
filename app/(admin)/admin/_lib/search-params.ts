/** Reading a console page's query string: one value per name, and where the page of results starts. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const firstParam = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function pageStart(params: Record<string, string | string[] | undefined>): number {
  const skip = Number(firstParam(params.skip));
  return Number.isInteger(skip) && skip > 0 ? skip : 0;
}

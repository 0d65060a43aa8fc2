import { Button } from '@/components/ui/button';
import { fieldControlClass } from '@/components/ui/field';

type Option = { value: string; label: string };

/**
 * A list's search box (and optional status filter) as a plain GET form: the query lives in the
 * URL, so results can be linked, reloaded and used without JavaScript.
 */
export function SearchBar({ action, label, placeholder, query, status }: { action: string; label: string; placeholder: string; query: string; status?: { value: string; options: readonly Option[] } }) {
  return (
    <form action={action} method="get" role="search" aria-label={label} className="flex flex-col gap-2 sm:flex-row">
      <label className="sr-only" htmlFor="admin-search">
        {label}
      </label>
      <input id="admin-search" name="q" type="search" defaultValue={query} placeholder={placeholder} className={`${fieldControlClass(false)} sm:flex-1`} />
      {status ? (
        <>
          <label className="sr-only" htmlFor="admin-status">
            Show
          </label>
          <select id="admin-status" name="status" defaultValue={status.value} className={`${fieldControlClass(false)} pr-8 sm:w-44`}>
            {status.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <Button type="submit" variant="secondary" fullWidth={false}>
        Search
      </Button>
    </form>
  );
}

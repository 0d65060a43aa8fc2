/**
 * A readable page from an OpenAPI 3.1 document: every operation with its method, path, summary,
 * parameters, request body fields and responses. Server-rendered from the JSON (no scripts, no
 * external assets); schemas are JSON Schema 2020-12, with $refs into components.schemas.
 */
import type { ReactNode } from 'react';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const METHOD_TONE: Record<string, string> = {
  get: 'bg-blue-50 text-blue-800 ring-blue-200',
  post: 'bg-green-50 text-green-800 ring-green-200',
  put: 'bg-amber-50 text-amber-900 ring-amber-200',
  patch: 'bg-amber-50 text-amber-900 ring-amber-200',
  delete: 'bg-red-50 text-red-800 ring-red-200',
};
const SAFE_INT = 9007199254740991;

type Operation = { method: string; path: string; op: Json; parameters: Json[] };

const refName = (schema: Json) => (typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() ?? null : null);
export const anchorFor = (op: Operation) => (typeof op.op.operationId === 'string' ? op.op.operationId : `${op.method}-${op.path.replace(/[^a-z0-9]+/gi, '-')}`);

function operationsOf(doc: Json): Operation[] {
  const paths = isObject(doc.paths) ? doc.paths : {};
  return Object.entries(paths).flatMap(([path, item]) => {
    if (!isObject(item)) return [];
    const shared = Array.isArray(item.parameters) ? item.parameters.filter(isObject) : [];
    return METHODS.filter((m) => isObject(item[m])).map((method) => {
      const op = item[method] as Json;
      const own = Array.isArray(op.parameters) ? op.parameters.filter(isObject) : [];
      return { method, path, op, parameters: [...shared, ...own] };
    });
  });
}

function resolve(schema: Json, schemas: Json): Json {
  const name = refName(schema);
  return name && isObject(schemas[name]) ? (schemas[name] as Json) : schema;
}

function typeLabel(schema: unknown): ReactNode {
  if (!isObject(schema)) return 'any';
  const name = refName(schema);
  if (name) return <a href={`#schema-${name}`} className="underline decoration-zinc-400 underline-offset-2 hover:decoration-zinc-900">{name}</a>;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const variants = (Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null) as unknown[] | null;
  if (variants) return variants.map((v, i) => <span key={i}>{i ? ' | ' : null}{typeLabel(v)}</span>);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? (isObject(schema.properties) ? 'object' : 'any')];
  return types.map((t, i) => (
    <span key={i}>
      {i ? ' | ' : null}
      {t === 'array' ? <>{typeLabel(schema.items)}[]</> : String(t)}
    </span>
  ));
}

function constraints(schema: Json): string[] {
  const out: string[] = [];
  if (typeof schema.format === 'string') out.push(`format: ${schema.format}`);
  if (typeof schema.minimum === 'number' && schema.minimum > -SAFE_INT) out.push(`≥ ${schema.minimum}`);
  if (typeof schema.maximum === 'number' && schema.maximum < SAFE_INT) out.push(`≤ ${schema.maximum}`);
  if (typeof schema.minLength === 'number' && schema.minLength > 0) out.push(`min length ${schema.minLength}`);
  if (typeof schema.maxLength === 'number') out.push(`max length ${schema.maxLength}`);
  if (typeof schema.maxItems === 'number') out.push(`at most ${schema.maxItems} items`);
  if ('default' in schema) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

function Fields({ schema, schemas, depth = 0 }: { schema: Json; schemas: Json; depth?: number }) {
  const target = resolve(schema, schemas);
  const properties = isObject(target.properties) ? target.properties : null;
  if (!properties) {
    return (
      <p className="text-sm text-zinc-700">
        <code className="font-mono text-[13px]">{typeLabel(schema)}</code>
      </p>
    );
  }
  const required = new Set(Array.isArray(target.required) ? target.required.map(String) : []);
  return (
    <ul className={`divide-y divide-zinc-200 rounded-lg border border-zinc-200 ${depth ? 'mt-2 bg-zinc-50' : 'bg-white'}`}>
      {Object.entries(properties).map(([name, raw]) => {
        const prop = isObject(raw) ? raw : {};
        const nested = resolve(prop, schemas);
        const items = isObject(nested.items) ? resolve(nested.items, schemas) : null;
        const child = isObject(nested.properties) && !refName(prop) ? nested : items && isObject(items.properties) && !refName(nested.items as Json) ? items : null;
        const notes = constraints(prop);
        return (
          <li key={name} className="px-3 py-2.5 text-sm">
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              <code className="font-mono font-semibold text-zinc-900">{name}</code>
              <code className="font-mono text-[12.5px] break-all text-zinc-600">{typeLabel(prop)}</code>
              {required.has(name) ? <span className="text-xs font-medium text-red-800">required</span> : null}
            </div>
            {typeof prop.description === 'string' ? <p className="mt-0.5 text-zinc-700">{prop.description}</p> : null}
            {notes.length ? <p className="mt-0.5 text-xs text-zinc-600">{notes.join(' · ')}</p> : null}
            {child && depth < 3 ? <Fields schema={child} schemas={schemas} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function jsonSchemaOf(content: unknown): Json | null {
  if (!isObject(content)) return null;
  const json = content['application/json'];
  return isObject(json) && isObject(json.schema) ? json.schema : null;
}

function OperationCard({ operation, schemas }: { operation: Operation; schemas: Json }) {
  const { method, path, op, parameters } = operation;
  const body = isObject(op.requestBody) ? jsonSchemaOf(op.requestBody.content) : null;
  const responses = isObject(op.responses) ? Object.entries(op.responses) : [];
  const anchor = anchorFor(operation);
  return (
    <section id={anchor} aria-labelledby={`${anchor}-title`} className="scroll-mt-6 rounded-xl border border-zinc-200 bg-white shadow-sm">
      <header className="space-y-2 border-b border-zinc-200 px-5 py-4 sm:px-6">
        <h3 id={`${anchor}-title`} className="flex flex-wrap items-center gap-2">
          <span className={`rounded-md px-2 py-0.5 font-mono text-xs font-semibold uppercase ring-1 ring-inset ${METHOD_TONE[method] ?? ''}`}>{method}</span>
          <code className="font-mono text-sm font-semibold break-all text-zinc-900">{path}</code>
        </h3>
        {typeof op.summary === 'string' ? <p className="text-sm text-zinc-700">{op.summary}</p> : null}
      </header>
      <div className="space-y-5 px-5 py-4 sm:px-6">
        {parameters.length ? (
          <div className="space-y-2">
            <h4 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase">Parameters</h4>
            <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200">
              {parameters.map((p) => (
                <li key={`${String(p.in)}-${String(p.name)}`} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 px-3 py-2.5 text-sm">
                  <code className="font-mono font-semibold text-zinc-900">{String(p.name)}</code>
                  <code className="font-mono text-[12.5px] text-zinc-600">{typeLabel(p.schema)}</code>
                  <span className="text-xs text-zinc-600">in {String(p.in)}</span>
                  {p.required ? <span className="text-xs font-medium text-red-800">required</span> : null}
                  {typeof p.description === 'string' ? <span className="w-full text-zinc-700">{p.description}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {body ? (
          <div className="space-y-2">
            <h4 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase">
              Request body <span className="font-normal normal-case">· application/json{refName(body) ? ` · ${refName(body)}` : ''}</span>
            </h4>
            <Fields schema={body} schemas={schemas} />
          </div>
        ) : null}
        <div className="space-y-2">
          <h4 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase">Responses</h4>
          <ul className="space-y-2">
            {responses.map(([status, raw]) => {
              const response = isObject(raw) ? raw : {};
              const schema = jsonSchemaOf(response.content);
              const ok = status.startsWith('2');
              const line = (
                <span className="flex flex-wrap items-baseline gap-2 text-sm">
                  <code className={`font-mono font-semibold ${ok ? 'text-green-800' : 'text-zinc-800'}`}>{status}</code>
                  <span className="text-zinc-700">{typeof response.description === 'string' ? response.description : null}</span>
                  {schema && refName(schema) ? <code className="font-mono text-[12.5px] text-zinc-600">{refName(schema)}</code> : null}
                </span>
              );
              return (
                <li key={status} className="rounded-lg border border-zinc-200 px-3 py-2">
                  {schema && ok ? (
                    <details className="group">
                      <summary className="flex cursor-pointer list-none items-baseline gap-2 rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus [&::-webkit-details-marker]:hidden">
                        <svg viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 translate-y-0.5 text-zinc-500 transition-transform group-open:rotate-90" aria-hidden="true">
                          <path fillRule="evenodd" d="M8.22 5.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L11.94 10 8.22 6.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
                        </svg>
                        {line}
                        <span className="ml-auto shrink-0 text-xs text-zinc-600 group-open:hidden">Show fields</span>
                      </summary>
                      <div className="pt-2">
                        <Fields schema={schema} schemas={schemas} />
                      </div>
                    </details>
                  ) : (
                    <div className="flex items-baseline gap-2">
                      <span className="size-4 shrink-0" aria-hidden="true" />
                      {line}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </section>
  );
}

export function OpenApiView({ doc }: { doc: Json }) {
  const operations = operationsOf(doc);
  const components = isObject(doc.components) ? doc.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const info = isObject(doc.info) ? doc.info : {};
  const server = Array.isArray(doc.servers) && isObject(doc.servers[0]) ? String(doc.servers[0].url) : '';
  const security = isObject(components.securitySchemes) ? Object.entries(components.securitySchemes).filter(([, s]) => isObject(s)) : [];

  return (
    <div className="grid gap-8 lg:grid-cols-[14rem_minmax(0,1fr)]">
      <nav aria-label="Operations" className="lg:sticky lg:top-6 lg:self-start">
        <h2 className="mb-2 text-xs font-semibold tracking-wide text-zinc-600 uppercase">Operations</h2>
        <ul className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-2 lg:grid-cols-1">
          {operations.map((operation) => (
            <li key={anchorFor(operation)}>
              <a href={`#${anchorFor(operation)}`} className="flex items-baseline gap-2 rounded-md px-2 py-1 text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-focus">
                <span className="w-12 shrink-0 font-mono text-[11px] font-semibold text-zinc-600 uppercase">{operation.method}</span>
                <span className="min-w-0">{typeof operation.op.operationId === 'string' ? operation.op.operationId : operation.path}</span>
              </a>
            </li>
          ))}
          <li>
            <a href="#schemas" className="block rounded-md px-2 py-1 text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-focus">
              Schemas
            </a>
          </li>
        </ul>
      </nav>
      <div className="min-w-0 space-y-8">
        <section aria-labelledby="api-overview" className="space-y-3 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6">
          <h2 id="api-overview" className="text-base font-semibold text-zinc-900">
            {typeof info.title === 'string' ? info.title : 'API'} {typeof info.version === 'string' ? <span className="text-sm font-normal text-zinc-600">v{info.version}</span> : null}
          </h2>
          {typeof info.description === 'string' ? <p className="text-sm text-zinc-700">{info.description}</p> : null}
          <dl className="grid gap-2 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
            <dt className="font-medium text-zinc-700">Base URL</dt>
            <dd>
              <code className="font-mono text-[13px] break-all text-zinc-900">{server}</code>
            </dd>
            {security.map(([name, scheme]) => (
              <div key={name} className="contents">
                <dt className="font-medium text-zinc-700">Authentication</dt>
                <dd className="text-zinc-700">
                  <code className="font-mono text-[13px] text-zinc-900">Authorization: Bearer …</code>
                  {isObject(scheme) && typeof scheme.description === 'string' ? ` — ${scheme.description}` : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>

        <div className="space-y-6">
          <h2 className="sr-only">Operations</h2>
          {operations.map((operation) => (
            <OperationCard key={anchorFor(operation)} operation={operation} schemas={schemas} />
          ))}
        </div>

        <section id="schemas" aria-labelledby="schemas-heading" className="scroll-mt-6 space-y-4">
          <h2 id="schemas-heading" className="text-lg font-semibold text-zinc-900">
            Schemas
          </h2>
          {Object.entries(schemas).map(([name, schema]) => (
            <div key={name} id={`schema-${name}`} className="scroll-mt-6 space-y-2">
              <h3 className="font-mono text-sm font-semibold text-zinc-900">{name}</h3>
              {isObject(schema) ? <Fields schema={schema} schemas={schemas} /> : null}
            </div>
          ))}
        </section>
      </div>
    </div>
  );
}

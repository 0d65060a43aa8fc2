/** "Step 1 of 2" for the create-app wizard, as an ordered list with the current step marked. */
export function WizardSteps({ current }: { current: 1 | 2 }) {
  const steps = ['Kind of app', 'Details'];
  return (
    <ol className="flex items-center gap-3 text-sm" aria-label="Progress">
      {steps.map((label, index) => {
        const n = index + 1;
        const state = n < current ? 'done' : n === current ? 'current' : 'next';
        return (
          <li key={label} className="flex items-center gap-2" aria-current={state === 'current' ? 'step' : undefined}>
            {index > 0 ? <span className="h-px w-6 bg-zinc-300" aria-hidden="true" /> : null}
            <span
              className={`inline-flex size-6 items-center justify-center rounded-full text-xs font-semibold ${state === 'next' ? 'border border-zinc-300 text-zinc-600' : 'bg-zinc-900 text-white'}`}
              aria-hidden="true"
            >
              {n}
            </span>
            <span className={state === 'current' ? 'font-medium text-zinc-900' : 'text-zinc-600'}>
              <span className="sr-only">{`Step ${n} of ${steps.length}: `}</span>
              {label}
              {state === 'done' ? <span className="sr-only"> (done)</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

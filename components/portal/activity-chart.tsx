/**
 * A small server-rendered bar chart of one daily series (no client JavaScript, no chart library).
 * The numbers are also in a visually hidden table, so screen readers get the data, not a picture.
 */
type Point = { day: string; value: number };

const WIDTH = 600;
const HEIGHT = 120;

export function ActivityChart({ label, points, color }: { label: string; points: Point[]; color: string }) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const slot = WIDTH / points.length;
  const total = points.reduce((sum, p) => sum + p.value, 0);
  return (
    <figure className="space-y-2">
      <figcaption className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-zinc-900">{label}</span>
        <span className="tabular-nums text-zinc-600">{total.toLocaleString('en')} in 30 days</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-28 w-full" preserveAspectRatio="none" aria-hidden="true">
        <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} stroke="#e4e4e7" />
        {points.map((p, i) => {
          const h = p.value === 0 ? 0 : Math.max(2, (p.value / max) * (HEIGHT - 8));
          return <rect key={p.day} x={i * slot + slot * 0.15} y={HEIGHT - h} width={slot * 0.7} height={h} rx="1.5" fill={color} />;
        })}
      </svg>
      <div className="flex justify-between text-xs text-zinc-500" aria-hidden="true">
        <span>{formatDay(points[0]?.day)}</span>
        <span>{formatDay(points.at(-1)?.day)}</span>
      </div>
      <table className="sr-only">
        <caption>{label} per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">{label}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.day}>
              <td>{p.day}</td>
              <td>{p.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function formatDay(day: string | undefined): string {
  if (!day) return '';
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

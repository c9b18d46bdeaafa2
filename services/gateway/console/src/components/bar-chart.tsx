/** A plain SVG bar chart (no chart library): labelled bars, a text table fallback for screen readers. */
export function BarChart({ title, data }: { title: string; data: { label: string; value: number }[] }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const barHeight = 22;
  const labelWidth = 110;
  const width = 480;
  const height = data.length * (barHeight + 6) + 6;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
        {data.map((d, i) => {
          const y = 6 + i * (barHeight + 6);
          const w = Math.max(2, ((width - labelWidth - 50) * d.value) / max);
          return (
            <g key={d.label}>
              <text x={labelWidth - 6} y={y + barHeight * 0.7} textAnchor="end" fontSize="13">
                {d.label}
              </text>
              <rect x={labelWidth} y={y} width={w} height={barHeight} fill="#1d5a8c" />
              <text x={labelWidth + w + 6} y={y + barHeight * 0.7} fontSize="13">
                {d.value}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{d.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

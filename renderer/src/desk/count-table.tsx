/** A small two-column table of counts ("By type": label, number), for one breakdown of the report. */
export function CountTable(props: {
  caption: string;
  heading: string;
  rows: readonly { key: string; label: string; count: number }[];
  countLabel: string;
}) {
  return (
    <table className="desk-table count-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.heading}</th>
          <th scope="col">{props.countLabel}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key} data-row={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

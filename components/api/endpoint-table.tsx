export interface EndpointRow {
  method: string;
  path: string;
  summary: string;
  parameters: string[];
}

/** The API's operations as a table (the documentation page; no script needed). */
export function EndpointTable({ rows, text }: { rows: EndpointRow[]; text: { caption: string; method: string; path: string; summary: string; parameters: string; none: string } }) {
  return (
    <table className="table">
      <caption>{text.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{text.method}</th>
          <th scope="col">{text.path}</th>
          <th scope="col">{text.summary}</th>
          <th scope="col">{text.parameters}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.method} ${r.path}`}>
            <td>
              <code>{r.method}</code>
            </td>
            <th scope="row">
              <code>{r.path}</code>
            </th>
            <td>{r.summary}</td>
            <td>{r.parameters.length ? r.parameters.map((p) => <code key={p}>{p} </code>) : text.none}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
